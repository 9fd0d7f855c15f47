// Tests for generator/src/view.cpp and view_lists.cpp: what pages show,
// relative links, number and date formats per language.
#include "view.hpp"

#include <doctest/doctest.h>

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
