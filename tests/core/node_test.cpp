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

TEST_CASE("nodes are equal when every member is, positions and nested values included") {
    Node leaf;
    leaf.type = Node::Type::Int;
    leaf.text = "2020";
    leaf.int_value = 2020;
    leaf.line = 3;
    leaf.col = 7;
    Node tree;
    tree.type = Node::Type::Map;
    tree.entries.push_back({"year", 3, 1, leaf});
    Node list;
    list.type = Node::Type::List;
    list.items.push_back(leaf);
    tree.entries.push_back({"years", 4, 1, list});
    CHECK(tree == tree);
    const std::vector<void (*)(Node&)> changes = {
        [](Node& n) { n.type = Node::Type::List; },
        [](Node& n) { n.text = "x"; },
        [](Node& n) { n.int_value = 1; },
        [](Node& n) { n.bool_value = true; },
        [](Node& n) { n.line = 9; },
        [](Node& n) { n.col = 9; },
        [](Node& n) { n.entries[0].value.int_value = 2021; },
        [](Node& n) { n.entries[0].line = 9; },
        [](Node& n) { n.entries[0].key = "tahun"; },
        [](Node& n) { n.entries[1].value.items[0].col = 1; },
        [](Node& n) { n.entries[1].value.items.push_back({}); },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        CAPTURE(i);
        Node other = tree;
        changes[i](other);
        CHECK_FALSE(other == tree);
    }
}
