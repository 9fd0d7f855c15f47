// Tests for generator/src/facets.cpp: facet terms and counts for the listing
// panels and the search page's browse groups.
#include "facets.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {
struct Fixture {
    SiteModel model;
    json strings = {{"facet", {{"province", "Provinsi"}, {"sector", "Sektor"}}},
                    {"stage", {{"pengembangan", "Pengembangan"}, {"pelembagaan", "Pelembagaan"}}}};
    Fixture() {
        Diagnostics d;
        Content c = load_content(test::fixture("valid/basic/content"), "content", d);
        validate_content(c, d);
        REQUIRE_FALSE(d.has_errors());
        model = build_model(c);
    }
};
const json* group(const json& groups, const std::string& name) {
    for (const auto& g : groups)
        if (g["name"] == name) return &g;
    return nullptr;
}
}  // namespace

TEST_CASE("facet terms keep closed vocabularies with zero counts") {
    Fixture f;
    PagePlan p;
    p.path = "inovasi/index.html";
    ViewContext v(p, f.model, f.strings);
    auto stages = facet_terms(v, Facet::Stage);
    REQUIRE(stages.size() == 3);
    CHECK(stages[0] == std::pair<std::string, std::size_t>{"penciptaan", 0});
    CHECK(stages[1] == std::pair<std::string, std::size_t>{"pengembangan", 1});
    auto status = facet_terms(v, Facet::Status);
    CHECK(status ==
          std::vector<std::pair<std::string, std::size_t>>{{"berlanjut", 1}, {"vakum", 0}});
    auto years = facet_terms(v, Facet::Year);  // newest first
    CHECK(years == std::vector<std::pair<std::string, std::size_t>>{{"2021", 1}, {"2019", 1}});
    CHECK(std::string(facet_search_filter(Facet::Program)) == "award");
    CHECK(facet_index_folder(Facet::Status) == "status/");
}

TEST_CASE("the facet panel counts the listing's innovations and marks its own term") {
    Fixture f;
    PagePlan p;
    p.kind = PageKind::InnovationList;
    p.path = "sektor/lingkungan/index.html";
    p.facet = Facet::Sector;
    p.key = "lingkungan";
    ViewContext v(p, f.model, f.strings);
    // The lingkungan listing: bank-sampah and sekolah-rimba (indexes 0 and 2).
    json panel = facet_panel(v, f.model.facets.at(Facet::Sector).at("lingkungan"));
    const json* sector = group(panel, "sector");
    REQUIRE(sector);
    CHECK((*sector)["label"] == "Sektor");
    REQUIRE((*sector)["terms"].size() == 2);
    CHECK((*sector)["terms"][0]["label"] == "Lingkungan Hidup");
    CHECK((*sector)["terms"][0]["count"] == "2");
    CHECK((*sector)["terms"][0]["current"] == true);
    CHECK((*sector)["terms"][0]["href"] == "../../sektor/lingkungan/index.html");
    CHECK((*sector)["terms"][1]["label"] == "Tata Kelola");
    CHECK((*sector)["terms"][1]["count"] == "1");
    const json* province = group(panel, "province");
    REQUIRE(province);
    CHECK((*province)["terms"][0]["href"] == "../../provinsi/di-yogyakarta/inovasi/index.html");
    // No facet group without terms: neither innovation has an SDG 4, and only one has an award.
    const json* program = group(panel, "program");
    REQUIRE(program);
    CHECK((*program)["terms"].size() == 1);
    CHECK(group(panel, "sdg") != nullptr);
    CHECK((*group(panel, "sdg"))["terms"].size() == 1);
}

TEST_CASE("browse groups list only terms with innovations, each linking to its listing") {
    Fixture f;
    PagePlan p;
    p.path = "cari/index.html";
    ViewContext v(p, f.model, f.strings);
    json groups = browse_groups(v);
    const json* stage = group(groups, "stage");
    REQUIRE(stage);
    REQUIRE((*stage)["terms"].size() == 2);  // penciptaan has none
    CHECK((*stage)["terms"][0]["label"] == "Pengembangan");
    CHECK((*stage)["terms"][0]["href"] == "../tahap/pengembangan/index.html");
    CHECK((*stage)["index_href"] == "../tahap/index.html");
}
