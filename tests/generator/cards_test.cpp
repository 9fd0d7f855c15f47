// Tests for generator/src/cards.cpp: a card (and a body) from the cache is what the
// page would render itself, at every depth, in both languages, also when the
// record's text holds the character the cache marks the root with.
#include "cards.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "view.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {

SiteTemplate site_template() {
    Diagnostics d;
    SiteTemplate t =
        SiteTemplate::load(test::source_dir() / "site-template", "site-template", {"id", "en"}, d);
    REQUIRE_FALSE(d.has_errors());
    return t;
}

// Every innovation's card through `cache` and rendered directly, on listing
// pages at three depths in both languages.
void check_cards(const SiteModel& m, const SiteTemplate& tmpl, const CardCache& cache) {
    for (std::string lang : {"id", "en"}) {
        for (std::string path : {"inovasi/index.html", "sektor/lingkungan/index.html",
                                 "provinsi/di-yogyakarta/inovasi/index.html"}) {
            PagePlan plan;
            plan.kind = PageKind::InnovationList;
            plan.lang = lang;
            plan.path = language_prefix(lang) + path;
            ViewContext v(plan, m, tmpl.strings(lang));
            for (std::size_t i = 0; i < m.cat.innovations.size(); ++i) {
                json card = v.innovation_card(m.cat.innovations[i]);
                card["level"] = "2";
                normalise_view(card);
                std::string own = tmpl.render_partial(Partial::InnovationCard, card, lang);
                CAPTURE(plan.path);
                CHECK(cache.html(v, i, 2) == own);
                CHECK(own.find("href=\"" + v.root + language_prefix(lang) + "inovasi/" +
                               m.cat.innovations[i].id + "/index.html\"") != std::string::npos);
            }
        }
    }
}

}  // namespace

TEST_CASE("a cached card is the card the page renders itself, at every depth and language") {
    SiteModel m = test::fixture_model();
    SiteTemplate tmpl = site_template();
    CardCache cache(tmpl, m.cat.innovations.size());
    check_cards(m, tmpl, cache);
    check_cards(m, tmpl, cache);  // the second time from the cache
}

TEST_CASE("a card whose text holds the root marker (a YAML escape) is rendered for its page") {
    SiteModel m = test::fixture_model();
    m.cat.innovations.front().title = "Bank\x01Sampah";
    m.cat.innovations.front().summary = "a\x01b";
    SiteTemplate tmpl = site_template();
    CardCache cache(tmpl, m.cat.innovations.size());
    check_cards(m, tmpl, cache);
}

TEST_CASE("an innovation's body from the cache is the body its page renders itself") {
    SiteModel m = test::fixture_model();
    REQUIRE(m.cat.innovations.size() >= 2);
    // The first body links to another record: its link depends on the page.
    m.cat.innovations[0].body = "Lihat [yang lain](inovasi:" + m.cat.innovations[1].id + ").";
    m.cat.innovations[1].body = "Tanpa tautan *catatan*.";
    m.innovation_bodies.clear();  // the bodies set here, not the fixture files'
    SiteTemplate tmpl = site_template();
    CardCache cache(tmpl, m.cat.innovations.size());
    for (int round = 0; round < 2; ++round) {
        for (std::string lang : {"id", "en"}) {
            for (std::size_t i : {0, 1}) {
                PagePlan plan;
                plan.kind = PageKind::Innovation;
                plan.lang = lang;
                plan.key = m.cat.innovations[i].id;
                plan.path = language_prefix(lang) + "inovasi/" + plan.key + "/index.html";
                ViewContext v(plan, m, tmpl.strings(lang));
                CAPTURE(plan.path);
                CHECK(cache.body_html(v, i) == v.body_html(m.cat.innovations[i].body));
            }
        }
    }
    PagePlan en;
    en.kind = PageKind::Innovation;
    en.lang = "en";
    en.path = "en/inovasi/x/index.html";
    ViewContext v(en, m, tmpl.strings("en"));
    CHECK(cache.body_html(v, 0).find("href=\"../../../en/inovasi/" + m.cat.innovations[1].id +
                                     "/index.html\"") != std::string::npos);
}

TEST_CASE("a kept body is let go after the pages that show it, and still right when asked again") {
    SiteModel m = test::fixture_model();
    m.cat.site.languages = {"id", "en"};
    m.cat.innovations[0].body = "Tanpa tautan.";
    m.cat.innovations[0].body_en = "";
    m.innovation_bodies.clear();
    SiteTemplate tmpl = site_template();
    CardCache cache(tmpl, m.cat.innovations.size());
    PagePlan plan;
    plan.kind = PageKind::Innovation;
    plan.lang = "id";
    plan.key = m.cat.innovations[0].id;
    plan.path = "inovasi/" + plan.key + "/index.html";
    ViewContext v(plan, m, tmpl.strings("id"));
    const std::string own = v.body_html(m.cat.innovations[0].body);
    REQUIRE(own == "<p>Tanpa tautan.</p>\n");
    // Two readers (id and en), then a third page asking all the same.
    for (int k = 0; k < 3; ++k) CHECK(cache.body_html(v, 0) == own);
}
