// Fuzz harness front_matter: the text of a Markdown record through the front
// matter splitter and YAML loading (parse.cpp: split_front_matter, parse_yaml,
// yaml-cpp and the YAML-to-Node conversion). Without a front matter block the
// whole input is loaded as a .yaml record, as load.cpp does for .yaml files.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "parse.hpp"

namespace {

void check_node(const simpul::Node& n, int first_line) {
    fuzz_check(n.line >= first_line, "a YAML value positioned before the text");
    for (const auto& item : n.items) check_node(item, first_line);
    for (const auto& e : n.entries) {
        fuzz_check(e.line >= first_line, "a YAML key positioned before the text");
        check_node(e.value, first_line);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace simpul::gen;
    std::string text(reinterpret_cast<const char*>(data), size);
    simpul::Diagnostics diags;
    std::optional<simpul::Node> node;
    int first_line = 1;
    if (auto fm = split_front_matter(text, "fuzz.md", diags)) {
        fuzz_check(fm->yaml.size() + fm->body.size() <= text.size(),
                   "front matter longer than the text");
        fuzz_check(fm->body_line >= 3, "a body before the closing ---");
        first_line = 2;
        node = parse_yaml(fm->yaml, "fuzz.md", first_line, diags);
    } else {
        fuzz_check(diags.has_errors(), "no front matter but no error either");
        diags = {};
        node = parse_yaml(text, "fuzz.yaml", first_line, diags);
    }
    if (node)
        check_node(*node, first_line);
    else
        fuzz_check(diags.has_errors(), "YAML rejected without a diagnostic");
    return 0;
}
