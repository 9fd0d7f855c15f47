// Tests for core/decode: Nodes become typed records.
#include "decode.hpp"

#include <doctest/doctest.h>

using namespace simpul;

namespace {
Node scalar(Node::Type t, std::string text, long long i = 0) {
    Node n;
    n.type = t;
    n.bool_value = text == "true";
    n.text = std::move(text);
    n.int_value = i;
    return n;
}
Node map(std::vector<std::pair<std::string, Node>> kv) {
    Node n;
    n.type = Node::Type::Map;
    for (auto& [k, v] : kv) n.entries.push_back({k, 1, 1, std::move(v)});
    return n;
}
Node list(std::vector<Node> items) {
    Node n;
    n.type = Node::Type::List;
    n.items = std::move(items);
    return n;
}
}  // namespace

TEST_CASE("an innovation decodes every field, the body from the file first") {
    Node n = map({{"title", scalar(Node::Type::String, "Omspan")},
                  {"agency", scalar(Node::Type::String, "kemenkeu")},
                  {"year", scalar(Node::Type::Int, "2014", 2014)},
                  {"sectors", list({scalar(Node::Type::String, "keuangan")})},
                  {"sdgs", list({scalar(Node::Type::Int, "16", 16)})},
                  {"digital", scalar(Node::Type::Bool, "true")},
                  {"body", scalar(Node::Type::String, "from field")},
                  {"sources", list({map({{"title", scalar(Node::Type::String, "Berita")},
                                         {"seed", scalar(Node::Type::String, "001.txt")}})})}});
    Innovation i = decode_innovation("omspan", n, "", {"content/innovations/omspan.json", 1});
    CHECK(i.id == "omspan");
    CHECK(i.title == "Omspan");
    CHECK(i.year == 2014);
    CHECK(i.sectors == std::vector<std::string>{"keuangan"});
    CHECK(i.sdgs == std::vector<int>{16});
    REQUIRE(i.digital.has_value());
    CHECK(*i.digital);
    CHECK(i.body == "from field");
    REQUIRE(i.sources.size() == 1);
    CHECK(i.sources[0].seed == "001.txt");
    CHECK(decode_innovation("x", n, "from file", {}).body == "from file");
}

TEST_CASE("an event without status is 'terlaksana'; unknown numbers stay unknown") {
    Node n = map({{"title", scalar(Node::Type::String, "FRIPP")}});
    CHECK(decode_event("e", n, "", {}).status == "terlaksana");
    Province p = decode_province(map({{"code", scalar(Node::Type::String, "63")}}));
    CHECK(p.kabupaten == -1);
    CHECK(p.kota == -1);
}
