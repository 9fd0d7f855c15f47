// Tests for generator/src/render.cpp: the page plan (paths, pagination,
// languages) for a whole fixture site.
#include "render.hpp"

#include <doctest/doctest.h>

#include <set>

#include "cards.hpp"
#include "support.hpp"
#include "validate.hpp"
#include "view.hpp"

using namespace simpul;
using namespace simpul::gen;
using test::fixture_model;

namespace {
std::set<std::string> paths(const std::vector<PagePlan>& plans) {
    std::set<std::string> out;
    for (const auto& p : plans) out.insert(p.path);
    return out;
}
}  // namespace

TEST_CASE("every record and every listing gets a page") {
    SiteModel m = fixture_model();
    auto plans = plan_pages(m, "id");
    auto p = paths(plans);
    CHECK(p.size() == plans.size());  // no two plans write the same file
    for (const char* expected : {"index.html",
                                 "404.html",
                                 "sitemap.xml",
                                 "robots.txt",
                                 "inovasi/index.html",
                                 "inovasi/index-2.html",
                                 "inovasi/bank-sampah/index.html",
                                 "inovasi/layanan-daring/index.html",
                                 "inovasi/sekolah-rimba/index.html",
                                 "hub/index.html",
                                 "hub/kalimantan-selatan/index.html",
                                 "provinsi/index.html",
                                 "provinsi/di-yogyakarta/index.html",
                                 "provinsi/kalimantan-selatan/index.html",
                                 "provinsi/di-yogyakarta/inovasi/index.html",
                                 "sektor/index.html",
                                 "sektor/lingkungan/index.html",
                                 "sektor/tata-kelola/index.html",
                                 "sdg/index.html",
                                 "sdg/1/index.html",
                                 "sdg/4/index.html",
                                 "tahun/index.html",
                                 "tahun/2019/index.html",
                                 "tahun/2021/index.html",
                                 "tahap/index.html",
                                 "tahap/penciptaan/index.html",
                                 "tahap/pengembangan/index.html",
                                 "tahap/pelembagaan/index.html",
                                 "penghargaan/index.html",
                                 "penghargaan/kipp/index.html",
                                 "instansi/index.html",
                                 "instansi/pemprov-kalsel/index.html",
                                 "replikasi/index.html",
                                 "replikasi/kalsel-bank-sampah/index.html",
                                 "agenda/index.html",
                                 "agenda/fripp-kalsel/index.html",
                                 "agenda/fripp-rencana/index.html",
                                 "regulasi/index.html",
                                 "regulasi/permen-uji/index.html",
                                 "inovasi/index-nama.html",
                                 "inovasi/index-nama-2.html",
                                 "sektor/lingkungan/index-nama.html",
                                 "status/index.html",
                                 "status/berlanjut/index.html",
                                 "status/vakum/index.html",
                                 "cari/index.html",
                                 "statistik/index.html",
                                 "data/index.html",
                                 "feed.xml"}) {
        CAPTURE(expected);
        CHECK(p.count(expected) == 1);
    }
    CHECK(p.count("inovasi/index-3.html") == 0);
}

// Changed with issue 4: listings are newest first (by year launched, unknown
// last, then by title) and also published by name (index-nama*.html).
TEST_CASE("listings are paginated per_page at a time, newest first and by name") {
    SiteModel m = fixture_model();
    auto ids = [&](const PagePlan& plan) {
        std::vector<std::string> out;
        for (std::size_t i : plan.items) out.push_back(m.cat.innovations[i].id);
        return out;
    };
    int seen = 0;
    for (const auto& plan : plan_pages(m, "id")) {
        if (plan.path == "inovasi/index.html") {
            ++seen;
            CHECK(plan.pages == 2);
            CHECK(plan.total == 3);
            CHECK(plan.sort.empty());
            // layanan-daring 2021, bank-sampah 2019, sekolah-rimba without a year.
            CHECK(ids(plan) == std::vector<std::string>{"layanan-daring", "bank-sampah"});
        }
        if (plan.path == "inovasi/index-2.html") {
            ++seen;
            CHECK(plan.page == 2);
            CHECK(ids(plan) == std::vector<std::string>{"sekolah-rimba"});
        }
        if (plan.path == "inovasi/index-nama.html") {
            ++seen;
            CHECK(plan.sort == "nama");
            CHECK(ids(plan) == std::vector<std::string>{"bank-sampah", "layanan-daring"});
        }
        if (plan.path == "inovasi/index-nama-2.html") {
            ++seen;
            CHECK(ids(plan) == std::vector<std::string>{"sekolah-rimba"});
        }
    }
    CHECK(seen == 4);
    // English titles sort English listings: "Online Test Service" after "Bank Sampah Uji".
    for (const auto& plan : plan_pages(m, "en"))
        if (plan.path == "en/inovasi/index-nama.html")
            CHECK(ids(plan) == std::vector<std::string>{"bank-sampah", "layanan-daring"});
    CHECK(listing_page_path("sektor/x/", 1) == "sektor/x/index.html");
    CHECK(listing_page_path("sektor/x/", 3) == "sektor/x/index-3.html");
    CHECK(listing_page_path("sektor/x/", 1, "nama") == "sektor/x/index-nama.html");
    CHECK(listing_page_path("sektor/x/", 3, "nama") == "sektor/x/index-nama-3.html");
}

TEST_CASE("the replication index is paginated per_page rows at a time, newest first") {
    SiteModel m = fixture_model();
    REQUIRE(m.cat.replications.size() == 1);  // kalsel-bank-sampah, 2021
    Replication newer = m.cat.replications[0], same_year = m.cat.replications[0];
    newer.id = "lebih-baru";
    newer.year = 2023;
    same_year.id = "tahun-sama";
    m.cat.replications.push_back(newer);
    m.cat.replications.push_back(same_year);
    std::vector<std::vector<std::string>> pages;
    for (const auto& plan : plan_pages(m, "en")) {
        if (plan.kind != PageKind::ReplicationIndex) continue;
        CAPTURE(plan.path);
        CHECK(plan.path == listing_page_path("en/replikasi/", plan.page));
        CHECK(plan.pages == 2);
        CHECK(plan.total == 3);
        std::vector<std::string> ids;
        for (std::size_t i : plan.items) ids.push_back(m.cat.replications[i].id);
        pages.push_back(ids);
    }
    // per_page 2: the newest first, then the two of 2021 in catalogue order.
    CHECK(pages == std::vector<std::vector<std::string>>{{"lebih-baru", "kalsel-bank-sampah"},
                                                         {"tahun-sama"}});
}

TEST_CASE("sorting by name ignores case and punctuation, ties by id") {
    SiteModel m = fixture_model();
    std::vector<std::size_t> all = {0, 1, 2};
    auto sorted = sorted_innovations(m.cat, all, "nama", title_keys(m.cat, "id"));
    std::vector<std::string> ids;
    for (std::size_t i : sorted) ids.push_back(m.cat.innovations[i].id);
    CHECK(ids == std::vector<std::string>{"bank-sampah", "layanan-daring", "sekolah-rimba"});
}

TEST_CASE("listing ranks give each innovation its place in every listing order") {
    SiteModel m = fixture_model();
    ListingRanks ranks = listing_ranks(m.cat, "id");
    REQUIRE(ranks.size() == listing_sorts().size());
    std::vector<std::size_t> all = {0, 1, 2};
    for (std::size_t s = 0; s < ranks.size(); ++s) {
        auto sorted = sorted_innovations(m.cat, all, listing_sorts()[s], title_keys(m.cat, "id"));
        for (std::uint32_t place = 0; place < sorted.size(); ++place) {
            CHECK(ranks[s].rank[sorted[place]] == place);
            CHECK(ranks[s].order[place] == sorted[place]);
        }
    }
    // By name: bank-sampah, layanan-daring, sekolah-rimba (the test above).
    std::vector<std::string> by_name(3);
    for (std::size_t i = 0; i < 3; ++i) by_name[ranks[1].rank[i]] = m.cat.innovations[i].id;
    CHECK(by_name == std::vector<std::string>{"bank-sampah", "layanan-daring", "sekolah-rimba"});
}

TEST_CASE("other languages mirror the same pages under their prefix") {
    SiteModel m = fixture_model();
    auto id = plan_pages(m, "id");
    auto en = plan_pages(m, "en");
    // robots.txt and the sitemap (which lists both languages) exist once, at the root.
    std::vector<PagePlan> mirrored;
    for (auto& p : id)
        if (p.kind != PageKind::Robots && p.kind != PageKind::Sitemap) mirrored.push_back(p);
    CHECK(id.size() == mirrored.size() + 2);
    REQUIRE(mirrored.size() == en.size());
    for (std::size_t i = 0; i < en.size(); ++i) CHECK(en[i].path == "en/" + mirrored[i].path);
}

TEST_CASE("pages rendered over their shared views are the pages rendered from their whole views") {
    SiteModel m = fixture_model();
    Diagnostics d;
    SiteTemplate tmpl =
        SiteTemplate::load(test::source_dir() / "site-template", "site-template", {"id", "en"}, d);
    REQUIRE_FALSE(d.has_errors());
    std::vector<PagePlan> plans = plan_pages(m, "id");
    for (auto& p : plan_pages(m, "en")) plans.push_back(std::move(p));
    SharedViews shared(m, tmpl);
    CardCache cards(tmpl, m.cat.innovations.size());
    std::size_t layered = 0;
    for (const auto& plan : plans) {
        CAPTURE(plan.path);
        std::string whole =
            tmpl.render(plan.kind, build_view(plan, m, tmpl.strings(plan.lang), &cards), plan.lang);
        layered += shared.find(plan) != nullptr;
        CHECK(render_page(plan, m, tmpl, &cards, &shared) == whole);
    }
    CHECK(layered == plans.size() - 4);  // all but the feeds, the sitemap and robots.txt
    // One per language, depth and current navigation entry, not one per page.
    CHECK(shared.size() > 10);
    CHECK(shared.size() < plans.size() / 2);
    // A page's own field of a shared view's name would hide it: the open data
    // page names its DCAT file dcat_href, and its footer links catalogue.json.
    for (const auto& plan : plans)
        if (plan.path == "data/index.html") {
            std::string page = render_page(plan, m, tmpl, nullptr, &shared);
            CHECK(page.find("<a href=\"../data.json\">data.json</a>") != std::string::npos);
            CHECK(page.find(
                      "<a href=\"../data/catalogue.json\" type=\"application/json\">JSON</a>") !=
                  std::string::npos);
        }
}
