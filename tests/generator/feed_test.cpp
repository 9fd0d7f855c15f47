// Tests for generator/src/feed.cpp: the Atom feed's entries, dates, ids and
// links, with and without the site's address.
#include "feed.hpp"

#include <doctest/doctest.h>

#include <regex>

#include "support.hpp"
#include "templates.hpp"
#include "validate.hpp"
#include "view.hpp"

using namespace simpul;
using namespace simpul::gen;
using test::fixture_model;

namespace {
json feed(const SiteModel& m, const std::string& lang) {
    PagePlan p;
    p.kind = PageKind::Feed;
    p.lang = lang;
    p.path = (lang == "id" ? "" : lang + "/") + std::string("feed.xml");
    return build_view(p, m, json{{"feed", {{"title", "Inovasi terbaru"}}}});
}
}  // namespace

TEST_CASE("entries are the newest innovations with dates from updated, sources or year") {
    SiteModel m = fixture_model();
    json f = feed(m, "id");
    REQUIRE(f["entries"].size() == 3);
    CHECK(f["entries"][0]["title"] == "Layanan Daring Uji");      // 2021
    CHECK(f["entries"][0]["updated"] == "2021-01-01T00:00:00Z");  // year only
    CHECK(f["entries"][1]["title"] == "Bank Sampah Uji");
    CHECK(f["entries"][1]["updated"] == "2026-11-22T00:00:00Z");  // its `updated`
    CHECK(f["entries"][2]["updated"] == "1970-01-01T00:00:00Z");  // nothing known
    CHECK(f["updated"] == "2026-11-22T00:00:00Z");
    CHECK(f["entries"][1]["href"] == "inovasi/bank-sampah/index.html");
    CHECK(f["entries"][1]["author"] == "Pemerintah Daerah DI Yogyakarta (uji)");
    CHECK(f["entries"][1]["categories"] == json::array({"Lingkungan Hidup"}));
    CHECK(f["title"] == "Katalog Uji — Inovasi terbaru");
    CHECK(f["self_href"] == "feed.xml");
    CHECK(f["rights"] == "CC BY 4.0");
}

TEST_CASE("ids are stable name-based UUIDs without base_url, page URLs with it") {
    SiteModel m = fixture_model();
    std::string id = feed(m, "id")["entries"][1]["id"];
    CHECK(std::regex_match(
        id, std::regex(
                "urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    CHECK(id == feed(m, "id")["entries"][1]["id"]);
    CHECK(id != feed(m, "en")["entries"][1]["id"]);  // each language's entry is its own page
    CHECK(name_uuid("a") != name_uuid("b"));
    m.cat.site.base_url = "https://example.org/katalog";
    json en = feed(m, "en");
    CHECK(en["entries"][0]["id"] ==
          "https://example.org/katalog/en/inovasi/layanan-daring/index.html");
    CHECK(en["entries"][0]["href"] == en["entries"][0]["id"]);
    CHECK(en["entries"][0]["title"] == "Online Test Service");
    CHECK(en["entries"][1]["summary_lang"] == "id");  // no English summary
    CHECK(en["self_href"] == "https://example.org/katalog/en/feed.xml");
}

TEST_CASE("the feed template renders escaped Atom") {
    SiteModel m = fixture_model();
    m.cat.innovations[0].title = "A & <B>";
    Diagnostics d;
    SiteTemplate t = SiteTemplate::load(test::source_dir() / "site-template", "t", {"id"}, d);
    REQUIRE_FALSE(d.has_errors());
    std::string xml = t.render(PageKind::Feed, feed(m, "id"));
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed "
                    "xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"id\">",
                    0) == 0);
    CHECK(xml.find("<title>A &amp; &lt;B&gt;</title>") != std::string::npos);
    CHECK(xml.find("<link rel=\"alternate\" type=\"text/html\" "
                   "href=\"inovasi/bank-sampah/index.html\"/>") != std::string::npos);
    CHECK(xml.find("<category term=\"Lingkungan Hidup\"/>") != std::string::npos);
}
