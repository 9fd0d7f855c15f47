// Stage 2, validate: check every loaded record against the content contract
// (core/schema): required fields, types, allowed values, safe ids, duplicate
// ids, references and record links that must resolve. Collects every problem; changes nothing.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "diagnostics.hpp"
#include "load.hpp"

namespace simpul::gen {

// What the live preview keeps of its last validation: each record's own
// findings, by path and file hash. They hold while `context` does: the same
// record files and data files (so the same ids) and the same agencies (whose
// level decides whether an innovation needs a province).
struct ValidationMemory {
    std::uint64_t context = 0;
    std::unordered_map<std::string, std::pair<std::uint64_t, Diagnostics>> records;
};

// `advice` adds warnings for editors: orphan agencies, missing recommended fields.
// With `memory`, a record whose findings it holds is not checked again.
void validate_content(const Content& content, Diagnostics& diags, bool advice = false,
                      ValidationMemory* memory = nullptr);

}  // namespace simpul::gen
