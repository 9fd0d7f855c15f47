// Tests for generator/src/scaffold.cpp: `simpul new` writes files that follow
// the schema, never overwrites, and rejects bad ids.
#include "scaffold.hpp"

#include <doctest/doctest.h>

#include "load.hpp"
#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;
namespace fs = std::filesystem;

TEST_CASE("record types by name") {
    CHECK(record_type_named("innovation") == RecordType::Innovation);
    CHECK(record_type_named("regulation") == RecordType::Regulation);
    CHECK_FALSE(record_type_named("province"));  // a data list, not a record file
    CHECK_FALSE(record_type_named("inovasi"));
    CHECK(scaffold_extension(RecordType::Innovation) == ".md");
    CHECK(scaffold_extension(RecordType::Agency) == ".yaml");
}

TEST_CASE("a scaffold lists every field, required ones open, and today's date") {
    std::string text = scaffold_record(RecordType::Innovation, "2026-11-22");
    CHECK(text.rfind(
              "---\n# yaml-language-server: $schema=../../public/schema/innovation.schema.json\n",
              0) == 0);
    CHECK(text.find("\ntitle: \"\"  # (wajib / required)\n") != std::string::npos);
    CHECK(text.find("\n# stage: \"\"  # penciptaan | pengembangan | pelembagaan\n") !=
          std::string::npos);
    CHECK(text.find("\nupdated: \"2026-11-22\"") != std::string::npos);
    CHECK(text.find("\n## Cara mereplikasi\n") != std::string::npos);
    for (const auto& f : schema_for(RecordType::Innovation).fields) {
        if (f.name == "body" || f.name == "extra") continue;
        CAPTURE(std::string(f.name));
        CHECK(text.find(std::string(f.name) + ":") != std::string::npos);
    }
}

TEST_CASE("each scaffold parses, and unfilled it fails only on what must be filled in") {
    test::TempDir tmp;
    fs::copy(test::fixture("valid/basic/content"), tmp / "content", fs::copy_options::recursive);
    for (const char* type : {"innovation", "hub", "agency", "replication", "event", "regulation"}) {
        CAPTURE(type);
        NewResult r = create_record(tmp / "content", "content", *record_type_named(type), "baru",
                                    "2026-11-22");
        REQUIRE(r.ok);
    }
    Diagnostics d;
    Content c = load_content(tmp / "content", "content", d);
    validate_content(c, d);
    REQUIRE(d.has_errors());
    for (const auto& x : d.all()) {
        CAPTURE(format_diagnostic(x));
        CHECK(x.path.find("/baru.") != std::string::npos);
        // Empty required fields: missing, empty text, unresolved "" references; never unknown
        // fields or syntax.
        bool expected = x.code == "missing-field" || x.code == "unresolved-ref" ||
                        x.code == "bad-value" || x.code == "bad-date" || x.code == "bad-url";
        CHECK(expected);
    }
}

TEST_CASE("new refuses existing records and bad ids, with exact messages") {
    test::TempDir tmp;
    fs::create_directories(tmp / "content/innovations");
    test::write_file(tmp / "content/innovations/omspan.json", "{}");
    NewResult dup =
        create_record(tmp / "content", "content", RecordType::Innovation, "omspan", "2026-11-22");
    CHECK_FALSE(dup.ok);
    CHECK(dup.error ==
          "content/innovations/omspan.json:1:1: error[duplicate-id]: innovation 'omspan' already "
          "exists");
    NewResult bad =
        create_record(tmp / "content", "content", RecordType::Innovation, "OM_SPAN", "2026-11-22");
    CHECK_FALSE(bad.ok);
    CHECK(bad.error ==
          "content/innovations/OM_SPAN.md:1:1: error[bad-id]: record id 'OM_SPAN' must use only "
          "a-z, 0-9 and single "
          "hyphens between them");
    CHECK_FALSE(fs::exists(tmp / "content/innovations/OM_SPAN.md"));
}
