// Parsing record text into positioned Nodes: YAML (yaml-cpp), JSON
// (nlohmann/json SAX) and the front matter of Markdown records. Pure text in,
// Nodes and diagnostics out; used by the loader, the tests and the fuzzers.
#pragma once

#include <optional>
#include <string>

#include "diagnostics.hpp"
#include "node.hpp"

namespace simpul::gen {

// Parsing helpers, exposed for tests and fuzzing. `first_line` is the file line
// of the text's first line (front matter starts on line 2).
std::optional<Node> parse_yaml(const std::string& text, const std::string& path, int first_line,
                               Diagnostics& diags);
std::optional<Node> parse_json(const std::string& text, const std::string& path,
                               Diagnostics& diags);

struct FrontMatter {
    std::string yaml;  // between the --- lines
    std::string body;  // after the closing ---
    int body_line = 0;
};
// Splits a Markdown record; reports a missing or unclosed front matter block.
std::optional<FrontMatter> split_front_matter(const std::string& text, const std::string& path,
                                              Diagnostics& diags);

}  // namespace simpul::gen
