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

namespace {
// `n` innovations, each from a file of its own (a path and a hash), with the
// words "alpha" (all), "beta" (a third) and "gamma" (the rest).
SiteModel hashed_innovations(std::size_t n) {
    SiteModel m;
    for (std::size_t i = 0; i < n; ++i) {
        Innovation inn;
        inn.id = "inovasi-" + std::to_string(i);
        inn.origin.path = "content/innovations/" + inn.id + ".md";
        inn.title = i % 3 == 0 ? "Alpha beta" : "Alpha gamma";
        m.source_hashes[inn.origin.path] = 1000 + i;
        m.cat.innovations.push_back(inn);
    }
    return m;
}
}  // namespace

TEST_CASE("a count updated for the changed files gives the words of counting all anew") {
    SiteModel m = hashed_innovations(1200);
    std::string first;
    CHECK(common_words(m, 0.5, 0, 0, {}, &first) == std::vector<std::string>{"alpha", "gamma"});
    REQUIRE(!first.empty());
    // 400 files change: "beta" goes from a third to two thirds, "gamma" to a third.
    for (std::size_t i = 0; i < 1200; ++i)
        if (i % 3 == 1) {
            m.cat.innovations[i].title = "Alpha beta, delta";
            ++m.source_hashes[m.cat.innovations[i].origin.path];
        }
    std::string second;
    const auto updated = common_words(m, 0.5, 0, 0, first, &second);
    CHECK(updated == std::vector<std::string>{"alpha", "beta"});
    CHECK(updated == common_words(m, 0.5, 0));
    // The next update starts from the second count.
    m.cat.innovations[2].title = "Alpha";
    ++m.source_hashes[m.cat.innovations[2].origin.path];
    CHECK(common_words(m, 0.5, 0, 0, second) == common_words(m, 0.5, 0));
}

TEST_CASE("an updated count reads only the innovations whose file hash changed") {
    SiteModel m = hashed_innovations(1200);
    std::string counts;
    common_words(m, 0.5, 0, 0, {}, &counts);
    // Texts changed behind unchanged hashes are not read again: the count stands.
    for (auto& inn : m.cat.innovations) inn.title = "Omega";
    CHECK(common_words(m, 0.5, 0, 0, counts) == std::vector<std::string>{"alpha", "gamma"});
    CHECK(common_words(m, 0.5, 0) == std::vector<std::string>{"omega"});
    // A count of other innovations, or a damaged one, is not used: all are counted.
    SiteModel more = hashed_innovations(1201);
    for (auto& inn : more.cat.innovations) inn.title = "Omega";
    CHECK(common_words(more, 0.5, 0, 0, counts) == std::vector<std::string>{"omega"});
    CHECK(common_words(m, 0.5, 0, 0, counts.substr(0, counts.size() / 2)) ==
          std::vector<std::string>{"omega"});
    CHECK(common_words(m, 0.5, 0, 0, "simpul-search-words 0\n") ==
          std::vector<std::string>{"omega"});
}

TEST_CASE("the count is kept beside the output for the next build") {
    test::TempDir tmp;
    SiteModel m = hashed_innovations(1200);
    auto write = [&](StagedOutput::Mode mode) {
        StagedOutput out(tmp / "public", mode);
        write_common_words(m, out);
        out.commit();
    };
    write(StagedOutput::Mode::Clean);
    CHECK(word_counts_path(tmp / "public") == tmp / ".public.search-words");
    const std::string counts = test::read_file(tmp / ".public.search-words");
    CHECK(counts.rfind("simpul-search-words 1 ", 0) == 0);
    CHECK(counts.find("\n1200 alpha\n") != std::string::npos);
    CHECK(counts.find("\n400 beta\n") != std::string::npos);
    // One file changes: the count is updated and saved again.
    m.cat.innovations[1].title = "Alpha beta";
    ++m.source_hashes[m.cat.innovations[1].origin.path];
    write(StagedOutput::Mode::Staged);
    CHECK(test::read_file(tmp / ".public.search-words").find("\n401 beta\n") != std::string::npos);
}
