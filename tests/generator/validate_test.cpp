// Tests for generator/src/validate.cpp: every invalid fixture yields exactly
// its expected diagnostics; the valid fixture and the real content yield none.
#include "validate.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {

std::string diagnostics_of(const std::filesystem::path& content) {
    Diagnostics d;
    Content c = load_content(content, "content", d);
    validate_content(c, d);
    std::string out;
    for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
    return out;
}

// expected.txt holds the CLI's stderr: each diagnostic with its quoted line and
// hint, then a summary. The diagnostic lines are those starting with the path.
std::string expected_diagnostics(const std::string& name) {
    std::istringstream all(test::read_file(test::fixture("invalid/" + name + "/expected.txt")));
    std::string out;
    for (std::string line; std::getline(all, line);)
        if (line.rfind("content", 0) == 0) out += line + "\n";
    return out;
}

}  // namespace

TEST_CASE("valid content has no diagnostics") {
    CHECK(diagnostics_of(test::fixture("valid/basic/content")) == "");
    CHECK(diagnostics_of(test::source_dir() / "content") == "");
}

TEST_CASE("each invalid fixture gives exactly its expected diagnostics") {
    for (const char* name :
         {"fields", "files", "ids", "json-syntax", "references", "yaml-syntax"}) {
        CAPTURE(name);
        CHECK(diagnostics_of(test::fixture(std::string("invalid/") + name + "/content")) ==
              expected_diagnostics(name));
    }
}

TEST_CASE("the expected files cover every error kind of the contract") {
    std::string all;
    for (const char* name : {"fields", "files", "ids", "json-syntax", "references", "yaml-syntax"})
        all += expected_diagnostics(name);
    for (const char* code :
         {"yaml-syntax", "json-syntax", "front-matter", "empty-file", "missing-file",
          "missing-field", "wrong-type", "unknown-field", "bad-value", "bad-url", "bad-date",
          "bad-id", "duplicate-id", "duplicate-key", "unresolved-ref"}) {
        CAPTURE(code);
        CHECK(all.find(std::string("error[") + code + "]") != std::string::npos);
    }
    for (const char* target : {"agency '", "hub '", "innovation '", "event '", "province code '",
                               "sector '", "SDG '", "program '"}) {
        CAPTURE(target);
        CHECK(all.find(std::string("error[unresolved-ref]: ") + target) != std::string::npos);
    }
}

TEST_CASE("an unknown field suggests the closest known one") {
    test::TempDir tmp;
    std::filesystem::copy(test::fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    test::write_file(tmp / "content/regulations/permen-uji.md",
                     "---\ntitle: \"P\"\nnumber: \"1\"\nyear: 2020\ncatatan: []\nsources: [{title: "
                     "t, seed: s}]\n---\n");
    CHECK(diagnostics_of(tmp / "content") ==
          "content/regulations/permen-uji.md:5:1: error[unknown-field]: unknown field 'catatan' in "
          "regulation "
          "(put extra information under 'extra:')\n");
}

TEST_CASE("record links in bodies must point at existing records") {
    test::TempDir tmp;
    std::filesystem::copy(test::fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    test::write_file(
        tmp / "content/regulations/permen-uji.md",
        "---\ntitle: \"P\"\nnumber: \"1\"\nyear: 2020\nsources: [{title: t, seed: s}]\n---\n"
        "Lihat [bank sampah](inovasi:bank-sampah) dan [Kalsel](provinsi:kalimantan-selatan).\n\n"
        "Juga [ini](inovasi:tidak-ada).\n");
    CHECK(diagnostics_of(tmp / "content") ==
          "content/regulations/permen-uji.md:9:1: error[broken-link]: record link "
          "'inovasi:tidak-ada' points to a "
          "record that does not exist\n");
}

TEST_CASE("advice: orphan agencies and missing recommended fields are warnings") {
    Diagnostics d;
    Content c = load_content(test::fixture("valid/basic/content"), "content", d);
    validate_content(c, d, /*advice=*/true);
    CHECK_FALSE(d.has_errors());
    std::string all;
    for (const auto& x : d.sorted()) all += format_diagnostic(x) + "\n";
    CHECK(all ==
          "content/innovations/layanan-daring.json:1:1: warning[recommended]: innovation has no "
          "'status' (recommended)\n"
          "content/innovations/sekolah-rimba.yaml:1:1: warning[recommended]: innovation has no "
          "'stage' (recommended)\n"
          "content/innovations/sekolah-rimba.yaml:1:1: warning[recommended]: innovation has no "
          "'status' (recommended)\n"
          "content/innovations/sekolah-rimba.yaml:1:1: warning[recommended]: innovation has no "
          "'year' (recommended)\n"
          "content/site.yaml:1:1: warning[no-base-url]: site has no 'base_url': sitemap.xml and "
          "feed.xml then hold relative addresses, which search engines and feed readers do not "
          "follow; set it to the address the site is published at\n");
    // With its address, and with an empty one (a key written but not filled in).
    auto tmp = test::TempDir();
    std::filesystem::copy(test::fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    const std::string site = test::read_file(tmp / "content/site.yaml");
    auto site_advice = [&](const std::string& extra) {
        test::write_file(tmp / "content/site.yaml", site + extra);
        Diagnostics dd;
        Content cc = load_content(tmp / "content", "content", dd);
        validate_content(cc, dd, /*advice=*/true);
        std::string out;
        for (const auto& x : dd.sorted())
            if (x.path == "content/site.yaml") out += format_diagnostic(x) + "\n";
        return out;
    };
    CHECK(site_advice("base_url: \"https://katalog.example.go.id/\"\n") == "");
    const int line = 1 + static_cast<int>(std::count(site.begin(), site.end(), '\n'));
    CHECK(site_advice("base_url: \"\"\n")
              .rfind("content/site.yaml:" + std::to_string(line) +
                         ":1: warning[no-base-url]: site has no "
                         "'base_url'",
                     0) == 0);
}

TEST_CASE("the preview's validation memory gives unchanged records' findings while they hold") {
    auto text = [](const Diagnostics& d) {
        std::string out;
        for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
        return out;
    };
    Diagnostics loaded;
    Content c = load_content(test::fixture("invalid/references/content"), "content", loaded);
    Diagnostics plain;
    validate_content(c, plain);
    ValidationMemory memory;
    Diagnostics first;
    validate_content(c, first, false, &memory);
    CHECK(text(first) == text(plain));
    CHECK(memory.records.size() == c.records.size());

    const std::string rimba = "content/innovations/sekolah-rimba.yaml";
    auto plant = [&] {  // a finding only the memory holds
        Diagnostics marked;
        marked.error(rimba, 1, 1, "kept", "from memory");
        memory.records.at(rimba).second = marked;
    };
    auto again = [&] {
        Diagnostics d;
        validate_content(c, d, false, &memory);
        return text(d);
    };
    plant();
    CHECK(again().find("error[kept]: from memory") != std::string::npos);
    // The record's file changed: checked again.
    auto doc = std::find_if(c.records.begin(), c.records.end(),
                            [&](const Document& d) { return d.path == rimba; });
    REQUIRE(doc != c.records.end());
    doc->hash ^= 1;
    CHECK(again() == text(plain));
    // An agency changed: every record is checked again.
    plant();
    auto agency = std::find_if(c.records.begin(), c.records.end(),
                               [](const Document& d) { return d.type == RecordType::Agency; });
    REQUIRE(agency != c.records.end());
    agency->hash ^= 1;
    CHECK(again() == text(plain));
    // So does a data file (the ids it defines).
    plant();
    c.data[RecordType::Sector].hash ^= 1;
    CHECK(again() == text(plain));
}
