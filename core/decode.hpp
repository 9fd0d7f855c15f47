// Decoding: validated Nodes into typed records. Assumes validation passed
// (wrong shapes decode to empty values rather than failing); ids, bodies and
// origins come from the loader.
#pragma once

#include "model.hpp"
#include "node.hpp"

namespace simpul {

Site decode_site(const Node& n);
Province decode_province(const Node& n);
Sector decode_sector(const Node& n);
Sdg decode_sdg(const Node& n);
Program decode_program(const Node& n);

Agency decode_agency(const std::string& id, const Node& n, Origin origin);
Innovation decode_innovation(const std::string& id, const Node& n, std::string body, Origin origin);
Hub decode_hub(const std::string& id, const Node& n, std::string body, Origin origin);
Replication decode_replication(const std::string& id, const Node& n, Origin origin);
Event decode_event(const std::string& id, const Node& n, std::string body, Origin origin);
Regulation decode_regulation(const std::string& id, const Node& n, std::string body, Origin origin);

}  // namespace simpul
