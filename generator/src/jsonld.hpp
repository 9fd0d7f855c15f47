// schema.org JSON-LD of innovation and hub pages (GovernmentService and
// Organization), written into <script type="application/ld+json"> by the layout.
#pragma once

#include <string>

#include "view.hpp"

namespace simpul::gen {

// JSON text that is safe inside a <script> element: "<", ">", "&", U+2028 and
// U+2029 are written as \u escapes (still the same JSON value).
std::string script_safe_json(const json& j);

std::string innovation_jsonld(const ViewContext& v, const Innovation& inn);
std::string hub_jsonld(const ViewContext& v, const Hub& hub);

}  // namespace simpul::gen
