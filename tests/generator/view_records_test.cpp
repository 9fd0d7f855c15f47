// Tests for generator/src/view_records.cpp: what record pages add for people
// and for the search index: replication help, search filters, English bodies,
// JSON-LD.
#include <doctest/doctest.h>

#include "support.hpp"
#include "validate.hpp"
#include "view.hpp"

using namespace simpul;
using namespace simpul::gen;

namespace {
struct Fixture {
    SiteModel model;
    json strings = {{"stage", {{"pengembangan", "Pengembangan"}}},
                    {"status", {{"berlanjut", "Berlanjut"}}},
                    {"kind", {{"innovation", "Inovasi"}, {"hub", "Hub JIPP"}}}};
    Fixture() {
        Diagnostics d;
        Content c = load_content(test::fixture("valid/basic/content"), "content", d);
        validate_content(c, d);
        REQUIRE_FALSE(d.has_errors());
        model = build_model(c);
    }
    json view(PageKind kind, const std::string& path, const std::string& key,
              const std::string& lang = "id") {
        PagePlan p;
        p.kind = kind;
        p.path = path;
        p.key = key;
        p.lang = lang;
        return build_view(p, model, strings);
    }
};
std::vector<std::string> filters(const json& v) {
    std::vector<std::string> out;
    for (const auto& f : v["search_filters"])
        out.push_back(f["name"].get<std::string>() + "=" + f["value"].get<std::string>());
    return out;
}
}  // namespace

TEST_CASE("an innovation page carries its search filters and is indexed") {
    Fixture f;
    json v = f.view(PageKind::Innovation, "inovasi/bank-sampah/index.html", "bank-sampah");
    CHECK(filters(v) == std::vector<std::string>{
                            "province=DI Yogyakarta", "year=2019", "sector=Lingkungan Hidup",
                            "sdg=1. Tanpa Kemiskinan", "stage=Pengembangan", "status=Berlanjut",
                            "award=Kompetisi Inovasi Pelayanan Publik", "type=Inovasi"});
    CHECK(v["search_indexed"] == true);
    CHECK(v["has_search_filters"] == true);
    json en =
        f.view(PageKind::Innovation, "en/inovasi/bank-sampah/index.html", "bank-sampah", "en");
    CHECK(filters(en)[2] == "sector=Environment");
    CHECK(filters(en)[6] == "award=Public Service Innovation Competition");
}

TEST_CASE("how to replicate: the owner to contact and the hubs of the innovation's province") {
    Fixture f;
    json v = f.view(PageKind::Innovation, "inovasi/bank-sampah/index.html", "bank-sampah");
    CHECK(v["replicate"]["agency"]["href"] == "../../instansi/pemprov-diy/index.html");
    CHECK(v["replicate"]["has_hubs"] == false);  // DI Yogyakarta has no hub in the fixture
    CHECK(v["replicate"]["hubs_href"] == "../../hub/index.html");
    CHECK(v["contact"]["name"] == "Petugas Uji");
    CHECK(v["replications"][0]["year"] == "2021");
    CHECK(v["replications"][0]["status_label"] == "replication_status.direncanakan");
    CHECK(v["jsonld"].get<std::string>().find("\"GovernmentService\"") != std::string::npos);
}

TEST_CASE("English pages show an English body when the record has one") {
    Fixture f;
    json en = f.view(PageKind::Innovation, "en/inovasi/layanan-daring/index.html", "layanan-daring",
                     "en");
    CHECK(en["body_html"] == "<p>English <strong>test</strong> text.</p>\n");
    CHECK(en["body_lang"] == false);  // no lang="id" on an English body
    json other =
        f.view(PageKind::Innovation, "en/inovasi/bank-sampah/index.html", "bank-sampah", "en");
    CHECK(other["body_lang"] == "id");
    json id = f.view(PageKind::Innovation, "inovasi/layanan-daring/index.html", "layanan-daring");
    CHECK(id["body_html"] == "<p>Isi <strong>uji</strong>.</p>\n");
}

TEST_CASE("hub, province, agency and event pages carry a province filter") {
    Fixture f;
    json hub = f.view(PageKind::Hub, "hub/kalimantan-selatan/index.html", "kalimantan-selatan");
    CHECK(filters(hub) == std::vector<std::string>{"province=Kalimantan Selatan", "type=Hub JIPP"});
    CHECK(hub["jsonld"].get<std::string>().find("\"foundingDate\":\"2020\"") != std::string::npos);
    json province = f.view(PageKind::Province, "provinsi/di-yogyakarta/index.html", "34");
    CHECK(filters(province)[0] == "province=DI Yogyakarta");
    json agency = f.view(PageKind::Agency, "instansi/kemenpanrb/index.html", "kemenpanrb");
    CHECK(filters(agency) == std::vector<std::string>{"type=kind.agency"});  // central: no province
    json event = f.view(PageKind::Event, "agenda/fripp-kalsel/index.html", "fripp-kalsel");
    CHECK(filters(event)[0] == "province=Kalimantan Selatan");  // through its hub
}

TEST_CASE("record links in a body point at the record's page, relative to the page") {
    Fixture f;
    json id = f.view(PageKind::Event, "agenda/fripp-kalsel/index.html", "fripp-kalsel");
    CHECK(id["body_html"] ==
          "<p>Forum uji yang menampilkan <a href=\"../../inovasi/bank-sampah/index.html\">Bank "
          "Sampah</a> dari <a "
          "href=\"../../provinsi/di-yogyakarta/index.html\">Yogyakarta</a>.</p>\n");
    json en = f.view(PageKind::Event, "en/agenda/fripp-kalsel/index.html", "fripp-kalsel", "en");
    CHECK(en["body_html"].get<std::string>().find(
              "href=\"../../../en/inovasi/bank-sampah/index.html\"") != std::string::npos);
}
