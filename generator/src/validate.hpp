// Stage 2, validate: check every loaded record against the content contract
// (core/schema): required fields, types, allowed values, safe ids, duplicate
// ids, references and record links that must resolve. Collects every problem; changes nothing.
#pragma once

#include "diagnostics.hpp"
#include "load.hpp"

namespace simpul::gen {

// `advice` adds warnings for editors: orphan agencies, missing recommended fields.
void validate_content(const Content& content, Diagnostics& diags, bool advice = false);

}  // namespace simpul::gen
