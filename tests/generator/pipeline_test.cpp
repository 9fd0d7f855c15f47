// Tests for generator/src/pipeline.cpp: whole builds of a fixture site are
// repeatable, independent of thread count, and `check` writes nothing.
#include "pipeline.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {
BuildOptions options(const fs::path& out, unsigned threads = 0) {
    BuildOptions o;
    o.content_dir = simpul::test::fixture("valid/basic/content");
    o.template_dir = simpul::test::source_dir() / "site-template";
    o.out_dir = out;
    o.threads = threads;
    return o;
}
}  // namespace

TEST_CASE("two builds are byte-identical, whatever the thread count") {
    simpul::test::TempDir tmp;
    BuildResult a = run_build(options(tmp / "a", 1));
    REQUIRE(a.ok);
    BuildResult b = run_build(options(tmp / "b", 4));
    REQUIRE(b.ok);
    auto sa = simpul::test::snapshot(tmp / "a");
    CHECK(sa == simpul::test::snapshot(tmp / "b"));
    CHECK(sa.size() == a.files);
    CHECK(sa.count("en/inovasi/bank-sampah/index.html") == 1);
    CHECK(sa.count("assets/style.css") == 1);
}

TEST_CASE("the build reports records per type, pages and stage times") {
    simpul::test::TempDir tmp;
    BuildResult r = run_build(options(tmp / "out"));
    REQUIRE(r.ok);
    std::map<std::string, std::size_t> records(r.records.begin(), r.records.end());
    CHECK(records["innovation"] == 3);
    CHECK(records["province"] == 2);
    CHECK(records["event"] == 2);
    // One robots.txt and one sitemap (of both languages) at the root only.
    CHECK(r.pages_per_language.at("id") == r.pages_per_language.at("en") + 2);
    std::vector<std::string> stages;
    for (const auto& s : r.stages) stages.push_back(s.name);
    CHECK(stages == std::vector<std::string>{"load", "validate", "model", "history", "templates",
                                             "render+write", "dashboard", "open data", "search",
                                             "publish"});
    std::string summary = format_summary(r, options(tmp / "out"));
    CHECK(summary.find("innovation" + std::string(14, ' ') + "3\n") != std::string::npos);
}

TEST_CASE("check validates templates too but writes nothing") {
    simpul::test::TempDir tmp;
    BuildOptions o = options(tmp / "out");
    o.check_only = true;
    BuildResult r = run_build(o);
    CHECK(r.ok);
    CHECK_FALSE(fs::exists(tmp / "out"));
}

TEST_CASE("a rendered page escapes record text and drops raw HTML from bodies") {
    simpul::test::TempDir tmp;
    REQUIRE(run_build(options(tmp / "out")).ok);
    std::string page = simpul::test::read_file(tmp / "out/inovasi/bank-sampah/index.html");
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    CHECK(page.find("Bank Sampah Uji") != std::string::npos);
    CHECK(page.find("Petugas Uji") != std::string::npos);
}
