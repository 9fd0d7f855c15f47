// Tests for generator/src/render.cpp: the page plan (paths, pagination,
// languages) for a whole fixture site.
#include "render.hpp"

#include <doctest/doctest.h>

#include <set>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {
SiteModel fixture_model() {
    Diagnostics d;
    Content c = load_content(test::fixture("valid/basic/content"), "content", d);
    validate_content(c, d);
    REQUIRE_FALSE(d.has_errors());
    return build_model(c);
}
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
                                 "regulasi/permen-uji/index.html"}) {
        CAPTURE(expected);
        CHECK(p.count(expected) == 1);
    }
    CHECK(p.count("inovasi/index-3.html") == 0);
}

TEST_CASE("listings are paginated per_page at a time, in catalogue order") {
    SiteModel m = fixture_model();
    for (const auto& plan : plan_pages(m, "id")) {
        if (plan.path == "inovasi/index.html") {
            CHECK(plan.pages == 2);
            CHECK(plan.items.size() == 2);
            CHECK(plan.total == 3);
        }
        if (plan.path == "inovasi/index-2.html") {
            CHECK(plan.page == 2);
            REQUIRE(plan.items.size() == 1);
            CHECK(m.cat.innovations[plan.items[0]].id == "sekolah-rimba");
        }
    }
    CHECK(listing_page_path("sektor/x/", 1) == "sektor/x/index.html");
    CHECK(listing_page_path("sektor/x/", 3) == "sektor/x/index-3.html");
}

TEST_CASE("other languages mirror the same pages under their prefix") {
    SiteModel m = fixture_model();
    auto id = plan_pages(m, "id");
    auto en = plan_pages(m, "en");
    REQUIRE(id.size() == en.size());
    for (std::size_t i = 0; i < id.size(); ++i) CHECK(en[i].path == "en/" + id[i].path);
}
