// Tests for core/diagnostics: the message format and the stable order.
#include "diagnostics.hpp"

#include <doctest/doctest.h>

using namespace simpul;

TEST_CASE("a diagnostic prints as path:line:col: error[code]: message") {
    Diagnostic d{"content/innovations/x.md", 3, 7, Severity::Error, "missing-field", "no title"};
    CHECK(format_diagnostic(d) == "content/innovations/x.md:3:7: error[missing-field]: no title");
    d.severity = Severity::Warning;
    CHECK(format_diagnostic(d) == "content/innovations/x.md:3:7: warning[missing-field]: no title");
}

TEST_CASE("a whole-file problem is reported at 1:1") {
    Diagnostic d{"content/site.yaml",       0, 0, Severity::Error, "missing-file",
                 "required file is missing"};
    CHECK(format_diagnostic(d) ==
          "content/site.yaml:1:1: error[missing-file]: required file is missing");
}

TEST_CASE("diagnostics sort by path, line and column and count only errors") {
    Diagnostics ds;
    ds.error("b.md", 1, 1, "x", "late file");
    ds.warning("a.md", 9, 1, "w", "a warning");
    ds.error("a.md", 2, 5, "x", "second");
    ds.error("a.md", 2, 1, "x", "first");
    auto sorted = ds.sorted();
    REQUIRE(sorted.size() == 4);
    CHECK(sorted[0].message == "first");
    CHECK(sorted[1].message == "second");
    CHECK(sorted[2].message == "a warning");
    CHECK(sorted[3].message == "late file");
    CHECK(ds.error_count() == 3);
    CHECK(ds.has_errors());
    CHECK_FALSE(Diagnostics{}.has_errors());
}
