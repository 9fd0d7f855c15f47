// Tests for generator/src/statistics.cpp: the statistik/ page's charts and
// tables carry the numbers of core/stats, formatted per language.
#include <doctest/doctest.h>

#include "support.hpp"
#include "templates.hpp"
#include "validate.hpp"
#include "view.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {
struct Fixture {
    SiteModel model;
    SiteTemplate tmpl;
    Fixture() {
        Diagnostics d;
        Content c = load_content(test::fixture("valid/basic/content"), "content", d);
        validate_content(c, d);
        REQUIRE_FALSE(d.has_errors());
        model = build_model(c);
        tmpl = SiteTemplate::load(test::source_dir() / "site-template", "t", {"id", "en"}, d);
        REQUIRE_FALSE(d.has_errors());
    }
    json view(const std::string& lang) {
        PagePlan p;
        p.kind = PageKind::Statistics;
        p.lang = lang;
        p.path = (lang == "id" ? "" : lang + "/") + std::string("statistik/index.html");
        return build_view(p, model, tmpl.strings(lang));
    }
};
std::vector<std::string> row_texts(const json& row) {
    std::vector<std::string> out;
    for (const auto& c : row["cells"]) out.push_back(c["text"]);
    return out;
}
}  // namespace

TEST_CASE("the statistics page has every chart with a table of the same numbers") {
    Fixture f;
    json v = f.view("id");
    std::vector<std::string> ids;
    for (const auto& c : v["charts"]) ids.push_back(c["id"]);
    CHECK(ids == std::vector<std::string>{"hub-per-tahun", "peta-provinsi", "sektor", "sdg",
                                          "tahap", "tahun", "replikasi-per-tahun"});
    const json& hubs = v["charts"][0];
    REQUIRE(hubs["rows"].size() == 1);  // one hub, established 2020
    CHECK(row_texts(hubs["rows"][0]) == std::vector<std::string>{"2020", "1", "0", "1", "0", "1"});
    CHECK(std::string(hubs["svg"])
              .find("<title id=\"chart-hub-per-tahun-title\">Hub JIPP per tahun") !=
          std::string::npos);

    const json& map = v["charts"][1];
    REQUIRE(map["rows"].size() == 2);  // the fixture's two provinces
    // DI Yogyakarta: 2 innovations, no hub, no replication in, 1 out (bank-sampah to Kalsel).
    CHECK(row_texts(map["rows"][0]) ==
          std::vector<std::string>{"DI Yogyakarta", "2", "0", "0", "1"});
    CHECK(row_texts(map["rows"][1]) ==
          std::vector<std::string>{"Kalimantan Selatan", "0", "1", "1", "0"});
    CHECK(map["rows"][0]["cells"][0]["href"] == "../provinsi/di-yogyakarta/index.html");

    const json& sectors = v["charts"][2];
    CHECK(row_texts(sectors["rows"][0]) == std::vector<std::string>{"Lingkungan Hidup", "2"});
    CHECK(row_texts(sectors["rows"][1]) == std::vector<std::string>{"Tata Kelola", "2"});

    const json& years = v["charts"][5];
    REQUIRE(years["rows"].size() == 3);  // 2019..2021, the empty 2020 kept
    CHECK(row_texts(years["rows"][1]) == std::vector<std::string>{"2020", "0"});
    CHECK(years["rows"][1]["cells"][0]["href"] == false);  // no listing for an empty year
    CHECK(years["note"] == "Inovasi tanpa tahun peluncuran yang bersumber: 1");

    const json& reps = v["charts"][6];
    REQUIRE(reps["rows"].size() == 1);
    CHECK(row_texts(reps["rows"][0]) == std::vector<std::string>{"2021", "1", "0", "0", "1"});
    CHECK(v["dashboard_href"] == "../dasbor/index.html");
}

TEST_CASE("the English statistics page labels and links in English") {
    Fixture f;
    json v = f.view("en");
    CHECK(v["charts"][2]["title"] == "Innovations by sector");
    CHECK(v["charts"][2]["rows"][0]["cells"][0]["text"] == "Environment");
    CHECK(v["dashboard_href"] == "../../en/dasbor/index.html");
    CHECK(v["figures"][0]["value"] == "1,234");
    std::string html = f.tmpl.render(PageKind::Statistics, v, "en");
    CHECK(html.find("<caption id=\"cap-sektor\">Table: Innovations by sector</caption>") !=
          std::string::npos);
}
