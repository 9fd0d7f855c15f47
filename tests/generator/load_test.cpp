// Tests for generator/src/load.cpp: front matter, YAML and JSON with positions.
#include "load.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

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

TEST_CASE("a whole content folder loads every record type and data file") {
    Diagnostics d;
    Content c = load_content(test::fixture("valid/basic/content"), "content", d);
    CHECK(d.all().empty());
    CHECK(c.data.at(RecordType::Site).present);
    CHECK(c.data.at(RecordType::Province).root.items.size() == 2);
    CHECK(c.records.size() == 11);
    bool json_agency = false;
    for (const auto& r : c.records)
        if (r.path == "content/agencies/pemprov-kalsel.json")
            json_agency = r.format == Format::Json;
    CHECK(json_agency);
}

namespace {
std::string load_messages(const std::filesystem::path& dir) {
    Diagnostics d;
    load_content(dir, "content", d);
    std::string out;
    for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
    return out;
}
test::TempDir valid_copy() {
    test::TempDir tmp;
    std::filesystem::copy(test::fixture("valid/basic/content"), tmp / "content", std::filesystem::copy_options::recursive);
    return tmp;
}
}  // namespace

TEST_CASE("invalid UTF-8 is reported at its line and column") {
    auto tmp = valid_copy();
    test::write_file(tmp / "content/agencies/rusak.yaml", "name: \"ok\"\ntype: \"ab\xFF\"\n");
    CHECK(load_messages(tmp / "content") ==
          "content/agencies/rusak.yaml:2:10: error[encoding]: the file is not valid UTF-8 (byte 0xFF); save it as UTF-8\n");
    test::write_file(tmp / "content/agencies/rusak.yaml", "name: \"\xC0\xAF\"\n");  // overlong '/'
    CHECK(load_messages(tmp / "content").find("error[encoding]") != std::string::npos);
}

TEST_CASE("a byte-order mark and CRLF line ends are accepted") {
    auto tmp = valid_copy();
    test::write_file(tmp / "content/agencies/crlf.yaml",
                     "\xEF\xBB\xBFname: \"CRLF\"\r\ntype: lainnya\r\nlevel: pusat\r\nsources: [{title: t, seed: s}]\r\n");
    CHECK(load_messages(tmp / "content") == "");
}

TEST_CASE("links inside the content folder are followed; links outside, loops and huge files are refused") {
    namespace fs = std::filesystem;
    auto tmp = valid_copy();
    test::write_file(tmp / "secret.yaml", "name: rahasia\n");
    fs::create_symlink(tmp / "secret.yaml", tmp / "content/agencies/luar.yaml");
    fs::create_symlink("lingkar.yaml", tmp / "content/agencies/lingkar.yaml");
    fs::create_symlink("kemenpanrb.yaml", tmp / "content/agencies/alias.yaml");
    std::string big(11 * 1024 * 1024, 'a');
    test::write_file(tmp / "content/regulations/besar.md", "---\ntitle: x\n---\n" + big);
    CHECK(load_messages(tmp / "content") ==
          "content/agencies/lingkar.yaml:1:1: error[bad-link]: this link leads nowhere (a loop or a missing file)\n"
          "content/agencies/luar.yaml:1:1: error[outside-content]: this link points outside the content folder; copy "
          "the file in instead\n"
          "content/regulations/besar.md:1:1: error[too-large]: the file is 11 MB; a record may be at most 10 MB\n");
}
