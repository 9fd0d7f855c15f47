// Tests for generator/src/search_words.cpp: how texts split into words, which
// words count as common (share, smallest catalogue, bodies read from their
// files) and the file the search page reads.
#include "search_words.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;

TEST_CASE("a text splits into lower-case words at anything but letters and digits") {
    CHECK(search_words("Layanan SIM-Keliling, 24 jam;  (Kota) café") ==
          std::vector<std::string>{"layanan", "sim", "keliling", "24", "jam", "kota", "café"});
    CHECK(search_words("").empty());
    CHECK(search_words(" -- ").empty());
}

namespace {
// The fixture's three innovations with texts set here (their bodies too: the
// files' bodies are left out).
SiteModel three_innovations() {
    SiteModel m = test::fixture_model();
    REQUIRE(m.cat.innovations.size() == 3);
    const char* texts[3][2] = {{"Bank Sampah Desa", "Sampah dipilah di desa."},
                               {"Layanan Desa Daring", "Izin desa lewat layanan daring."},
                               {"Sekolah Rimba", "Sekolah untuk anak rimba, daring juga."}};
    for (std::size_t i = 0; i < 3; ++i) {
        Innovation& inn = m.cat.innovations[i];
        inn.title = texts[i][0];
        inn.body = texts[i][1];
        inn.title_en = inn.summary = inn.summary_en = inn.body_en = "";
    }
    m.innovation_bodies.clear();
    return m;
}
}  // namespace

TEST_CASE("common words are those in more than the share of innovations, counted once each") {
    SiteModel m = three_innovations();
    // "desa" is in two innovations (twice in the first), "daring" in two, the rest in one.
    CHECK(common_words(m, 0.5, 0) == std::vector<std::string>{"daring", "desa"});
    CHECK(common_words(m, 0.7, 0).empty());
    // English texts count too.
    m.cat.innovations[2].summary_en = "A village school";
    m.cat.innovations[0].title_en = "Village waste bank";
    CHECK(common_words(m, 0.5, 0) == std::vector<std::string>{"daring", "desa", "village"});
    // A catalogue smaller than the smallest size gets no list.
    CHECK(common_words(m, 0.5, 4).empty());
}

TEST_CASE("bodies left in their files are read for the count") {
    SiteModel m = test::fixture_model();
    REQUIRE_FALSE(m.innovation_bodies.empty());
    // "dibuang" is only in the body of bank-sampah.md, which the model does not hold.
    for (const auto& inn : m.cat.innovations) CHECK(inn.body.find("dibuang") == std::string::npos);
    auto all = common_words(m, 0.0, 0);
    CHECK(std::find(all.begin(), all.end(), "dibuang") != all.end());
}

TEST_CASE("the list is written where the search page reads it") {
    test::TempDir tmp;
    SiteModel m = three_innovations();
    {
        StagedOutput out(tmp / "public", StagedOutput::Mode::Clean);
        write_common_words(m, out);
        out.commit();
    }
    // Three innovations are far below the smallest catalogue that gets a list.
    CHECK(test::read_file(tmp / "public" / kCommonWordsPath) ==
          "{\"innovations\":3,\"share\":0.5,\"words\":[]}\n");
}

TEST_CASE("the last build's list is kept while the counted innovations' files are unchanged") {
    test::TempDir tmp;
    auto write = [&](const SiteModel& m) {
        StagedOutput out(tmp / "public");
        write_common_words(m, out);
        out.commit();
        return out.reused();
    };
    SiteModel m = test::fixture_model();  // loaded from files: each innovation has a hash
    CHECK(write(m) == 0);
    const std::string before = test::read_file(tmp / "public" / kCommonWordsPath);
    CHECK(write(m) == 1);
    CHECK(test::read_file(tmp / "public" / kCommonWordsPath) == before);
    m.source_hashes.at(m.cat.innovations.front().origin.path) ^= 1;  // its file changed
    CHECK(write(m) == 0);
    CHECK(write(m) == 1);
    // Records made in memory have no file hash to vouch for them: always counted anew.
    SiteModel made = three_innovations();
    made.source_hashes.clear();
    CHECK(write(made) == 0);
    CHECK(write(made) == 0);
}

TEST_CASE("a large catalogue's shares come from innovations spread over all of it") {
    SiteModel m;
    for (std::size_t i = 0; i < 4000; ++i) {
        Innovation inn;
        inn.id = "inovasi-" + std::to_string(i);
        inn.title = "alpha";
        if (i % 3 == 0) inn.title += " beta";     // a third
        if (i % 3 != 0) inn.summary = "gamma";    // two thirds
        if (i >= 1000) inn.body = "delta delta";  // the last three quarters
        m.cat.innovations.push_back(inn);
    }
    CHECK(common_words(m, 0.5, 0) == std::vector<std::string>{"alpha", "delta", "gamma"});
}
