// Stage 2, validate: check every loaded record against the content contract
// (core/schema): required fields, types, allowed values, safe ids, duplicate
// ids, and references that must resolve. Collects every problem; changes nothing.
#pragma once

#include "diagnostics.hpp"
#include "load.hpp"

namespace simpul::gen {

void validate_content(const Content& content, Diagnostics& diags);

}  // namespace simpul::gen
