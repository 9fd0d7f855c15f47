// Tests of the dashboard's app state (wasm-app/app.cpp) without drawing: the URL
// hash in both directions, requests to the platform, CSV, labels and numbers,
// the texts file arriving after the figures.
#include <doctest/doctest.h>

#include <algorithm>

#include "frame_support.hpp"

using namespace simpul;
using namespace simpul::dash;

TEST_CASE("the filter state goes into the URL hash and back") {
    auto app = test::fixture_app();
    CHECK(app->to_hash() == "");
    app->toggle(Dim::Province, 1);  // 35
    app->toggle(Dim::Province, 2);  // 63
    app->toggle(Dim::Sector, 0);
    app->toggle(Dim::Year, 2020);
    app->toggle(Dim::Stage, 0);
    app->toggle(Dim::Kind, 0);
    app->set_measure(Measure::Rate);
    app->set_sort(SortColumn::Year, true);
    app->set_search("Sehat & co");
    const std::string hash =
        "#prov=35,63&sector=kesehatan&stage=penciptaan&year=2020&kind=daerah&m=rate&sort=year-&q="
        "Sehat%20%26%20co";
    CHECK(app->to_hash() == hash);

    auto other = test::fixture_app();
    other->from_hash(hash);
    CHECK(other->filter() == app->filter());
    CHECK(other->measure() == Measure::Rate);
    CHECK(other->sort_column() == SortColumn::Year);
    CHECK(other->sort_descending());
    CHECK(other->search() == "Sehat & co");
    CHECK(other->to_hash() == hash);
    CHECK(other->result().innovations == app->result().innovations);
}

TEST_CASE("unknown keys and values in the hash are ignored; an empty hash resets") {
    auto app = test::fixture_app();
    app->from_hash("#prov=99,35&sdg=x,4&bogus=1&year=&=&award=kipp");
    CHECK(app->to_hash() == "#prov=35&sdg=4&award=kipp");
    CHECK(app->result().innovations == 0);  // Jatim has no award of kipp with SDG 4
    app->from_hash("");
    CHECK(app->filter().empty());
    CHECK(app->result().innovations == 5);
}

TEST_CASE("actions ask for a history entry, typing replaces it") {
    auto app = test::fixture_app();
    app->take_requests();
    app->toggle(Dim::Sdg, 3);
    Requests r = app->take_requests();
    CHECK(r.push_history);
    CHECK_FALSE(r.replace_history);
    app->set_search("x");
    r = app->take_requests();
    CHECK(r.replace_history);
    CHECK_FALSE(r.push_history);
    app->request_open(app->rows().empty() ? 0 : app->rows()[0]);
    app->request_open(2);
    CHECK(app->take_requests().open_url == "../inovasi/omspan/index.html");
}

TEST_CASE("the CSV of the selection: BOM, header, one quoted row per innovation") {
    auto app = test::fixture_app();
    app->toggle(Dim::Province, 1);
    std::string csv = app->csv();
    CHECK(csv.rfind(
              "\xEF\xBB\xBFid,title,agency,province,year,stage,status,sectors,sdgs,awards,url\r\n",
              0) == 0);
    CHECK(
        csv.find("\"sekolah-jatim\",\"Sekolah Jatim\",\"Agency pemprov-jatim\",\"Jawa Timur\",2020,"
                 "pengembangan,berlanjut,\"kesehatan;pendidikan\",\"3;4\",\"\",\"inovasi/"
                 "sekolah-jatim/\"\r\n") != std::string::npos);
    std::size_t lines = 0;
    for (char c : csv) lines += c == '\n';
    CHECK(lines == 3);
    app->toggle(Dim::Province, 0);
    app->toggle(Dim::Province, 1);
    app->toggle(Dim::Sector, 2);                              // DIY + keuangan: nothing
    CHECK(app->csv().find("\r\n") == app->csv().size() - 2);  // the header alone
}

TEST_CASE("labels and numbers follow the language") {
    auto id = test::fixture_app("id");
    auto en = test::fixture_app("en");
    CHECK(id->tr("panel.map") == "Peta provinsi");
    CHECK(en->tr("panel.map") == "Province map");
    CHECK(en->tr("no.such.key") == "no.such.key");
    CHECK(id->value_label(Dim::Sector, 0) == "Kesehatan");
    CHECK(en->value_label(Dim::Sector, 0) == "Health");
    CHECK(en->value_label(Dim::Stage, 0) == "Creation");
    CHECK(en->value_label(Dim::Sdg, 4) == "4. Quality education");
    CHECK(id->value_label(Dim::Province, 1) == "Jawa Timur");
    CHECK(id->number(1234567) == "1.234.567");
    CHECK(en->number(1234567) == "1,234,567");
    CHECK(id->number(0.5, 2) == "0,50");
    CHECK(en->number(1234.5, 1) == "1,234.5");
}

TEST_CASE("the figures for the JS hook") {
    auto app = test::fixture_app();
    app->toggle(Dim::Province, 1);
    std::string f = app->figures_json();
    CHECK(f.find("\"innovations\":2,") != std::string::npos);
    CHECK(f.find("\"hash\":\"#prov=35\"") != std::string::npos);
    CHECK(f.find("\"prov\":{\"34\":1,\"35\":2,\"63\":1}") != std::string::npos);
    CHECK(f.find("\"flows\":[[\"35\",\"63\",2]]") != std::string::npos);
}

namespace {
const std::uint8_t* u8(const std::string& s) {
    return reinterpret_cast<const std::uint8_t*>(s.data());
}
}  // namespace

TEST_CASE("until the texts file is in, the explorer has rows without titles; then titles") {
    std::string texts;
    auto app = test::fixture_app_without_texts(texts);
    CHECK_FALSE(app->has_texts());
    CHECK(app->result().innovations == 5);  // every figure is there already
    CHECK(app->rows().size() == 5);
    CHECK(app->title(0) == "");
    app->set_search("sehat");
    CHECK(app->rows().size() == 5);  // the text filter waits for the titles
    app->request_csv();
    app->request_open(0);
    Requests r = app->take_requests();
    CHECK(r.download_text.empty());
    CHECK(r.open_url.empty());
    CHECK(app->csv() ==
          "\xEF\xBB\xBFid,title,agency,province,year,stage,status,sectors,sdgs,"
          "awards,url\r\n");

    REQUIRE(app->load_texts(u8(texts), texts.size()));
    CHECK(app->has_texts());
    CHECK(app->texts_error().empty());
    REQUIRE(app->rows().size() == 1);
    CHECK(app->title(app->rows()[0]) == "Sehat Jatim");
    app->request_open(app->rows()[0]);
    CHECK(app->take_requests().open_url == "../inovasi/sehat-jatim/index.html");
    app->set_sort(SortColumn::Agency, false);
    CHECK(app->rows().size() == 1);
}

TEST_CASE("a texts file that does not load keeps its message and every figure") {
    std::string texts;
    auto app = test::fixture_app_without_texts(texts);
    CHECK_FALSE(app->load_texts(u8(texts), 30));
    CHECK(app->texts_error() == "dashboard texts are truncated: expected " +
                                    std::to_string(texts.size()) + " bytes, got 30");
    CHECK_FALSE(app->has_texts());
    CHECK(app->result().innovations == 5);
    CHECK(app->rows().size() == 5);
}

TEST_CASE("the explorer sorts by agency name, then title; descending reverses it") {
    std::string texts;
    auto app = test::fixture_app_without_texts(texts);
    REQUIRE(app->load_texts(u8(texts), texts.size()));
    app->set_sort(SortColumn::Agency, false);
    std::vector<std::string> ids;
    for (std::uint32_t row : app->rows()) ids.emplace_back(app->data().texts.id(row));
    // Agency kemenkeu, pemprov-diy, pemprov-jatim (two, by title), pemprov-kalsel.
    CHECK(ids == std::vector<std::string>{"omspan", "diy-tanpa-tahun", "sehat-jatim",
                                          "sekolah-jatim", "kalsel-pintar"});
    app->set_sort(SortColumn::Agency, true);
    std::vector<std::string> names;
    for (std::uint32_t row : app->rows()) names.emplace_back(app->data().texts.agency_name(row));
    CHECK(std::is_sorted(names.rbegin(), names.rend()));
    CHECK(names.front() == "Agency pemprov-kalsel");
}
