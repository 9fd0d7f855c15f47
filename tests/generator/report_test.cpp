// Tests for generator/src/report.cpp: text with quoted line and hint, JSON,
// and GitHub workflow commands.
#include "report.hpp"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

using namespace simpul;
using namespace simpul::gen;

namespace {
LineReader fake_lines() {
    return [](const std::string& path, int line) -> std::optional<std::string> {
        if (path == "content/innovations/a.md" && line == 4)
            return std::string("year: \"dua ribu\"");
        return std::nullopt;
    };
}
const std::vector<Diagnostic> kDiags = {
    {"content/innovations/a.md", 4, 7, Severity::Error, "wrong-type",
     "field 'year' must be a year (a whole number), found text 'dua ribu'"},
    {"content/site.yaml", 0, 0, Severity::Warning, "orphan", "agency 'x' is not used, really: yes"},
};
}  // namespace

TEST_CASE("text: the diagnostic, the offending line with a caret, and a hint") {
    CHECK(format_report(kDiags, ReportFormat::Text, fake_lines()) ==
          "content/innovations/a.md:4:7: error[wrong-type]: field 'year' must be a year (a whole "
          "number), found text 'dua ribu'\n"
          " 4 | year: \"dua ribu\"\n"
          "   |       ^\n"
          "  = hint: numbers and years without quotes, lists as [a, b] or '- item' lines\n"
          "content/site.yaml:1:1: warning[orphan]: agency 'x' is not used, really: yes\n"
          "  = hint: link it from a record (agency: ...), or remove it if it is not needed\n");
}

TEST_CASE("json: one object per diagnostic") {
    auto j = nlohmann::json::parse(format_report(kDiags, ReportFormat::Json, fake_lines()));
    REQUIRE(j.size() == 2);
    CHECK(j[0]["path"] == "content/innovations/a.md");
    CHECK(j[0]["line"] == 4);
    CHECK(j[0]["column"] == 7);
    CHECK(j[0]["severity"] == "error");
    CHECK(j[0]["code"] == "wrong-type");
    CHECK(j[1]["line"] == 1);
    CHECK(j[1]["severity"] == "warning");
}

TEST_CASE("github: workflow commands with escaped properties and data") {
    CHECK(format_report(kDiags, ReportFormat::Github, fake_lines()) ==
          "::error file=content/innovations/a.md,line=4,col=7,title=wrong-type::field 'year' must "
          "be a year (a whole "
          "number), found text 'dua ribu'\n"
          "::warning file=content/site.yaml,line=1,col=1,title=orphan::agency 'x' is not used, "
          "really: yes\n");
    std::vector<Diagnostic> odd = {{"a,b:c.md", 1, 1, Severity::Error, "x", "50% done\nnext"}};
    CHECK(format_report(odd, ReportFormat::Github, fake_lines()) ==
          "::error file=a%2Cb%3Ac.md,line=1,col=1,title=x::50%25 done%0Anext\n");
}

TEST_CASE("every diagnostic code the validator uses has a hint") {
    for (const char* code :
         {"yaml-syntax",      "json-syntax",     "front-matter",  "empty-file",    "missing-file",
          "missing-field",    "wrong-type",      "unknown-field", "bad-value",     "bad-url",
          "bad-date",         "bad-id",          "duplicate-id",  "duplicate-key", "unresolved-ref",
          "missing-template", "orphan",          "recommended",   "broken-link",   "encoding",
          "bad-link",         "outside-content", "too-large",     "read-error",    "unknown-file",
          "template-syntax",  "write-error",     "no-base-url"}) {
        CAPTURE(code);
        CHECK_FALSE(hint_for(code).empty());
    }
}
