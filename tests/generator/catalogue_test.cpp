// Tests for generator/src/catalogue.cpp: the model stage's records and indexes.
#include "catalogue.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;
using test::fixture_model;
namespace fs = std::filesystem;

TEST_CASE("records are decoded with their origin") {
    SiteModel m = fixture_model();
    CHECK(m.cat.site.title == "Katalog Uji");
    CHECK(m.cat.site.figures.at(0).value == 1234);
    REQUIRE(m.cat.innovation("layanan-daring"));
    CHECK(m.cat.innovation("layanan-daring")->body == "Isi **uji**.");
    CHECK(m.cat.innovation("bank-sampah")->origin.path == "content/innovations/bank-sampah.md");
    CHECK(m.cat.innovation("bank-sampah")->origin.line == 2);
    CHECK(m.cat.hubs.at(0).decree->number == "94/2020");
}

// The model's lists are sorted by id, which is not always the files' order:
// bank-sampah.md comes before bank.md, the id "bank" before "bank-sampah".
TEST_CASE("each innovation's body is its own file's, whatever the order of files and ids") {
    test::TempDir tmp;
    fs::copy(test::fixture("valid/basic/content"), tmp / "content", fs::copy_options::recursive);
    std::string text = test::read_file(tmp / "content/innovations/bank-sampah.md");
    test::write_file(tmp / "content/innovations/bank.md",
                     text.substr(0, text.find("## Latar")) + "Isi bank lain.\n");
    SiteModel m = test::model_of(tmp / "content");
    std::vector<std::string> ids;
    for (const auto& inn : m.cat.innovations) ids.push_back(inn.id);
    REQUIRE(ids.size() == 4);
    CHECK(ids[0] == "bank");
    CHECK(ids[1] == "bank-sampah");
    CHECK(innovation_body(m, 0) == "Isi bank lain.\n");
    CHECK(innovation_body(m, 1).find("## Latar belakang") == 0);
    CHECK(innovation_body(m, 2) == m.cat.innovations[2].body);  // a body kept in memory
}

TEST_CASE("relations are indexed both ways") {
    SiteModel m = fixture_model();
    CHECK(m.replications_by_innovation.at("bank-sampah").size() == 1);
    CHECK(m.replications_in.at("63").size() == 1);   // Kalsel adopts
    CHECK(m.replications_out.at("34").size() == 1);  // a DIY innovation
    CHECK(m.events_by_hub.at("kalimantan-selatan").size() == 1);
    CHECK(m.events_by_province.at("63").size() == 1);  // through its hub
    CHECK(m.events_by_province.at("34").size() == 1);  // its own province
    CHECK(m.events_by_innovation.at("layanan-daring").size() == 1);
    CHECK(m.hubs_by_agency.at("kemenpanrb").size() == 1);  // as partner
    CHECK(m.facets.at(Facet::Province).at("34").size() == 2);
    CHECK(m.facets.at(Facet::Province).count("63") == 0);
}

TEST_CASE("newest innovations: by year, unknown years last") {
    SiteModel m = fixture_model();
    std::vector<std::string> ids;
    for (auto i : m.newest_innovations) ids.push_back(m.cat.innovations[i].id);
    CHECK(ids == std::vector<std::string>{"layanan-daring", "bank-sampah", "sekolah-rimba"});
}

TEST_CASE("the preview's decoded innovations are taken while their files' bytes are the same") {
    Diagnostics d;
    Content content = load_content(test::fixture("valid/basic/content"), "content", d);
    REQUIRE(d.all().empty());
    DecodedMemory memory;
    SiteModel first = build_model(content, &memory);
    const std::size_t n = first.cat.innovations.size();
    remember_decoded(first, memory);
    REQUIRE(memory.innovations.size() == n);
    // From memory, the model is the one decoded anew.
    SiteModel second = build_model(content, &memory);
    REQUIRE(memory.innovations.size() == n);
    for (const auto& [path, entry] : memory.innovations) CHECK(entry.first == 0);  // taken
    const SiteModel fresh = build_model(content);
    REQUIRE(second.cat.innovations.size() == n);
    for (std::size_t i = 0; i < n; ++i) {
        CAPTURE(fresh.cat.innovations[i].id);
        CHECK(second.cat.innovations[i] == fresh.cat.innovations[i]);
        CHECK(innovation_body(second, i) == innovation_body(fresh, i));
    }
    // Marked in the memory: the mark shows while the file's bytes are the same.
    remember_decoded(second, memory);
    memory.innovations.at("content/innovations/bank-sampah.md").second.title = "Ditandai";
    memory.innovations.at("content/innovations/layanan-daring.json").second.title = "Ditandai";
    for (auto& doc : content.records)
        if (doc.path == "content/innovations/layanan-daring.json") ++doc.hash;  // its file changed
    SiteModel third = build_model(content, &memory);
    CHECK(third.cat.innovation("bank-sampah")->title == "Ditandai");
    CHECK(third.cat.innovation("layanan-daring")->title ==
          fresh.cat.innovation("layanan-daring")->title);
    // A build whose innovations were not given back (it failed later) leaves
    // nothing to take: the next decodes anew.
    SiteModel fourth = build_model(content, &memory);
    CHECK(fourth.cat.innovation("bank-sampah")->title ==
          fresh.cat.innovation("bank-sampah")->title);
    // A file gone: its entry goes when the next model's innovations are given back.
    std::erase_if(content.records, [](const Document& doc) {
        return doc.path == "content/innovations/bank-sampah.md";
    });
    SiteModel fifth = build_model(content, &memory);
    remember_decoded(fifth, memory);
    CHECK(memory.innovations.size() == n - 1);
    CHECK_FALSE(memory.innovations.count("content/innovations/bank-sampah.md"));
}
