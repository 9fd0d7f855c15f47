// Tests for generator/src/jsonld.cpp: schema.org JSON-LD of innovation and hub
// pages, escaped so record text can never end the <script> element.
#include "jsonld.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;
using test::fixture_model;

namespace {
PagePlan plan(const std::string& lang) {
    PagePlan p;
    p.lang = lang;
    p.path = "inovasi/x/index.html";
    return p;
}
}  // namespace

TEST_CASE("JSON for a script element escapes <, >, & and line separators") {
    json j = {{"name", "</script><b>&\u2028"}};
    std::string text = script_safe_json(j);
    CHECK(text == R"({"name":"\u003c/script\u003e\u003cb\u003e\u0026\u2028"})");
    CHECK(json::parse(text) == j);  // the same value
    // U+2029 too; other characters starting with the same byte (an em dash) stay as they are.
    json k = {{"name", "a\u2029b \u2014 c"}};
    CHECK(script_safe_json(k) == "{\"name\":\"a\\u2029b \u2014 c\"}");
}

TEST_CASE("an innovation is a GovernmentService with provider, area, awards and sources") {
    SiteModel m = fixture_model();
    m.cat.innovations[0].title = "Bank </script> Sampah";
    // ViewContext keeps references: the plan and strings must outlive it (not temporaries).
    const PagePlan id = plan("id"), en_plan = plan("en");
    const json strings = json::object();
    ViewContext v(id, m, strings);
    std::string text = innovation_jsonld(v, *m.cat.innovation("bank-sampah"));
    CHECK(text.find("</script>") == std::string::npos);
    json j = json::parse(text);
    CHECK(j["@context"] == "https://schema.org");
    CHECK(j["@type"] == "GovernmentService");
    CHECK(j["name"] == "Bank </script> Sampah");
    CHECK(j["provider"] == json{{"@type", "GovernmentOrganization"},
                                {"name", "Pemerintah Daerah DI Yogyakarta (uji)"}});
    CHECK(j["areaServed"]["name"] == "DI Yogyakarta");
    CHECK(j["serviceType"] == json::array({"Lingkungan Hidup"}));
    CHECK(j["award"] == json::array({"Kompetisi Inovasi Pelayanan Publik 2019: Top 99"}));
    CHECK(j["subjectOf"][0]["url"] == "https://example.org/bank-sampah");
    CHECK_FALSE(j.contains("url"));  // no base_url: no absolute address
    m.cat.site.base_url = "https://example.org";
    ViewContext en(en_plan, m, strings);
    json k = json::parse(innovation_jsonld(en, *m.cat.innovation("layanan-daring")));
    CHECK(k["name"] == "Online Test Service");
    CHECK(k["url"] == "https://example.org/en/inovasi/layanan-daring/index.html");
    CHECK(k["areaServed"] == json{{"@type", "Country"}, {"name", "Indonesia"}});  // central agency
}

TEST_CASE("a hub is an Organization with its host, partners and decree") {
    SiteModel m = fixture_model();
    const PagePlan id = plan("id");
    const json strings = json::object();
    ViewContext v(id, m, strings);
    json j = json::parse(hub_jsonld(v, *m.cat.hub("kalimantan-selatan")));
    CHECK(j["@type"] == "Organization");
    CHECK(j["foundingDate"] == "2020");
    CHECK(j["parentOrganization"]["name"] == "Pemerintah Provinsi Kalimantan Selatan (uji)");
    CHECK(j["member"][0]["name"] == "Kementerian Uji");
    CHECK(j["subjectOf"][0] == json{{"@type", "Legislation"},
                                    {"legislationIdentifier", "94/2020"},
                                    {"name", "Keputusan uji"},
                                    {"legislationDate", "2020"}});
    CHECK(j["subjectOf"][1]["url"] == "https://example.org/hub");
}
