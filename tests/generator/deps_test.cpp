// Tests for generator/src/deps.cpp: a page's fingerprint changes with what the
// page shows and only with that (the rebuild renders a page again exactly then;
// pipeline_test checks whole rebuilds against clean builds).
#include "deps.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string_view>

#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {

// Every page's fingerprint, by path.
std::map<std::string, std::uint64_t> fingerprints(const SiteModel& m) {
    std::vector<PagePlan> plans = plan_pages(m, "id");
    std::vector<std::uint64_t> f = page_fingerprints(plans, m, 7);
    std::map<std::string, std::uint64_t> out;
    for (std::size_t i = 0; i < plans.size(); ++i) out[plans[i].path] = f[i];
    return out;
}

// Innovation `id` edited: its title, and its file's hash as load would find it.
void retitle(SiteModel& m, const std::string& id) {
    for (auto& inn : m.cat.innovations)
        if (inn.id == id) {
            inn.title += " (diubah)";
            m.source_hashes.at(inn.origin.path) ^= 1;
        }
}

}  // namespace

TEST_CASE("an edited innovation changes its page and the home page, not the sitemap") {
    SiteModel m = test::fixture_model();
    const auto before = fingerprints(m);
    REQUIRE(before.count("sitemap.xml"));
    retitle(m, "bank-sampah");
    const auto after = fingerprints(m);
    CHECK(after.at("inovasi/bank-sampah/index.html") !=
          before.at("inovasi/bank-sampah/index.html"));
    CHECK(after.at("inovasi/sekolah-rimba/index.html") ==
          before.at("inovasi/sekolah-rimba/index.html"));
    CHECK(after.at("index.html") != before.at("index.html"));
    CHECK(after.at("sitemap.xml") == before.at("sitemap.xml"));  // the same paths listed
}

TEST_CASE("a page that comes or goes changes the sitemap") {
    SiteModel m = test::fixture_model();
    const auto before = fingerprints(m);
    m.cat.site.per_page = 1;  // more listing pages
    const auto after = fingerprints(m);
    CHECK(after.size() > before.size());
    CHECK(after.at("sitemap.xml") != before.at("sitemap.xml"));
}

TEST_CASE("fingerprints are never 0 and do not depend on the thread count") {
    SiteModel m = test::fixture_model();
    std::vector<PagePlan> plans = plan_pages(m, "id");
    auto one = page_fingerprints(plans, m, 7, 1);
    CHECK(one == page_fingerprints(plans, m, 7, 2));
    for (auto f : one) CHECK(f != 0);
    CHECK(page_fingerprints(plans, m, 8, 1) != one);  // the global inputs count for every page
}

TEST_CASE("simpul's fingerprint covers its program file and the shared libraries it loaded") {
    const std::vector<std::string> files = program_files();
    REQUIRE_FALSE(files.empty());
    CHECK(files.front() == "/proc/self/exe");
    auto loaded = [&](std::string_view name) {
        return std::any_of(files.begin(), files.end(), [&](const std::string& f) {
            return f.front() == '/' && f.find(name) != std::string::npos;
        });
    };
    CHECK(loaded("libcmark"));
    CHECK(loaded("libyaml-cpp"));
    CHECK(loaded("libstdc++"));
    CHECK(program_fingerprint() == files_stamp(files));
}

TEST_CASE("a library replaced, as a package upgrade does, changes the stamp") {
    test::TempDir tmp;
    const std::string a = (tmp / "liba.so").string(), b = (tmp / "libb.so").string();
    test::write_file(a, "one");
    test::write_file(b, "two");
    const std::uint64_t before = files_stamp({a, b});
    CHECK(files_stamp({a, b}) == before);
    test::write_file(tmp / "libb.so.new", "two");  // the same bytes, a new file
    std::filesystem::rename(tmp / "libb.so.new", b);
    CHECK(files_stamp({a, b}) != before);
    // A file that cannot be stat'ed counts by its name.
    CHECK(files_stamp({a, (tmp / "x").string()}) != files_stamp({a, (tmp / "y").string()}));
}
