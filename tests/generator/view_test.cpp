// Tests for generator/src/view.cpp and view_lists.cpp: what pages show,
// relative links, number and date formats per language.
#include "view.hpp"

#include <doctest/doctest.h>

#include <set>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {
struct Fixture {
    SiteModel model;
    json id_strings = {{"months",
                        {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
                         "September", "Oktober", "November", "Desember"}},
                       {"stage", {{"pengembangan", "Pengembangan"}}},
                       {"replication_status", {{"direncanakan", "Direncanakan"}}}};
    Fixture() {
        Diagnostics d;
        Content c = load_content(test::fixture("valid/basic/content"), "content", d);
        validate_content(c, d);
        REQUIRE_FALSE(d.has_errors());
        model = build_model(c);
    }
    PagePlan plan(PageKind kind, std::string path, std::string key = {}, std::string lang = "id") {
        PagePlan p;
        p.kind = kind;
        p.path = std::move(path);
        p.key = std::move(key);
        p.lang = std::move(lang);
        return p;
    }
};
}  // namespace

TEST_CASE("links are relative to the page") {
    Fixture f;
    PagePlan p = f.plan(PageKind::Innovation, "inovasi/bank-sampah/index.html", "bank-sampah");
    json v = build_view(p, f.model, f.id_strings);
    CHECK(v["root"] == "../../");
    CHECK(v["css_href"] == "../../assets/style.css");
    CHECK(v["agency"]["href"] == "../../instansi/pemprov-diy/index.html");
    CHECK(v["province"]["href"] == "../../provinsi/di-yogyakarta/index.html");
    json home = build_view(f.plan(PageKind::Home, "index.html"), f.model, f.id_strings);
    CHECK(home["root"] == false);  // "" is normalised to false for Mustache
    CHECK(home["nav"][0]["href"] == "inovasi/index.html");
}

TEST_CASE("the innovation page carries facts, awards, replications and sources") {
    Fixture f;
    json v =
        build_view(f.plan(PageKind::Innovation, "inovasi/bank-sampah/index.html", "bank-sampah"),
                   f.model, f.id_strings);
    CHECK(v["title"] == "Bank Sampah Uji");
    CHECK(v["award_list"][0]["title"] == "Top 99");
    REQUIRE(v["replications"].size() == 1);
    CHECK(v["replications"][0]["adopter"]["name"] ==
          "Pemerintah Provinsi Kalimantan Selatan (uji)");
    CHECK(v["replications"][0]["status_label"] == "Direncanakan");
    CHECK(v["replications"][0]["event"]["href"] == "../../agenda/fripp-kalsel/index.html");
    CHECK(v["sources"][0]["url"] == "https://example.org/bank-sampah");
    CHECK(v["sources"][0]["date"] == "27 Oktober 2020");
    std::string body = v["body_html"];
    CHECK(body.find("<script") == std::string::npos);
    bool stage_fact = false;
    for (const auto& fact : v["facts"])
        if (fact["items"][0]["text"] == "Pengembangan") stage_fact = true;
    CHECK(stage_fact);
}

TEST_CASE("numbers and dates follow the page's language") {
    Fixture f;
    json id = build_view(f.plan(PageKind::Home, "index.html"), f.model, f.id_strings);
    CHECK(id["figures"][0]["value"] == "1.234");
    json en =
        build_view(f.plan(PageKind::Home, "en/index.html", "", "en"), f.model, json::object());
    CHECK(en["figures"][0]["value"] == "1,234");
    CHECK(en["figures"][0]["label"] == "Test hubs");
    CHECK(en["site"]["title"] == "Test Catalogue");
}

TEST_CASE("English fields are used on English pages when present") {
    Fixture f;
    json en = build_view(f.plan(PageKind::Innovation, "en/inovasi/layanan-daring/index.html",
                                "layanan-daring", "en"),
                         f.model, json::object());
    CHECK(en["title"] == "Online Test Service");
    json id = build_view(
        f.plan(PageKind::Innovation, "inovasi/layanan-daring/index.html", "layanan-daring"),
        f.model, f.id_strings);
    CHECK(id["title"] == "Layanan Daring Uji");
}

TEST_CASE("a scheduled event with a month-only date") {
    Fixture f;
    json v = build_view(f.plan(PageKind::Event, "agenda/fripp-rencana/index.html", "fripp-rencana"),
                        f.model, f.id_strings);
    CHECK(v["date"] == "November 2020");
    CHECK(v["scheduled"] == true);
    CHECK(v["province"]["name"] == "DI Yogyakarta");
}

TEST_CASE("a listing page links its neighbours") {
    Fixture f;
    for (const auto& plan : plan_pages(f.model, "id")) {
        if (plan.path != "inovasi/index-2.html") continue;
        json v = build_view(plan, f.model, f.id_strings);
        CHECK(v["pager"]["prev_href"] == "../inovasi/index.html");
        CHECK_FALSE(v["pager"].contains("next_href"));
        CHECK(v["innovations"][0]["href"] == "../inovasi/sekolah-rimba/index.html");
        CHECK(v["total"] == "3");
    }
}

TEST_CASE("every page links its other languages, hreflang alternates and a canonical") {
    Fixture f;
    json v =
        build_view(f.plan(PageKind::Hub, "hub/kalimantan-selatan/index.html", "kalimantan-selatan"),
                   f.model, f.id_strings);
    CHECK(v["languages"] ==
          json::array({{{"lang", "en"},
                        {"label", "language_names.en"},
                        {"href", "../../en/hub/kalimantan-selatan/index.html"}}}));
    // Without base_url: relative alternates and the page's own file as canonical.
    CHECK(v["alternates"][0]["href"] == "../../hub/kalimantan-selatan/index.html");
    CHECK(v["alternates"][1]["href"] == "../../en/hub/kalimantan-selatan/index.html");
    CHECK(v["x_default_href"] == "../../hub/kalimantan-selatan/index.html");
    CHECK(v["canonical"] == "index.html");
    CHECK(v["og"]["type"] == "article");
    CHECK(v["og"]["url"] == false);  // Open Graph needs an absolute URL
    CHECK(v["og"]["locale"] == "id_ID");
    CHECK(v["og"]["locale_alternates"] == json::array({"en_GB"}));
    CHECK(v["feed_href"] == "../../feed.xml");
    CHECK(v["search_href"] == "../../cari/index.html");
    CHECK(v["robots_noindex"] == false);

    f.model.cat.site.base_url = "https://example.org/simpul";
    json en = build_view(
        f.plan(PageKind::Hub, "en/hub/kalimantan-selatan/index.html", "kalimantan-selatan", "en"),
        f.model, json::object());
    CHECK(en["canonical"] == "https://example.org/simpul/en/hub/kalimantan-selatan/index.html");
    CHECK(en["alternates"][0]["href"] ==
          "https://example.org/simpul/hub/kalimantan-selatan/index.html");
    CHECK(en["og"]["url"] == "https://example.org/simpul/en/hub/kalimantan-selatan/index.html");
    CHECK(en["og"]["locale"] == "en_GB");
    CHECK(en["feed_href"] == "../../../en/feed.xml");
}

TEST_CASE("the search and 404 pages are not indexed by search engines") {
    Fixture f;
    json search = build_view(f.plan(PageKind::Search, "cari/index.html"), f.model, f.id_strings);
    CHECK(search["robots_noindex"] == true);
    CHECK(search["search_page"] == true);
    CHECK_FALSE(search.contains("canonical"));
    CHECK(search["bundle_href"] == "../pagefind/pagefind.js");
    CHECK(search["filters"].size() == 8);  // seven facets and the kind of page
    CHECK(search["filters"][5]["name"] == "award");
    json nf = build_view(f.plan(PageKind::NotFound, "404.html"), f.model, f.id_strings);
    CHECK(nf["robots_noindex"] == true);
    CHECK(nf["root"] == "/");
}

TEST_CASE("listing pages offer both orders, a windowed pager and data downloads") {
    Fixture f;
    f.model.cat.site.per_page = 1;
    for (const auto& plan : plan_pages(f.model, "id")) {
        if (plan.path != "inovasi/index-nama-2.html") continue;
        json v = build_view(plan, f.model, f.id_strings);
        CHECK(v["sorts"][0]["href"] == "../inovasi/index.html");
        CHECK(v["sorts"][0]["current"] == false);
        CHECK(v["sorts"][1]["href"] == "../inovasi/index-nama.html");
        CHECK(v["sorts"][1]["current"] == true);
        CHECK(v["pager"]["prev_href"] == "../inovasi/index-nama.html");
        CHECK(v["pager"]["next_href"] == "../inovasi/index-nama-3.html");
        CHECK(v["page_title"] == "list.all_title (sort.nama, pager.page 2)");
        CHECK(v["data_csv_href"] == "../data/innovations.csv");
        CHECK(v["has_facet_panel"] == true);
    }
    // 30 pages: the first, the last, two either side of the current page, gaps between.
    PagePlan p;
    p.kind = PageKind::InnovationList;
    p.path = "inovasi/index-15.html";
    p.listing = "inovasi/";
    p.key = "all";
    p.page = 15;
    p.pages = 30;
    json v = build_view(p, f.model, f.id_strings);
    std::vector<std::string> shown;
    for (const auto& item : v["pager"]["items"])
        shown.push_back(item["gap"] == true ? "…" : item["number"].get<std::string>());
    CHECK(shown == std::vector<std::string>{"1", "…", "13", "14", "15", "16", "17", "…", "30"});
}

TEST_CASE("the replication index shows its page's rows and a pager") {
    Fixture f;
    f.model.cat.site.per_page = 1;
    f.model.cat.replications.push_back(f.model.cat.replications.at(0));
    f.model.cat.replications.back().id = "kedua";
    int seen = 0;
    for (const auto& plan : plan_pages(f.model, "id")) {
        if (plan.kind != PageKind::ReplicationIndex) continue;
        json v = build_view(plan, f.model, f.id_strings);
        CHECK(v["count"] == "2");
        REQUIRE(v["replications"].size() == 1);
        if (plan.page == 2) {
            ++seen;
            CHECK(plan.path == "replikasi/index-2.html");
            CHECK(v["replications"][0]["href"] == "../replikasi/kedua/index.html");
            CHECK(v["page_title"] == "replications.title (pager.page 2)");
            CHECK(v["pager"]["prev_href"] == "../replikasi/index.html");
            CHECK_FALSE(v["pager"].contains("next_href"));
        } else {
            ++seen;
            CHECK(v["page_title"] == "replications.title");
            CHECK(v["pager"]["next_href"] == "../replikasi/index-2.html");
        }
    }
    CHECK(seen == 2);
}

TEST_CASE("a term listing links to the same selection in the search page") {
    Fixture f;
    for (const auto& plan : plan_pages(f.model, "id")) {
        if (plan.path != "provinsi/di-yogyakarta/inovasi/index.html") continue;
        json v = build_view(plan, f.model, f.id_strings);
        CHECK(v["search_in_href"] == "../../../cari/index.html?province=DI%20Yogyakarta");
    }
}

TEST_CASE("the sitemap lists both languages with their alternates, once") {
    Fixture f;
    json v = build_view(f.plan(PageKind::Sitemap, "sitemap.xml"), f.model, f.id_strings);
    std::set<std::string> locs;
    for (const auto& u : v["urls"]) locs.insert(u["loc"]);
    CHECK(locs.size() == v["urls"].size());
    CHECK(locs.count("index.html") == 1);
    CHECK(locs.count("en/inovasi/bank-sampah/index.html") == 1);
    CHECK(locs.count("inovasi/index-nama.html") == 0);  // the by-name order repeats its listing
    CHECK(locs.count("cari/index.html") == 0);
    for (const auto& u : v["urls"])
        if (u["loc"] == "inovasi/bank-sampah/index.html")
            CHECK(u["alternates"] ==
                  json::array({{{"lang", "id"}, {"href", "inovasi/bank-sampah/index.html"}},
                               {{"lang", "en"}, {"href", "en/inovasi/bank-sampah/index.html"}}}));
}

TEST_CASE("past its limit the sitemap is split into files an index lists, with the same pages") {
    Fixture f;
    json whole = build_view(f.plan(PageKind::Sitemap, "sitemap.xml"), f.model, f.id_strings);
    REQUIRE(whole["urls"].size() > 14);
    std::vector<PagePlan> pages = plan_pages(f.model, "id");
    std::vector<PagePlan> plans = plan_sitemaps(pages, f.model.cat.site, "id", 7);
    const std::size_t files = (whole["urls"].size() + 6) / 7;
    REQUIRE(plans.size() == files + 1);
    CHECK(plans[0].path == "sitemap.xml");
    json index = build_view(plans[0], f.model, f.id_strings);
    CHECK(index["index"] == true);
    REQUIRE(index["files"].size() == files);
    CHECK(index["files"][0]["loc"] == "sitemap-1.xml");
    json all = json::array();
    for (std::size_t k = 1; k < plans.size(); ++k) {
        CHECK(plans[k].path == "sitemap-" + std::to_string(k) + ".xml");
        json part = build_view(plans[k], f.model, f.id_strings);
        CHECK(part["urls"].size() <= 7);
        for (const auto& u : part["urls"]) all.push_back(u);
    }
    CHECK(all == whole["urls"]);

    // The template writes the index as a sitemap index, each file as a url set.
    Diagnostics d;
    SiteTemplate tmpl =
        SiteTemplate::load(test::source_dir() / "site-template", "site-template", {"id", "en"}, d);
    REQUIRE_FALSE(d.has_errors());
    std::string xml = render_page(plans[0], f.model, tmpl);
    CHECK(xml.find("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
                   "<sitemap><loc>sitemap-1.xml</loc></sitemap>\n") != std::string::npos);
    CHECK(xml.find("<urlset") == std::string::npos);
    std::string part = render_page(plans[1], f.model, tmpl);
    CHECK(part.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset ", 0) == 0);
    CHECK(part.find("<sitemapindex") == std::string::npos);
}
