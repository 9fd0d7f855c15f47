// Tests for core/node: look-ups and type names.
#include "node.hpp"

#include <doctest/doctest.h>

using namespace simpul;

TEST_CASE("a map node finds entries by key and keeps their positions") {
    Node title;
    title.type = Node::Type::String;
    title.text = "Omspan";
    Node m;
    m.type = Node::Type::Map;
    m.entries.push_back({"title", 2, 1, title});
    REQUIRE(m.entry("title") != nullptr);
    CHECK(m.entry("title")->line == 2);
    CHECK(m.get("title")->text == "Omspan");
    CHECK(m.get("summary") == nullptr);
    CHECK(title.is_scalar());
    CHECK_FALSE(m.is_scalar());
    CHECK(std::string(node_type_name(Node::Type::List)) == "a list");
}
