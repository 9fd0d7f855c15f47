// Tests for generator/src/parse.cpp: front matter, YAML and JSON with positions.
#include "parse.hpp"

#include <doctest/doctest.h>

using namespace simpul;
using namespace simpul::gen;

namespace {
std::string only_message(const Diagnostics& d) {
    REQUIRE(d.all().size() == 1);
    return format_diagnostic(d.all()[0]);
}
}  // namespace

TEST_CASE("front matter is split from the body, which keeps its first line number") {
    Diagnostics d;
    auto fm = split_front_matter("---\ntitle: x\n---\n## Isi\n", "a.md", d);
    REQUIRE(fm);
    CHECK(fm->yaml == "title: x\n");
    CHECK(fm->body == "## Isi\n");
    CHECK(fm->body_line == 4);
    CHECK(d.all().empty());
}

TEST_CASE("front matter with CRLF line ends is accepted") {
    Diagnostics d;
    auto fm = split_front_matter("---\r\ntitle: x\r\n---\r\nisi\r\n", "a.md", d);
    REQUIRE(fm);
    CHECK(fm->body == "isi\r\n");
}

TEST_CASE("a missing or unclosed front matter is reported") {
    Diagnostics d;
    CHECK_FALSE(split_front_matter("title: x\n", "a.md", d));
    CHECK(only_message(d) ==
          "a.md:1:1: error[front-matter]: a Markdown record must start with a '---' line opening "
          "its front matter");
    Diagnostics d2;
    CHECK_FALSE(split_front_matter("---\ntitle: x\n", "b.md", d2));
    CHECK(only_message(d2) ==
          "b.md:1:1: error[front-matter]: the front matter opened on line 1 is never closed with "
          "'---'");
}

TEST_CASE("YAML scalars are typed: quoted text stays text, plain numbers are numbers") {
    Diagnostics d;
    auto n =
        parse_yaml("code: \"11\"\nyear: 2020\nok: true\ndate: 2020-10-27\nnone:\n", "a.yaml", 1, d);
    REQUIRE(n);
    CHECK(n->get("code")->type == Node::Type::String);
    CHECK(n->get("year")->type == Node::Type::Int);
    CHECK(n->get("year")->int_value == 2020);
    CHECK(n->get("ok")->type == Node::Type::Bool);
    CHECK(n->get("date")->type == Node::Type::String);
    CHECK(n->get("none")->type == Node::Type::Null);
}

TEST_CASE("YAML keys and values keep file positions, offset for front matter") {
    Diagnostics d;
    auto n = parse_yaml("title: x\nsectors:\n  - a\n  - b\n", "a.md", 2, d);
    REQUIRE(n);
    const NodeEntry* e = n->entry("sectors");
    REQUIRE(e);
    CHECK(e->line == 3);
    CHECK(e->col == 1);
    CHECK(e->value.items[1].line == 5);
    CHECK(e->value.items[1].col == 5);
}

TEST_CASE("YAML syntax errors and duplicate keys carry line and column") {
    Diagnostics d;
    CHECK_FALSE(parse_yaml("a: [1, 2\nb: 3\n", "a.yaml", 1, d));
    CHECK(only_message(d) == "a.yaml:2:2: error[yaml-syntax]: end of sequence flow not found");
    Diagnostics d2;
    auto n = parse_yaml("a: 1\nb: 2\na: 3\n", "b.yaml", 1, d2);
    REQUIRE(n);
    CHECK(only_message(d2) == "b.yaml:3:1: error[duplicate-key]: key 'a' appears more than once");
    CHECK(n->get("a")->int_value == 1);
}

TEST_CASE("JSON records keep the line of each key") {
    Diagnostics d;
    auto n = parse_json(
        "{\n  \"title\": \"Omspan\",\n  \"year\": 2014,\n  \"sectors\": [\"keuangan\"]\n}\n",
        "a.json", d);
    REQUIRE(n);
    CHECK(d.all().empty());
    CHECK(n->entry("title")->line == 2);
    CHECK(n->entry("title")->col == 3);
    CHECK(n->entry("year")->line == 3);
    CHECK(n->get("year")->type == Node::Type::Int);
    CHECK(n->get("sectors")->items[0].text == "keuangan");
}

TEST_CASE("JSON syntax errors and duplicate keys are reported with positions") {
    Diagnostics d;
    CHECK_FALSE(parse_json("{\n  \"a\": 1,\n}\n", "a.json", d));
    CHECK(only_message(d) ==
          "a.json:3:1: error[json-syntax]: syntax error while parsing object key - unexpected '}'; "
          "expected string literal");
    Diagnostics d2;
    auto n = parse_json("{\"a\": 1,\n \"a\": 2}", "b.json", d2);
    REQUIRE(n);
    CHECK(only_message(d2) == "b.json:2:2: error[duplicate-key]: key 'a' appears more than once");
    CHECK(n->entries.size() == 1);
}

TEST_CASE("plain scalars follow the YAML 1.2 core schema") {
    Diagnostics d;
    auto n = parse_yaml("a: -12\nb: +3\nc: 1.5\nd: .5\ne: 1.5e3\nf: 1e3\ng: 12ab\nh: 2020-10\n",
                        "a.yaml", 1, d);
    REQUIRE(n);
    CHECK(n->get("a")->int_value == -12);
    CHECK(n->get("b")->type == Node::Type::Int);
    CHECK(n->get("c")->type == Node::Type::Float);
    CHECK(n->get("d")->type == Node::Type::Float);
    CHECK(n->get("e")->type == Node::Type::Float);
    CHECK(n->get("f")->type == Node::Type::String);
    CHECK(n->get("g")->type == Node::Type::String);
    CHECK(n->get("h")->type == Node::Type::String);
}
