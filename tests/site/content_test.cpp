// The real content: every record carries a source, and the facts of the seed
// articles appear on the built site with their sources.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "catalogue.hpp"
#include "pipeline.hpp"
#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
namespace fs = std::filesystem;

namespace {

gen::SiteModel real_model() {
    Diagnostics d;
    gen::Content c = gen::load_content(test::source_dir() / "content", "content", d);
    gen::validate_content(c, d);
    REQUIRE_FALSE(d.has_errors());
    return gen::build_model(c);
}

struct BuiltSite {
    test::TempDir tmp;
    BuiltSite() {
        gen::BuildOptions o;
        o.content_dir = test::source_dir() / "content";
        o.template_dir = test::source_dir() / "site-template";
        o.out_dir = tmp / "public";
        REQUIRE(gen::run_build(o).ok);
    }
    std::string page(const std::string& rel) const { return test::read_file(tmp / "public" / rel); }
};

bool has(const std::string& page, const std::string& text) {
    return page.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("every record has at least one source") {
    gen::SiteModel m = real_model();
    const Catalogue& c = m.cat;
    for (const auto& r : c.agencies) CHECK_MESSAGE(!r.sources.empty(), r.origin.path);
    for (const auto& r : c.innovations) CHECK_MESSAGE(!r.sources.empty(), r.origin.path);
    for (const auto& r : c.hubs) CHECK_MESSAGE(!r.sources.empty(), r.origin.path);
    for (const auto& r : c.replications) CHECK_MESSAGE(!r.sources.empty(), r.origin.path);
    for (const auto& r : c.events) CHECK_MESSAGE(!r.sources.empty(), r.origin.path);
    for (const auto& r : c.regulations) CHECK_MESSAGE(!r.sources.empty(), r.origin.path);
    for (const auto& f : c.site.figures) CHECK_MESSAGE(!f.sources.empty(), f.id);
    CHECK(c.provinces.size() == 38);
}

TEST_CASE("the hubs of the seed articles: 8 pilots of 2020, 4 of 2021, Kepulauan Riau in 2024") {
    gen::SiteModel m = real_model();
    std::map<int, std::set<std::string>> by_year;
    for (const auto& h : m.cat.hubs)  // central hubs (ministries) have no province
        if (const Province* p = m.cat.province(h.province)) by_year[h.established].insert(p->name);
    for (const char* p :
         {"Jawa Timur", "Sumatera Selatan", "Sulawesi Selatan", "Jawa Tengah", "Sumatera Barat",
          "Kepulauan Bangka Belitung", "Kalimantan Selatan", "Gorontalo"})
        CHECK_MESSAGE(by_year[2020].count(p), p);
    for (const char* p : {"Kalimantan Barat", "Riau", "Bali", "Maluku"})
        CHECK_MESSAGE(by_year[2021].count(p), p);
    CHECK(by_year[2024].count("Kepulauan Riau"));
    for (const auto& h : m.cat.hubs) {
        if (h.established == 2020) CHECK(h.decree->number.find("94/2020") != std::string::npos);
        if (h.established == 2021) CHECK(h.decree->number.find("359/2021") != std::string::npos);
    }
    const Hub* kalbar = m.cat.hub("kalimantan-barat");
    REQUIRE(kalbar);
    CHECK(std::count(kalbar->partners.begin(), kalbar->partners.end(), "universitas-tanjungpura") ==
          1);
}

TEST_CASE("the seed facts appear on the site with their sources") {
    BuiltSite site;
    std::string home = site.page("index.html");
    CHECK(has(home, "54"));
    CHECK(has(home, "36"));
    CHECK(has(home, "18"));
    for (const char* agency : {"Kementerian PANRB", "Kementerian Dalam Negeri",
                               "Lembaga Administrasi Negara", "Bappenas"})
        CHECK_MESSAGE(has(home, agency), agency);

    std::string kalbar = site.page("hub/kalimantan-barat/index.html");
    CHECK(has(kalbar, "Universitas Tanjungpura"));
    CHECK(has(kalbar, "359/2021"));
    CHECK(has(kalbar, "mmcindonesia.id"));
    CHECK(has(site.page("hub/jawa-timur/index.html"), "94/2020"));

    std::string omspan = site.page("inovasi/omspan/index.html");
    CHECK(has(omspan, "Perbendaharaan"));
    CHECK(has(omspan, "nusakini.com"));
    for (const char* page : {"inovasi/menggapai-mimpi-sahabat-rimba/index.html",
                             "inovasi/si-terpa-daya-jiwa/index.html",
                             "inovasi/mencerdaskan-si-miskin-menjadi-generasi-emas/index.html"})
        CHECK_MESSAGE(fs::exists(site.tmp / "public" / page), page);

    std::string fripp = site.page("agenda/fripp-kalimantan-selatan-2020/index.html");
    CHECK(has(fripp, "OM-SPAN"));
    CHECK(has(fripp, "Kalimantan Selatan"));
    std::string replications = site.page("replikasi/index.html");
    CHECK(has(replications, "Menggapai Mimpi Sahabat Rimba"));
    CHECK(has(replications, "Mencerdaskan Si Miskin Menjadi Generasi Emas"));
    for (const char* p : {"Bangka Belitung", "Sulawesi Selatan", "Jawa Timur", "Sumatera Barat",
                          "Gorontalo", "Kalimantan Selatan", "Sumatera Selatan", "Jawa Tengah"})
        CHECK_MESSAGE(has(site.page("agenda/index.html"), p), p);
    std::string regulations = site.page("regulasi/index.html");
    CHECK(has(regulations, "30"));
    CHECK(has(regulations, "2014"));
    CHECK(has(regulations, "91"));
    CHECK(has(site.page("hub/kepulauan-riau/index.html"), "2024"));
}

TEST_CASE("record pages show their history from this repository") {
    BuiltSite site;
    std::string omspan = site.page("inovasi/omspan/index.html");
    CHECK(has(omspan, "class=\"history\""));
    CHECK(has(omspan, "<time datetime=\""));
    CHECK(has(site.page("hub/bali/index.html"), "class=\"history\""));
}
