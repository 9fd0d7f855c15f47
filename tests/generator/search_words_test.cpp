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

void set_title(SiteModel& m, std::size_t i, const std::string& title, bool file_changed = true) {
    m.cat.innovations[i].title = title;
    if (file_changed) ++m.source_hashes[m.cat.innovations[i].origin.path];
}
}  // namespace

TEST_CASE("a count updated for the changed files gives the words of counting all anew") {
    // 2,400 innovations, of which 2,000 are counted; words repeat within a text;
    // every 50th has no file hash (always read again). "beta" is in 45 % of them.
    SiteModel m = hashed_innovations(2400);
    for (std::size_t i = 0; i < 2400; ++i) {
        set_title(m, i, i % 20 < 9 ? "Alpha alpha beta, alpha" : "Alpha gamma gamma", false);
        if (i % 50 == 0) m.source_hashes.erase(m.cat.innovations[i].origin.path);
    }
    std::string first;
    CHECK(common_words(m, 0.5, 0, 0, {}, &first) == std::vector<std::string>{"alpha", "gamma"});
    // 360 of them change (of which about 300 counted, under a quarter of the
    // 2,000): "beta" goes past half, "gamma" below it.
    for (std::size_t i = 0, changed = 0; i < 2400 && changed < 360; ++i)
        if (i % 20 >= 9 && i % 50 != 0) {
            set_title(m, i, "Beta, alpha beta");
            ++changed;
        }
    const std::vector<std::string> anew = common_words(m, 0.5, 0);
    CHECK(anew == std::vector<std::string>{"alpha", "beta"});
    // The count is updated, not made anew: a text changed behind an unchanged
    // file hash is not read ("zeta" would then be in most innovations).
    SiteModel stale = m;
    for (std::size_t i = 1; i < 2400; i += 50)
        for (std::size_t k = i; k < i + 40 && k < 2400; ++k)
            set_title(stale, k, stale.cat.innovations[k].title + " zeta", false);
    REQUIRE(common_words(stale, 0.5, 0) != anew);
    std::string second;
    CHECK(common_words(stale, 0.5, 0, 0, first, &second) == anew);
    // And the next update starts from the second count.
    set_title(m, 3, "Alpha");
    CHECK(common_words(m, 0.5, 0, 0, second) == common_words(m, 0.5, 0));
}

TEST_CASE("a count of other innovations, a damaged one or one mostly changed is not used") {
    SiteModel m = hashed_innovations(1200);
    std::string counts;
    common_words(m, 0.5, 0, 0, {}, &counts);
    REQUIRE(counts.find("\n400 beta\n") != std::string::npos);
    // Texts changed behind unchanged hashes: an update keeps the count, a new count does not.
    for (std::size_t i = 0; i < 1200; ++i) set_title(m, i, "Omega", false);
    CHECK(common_words(m, 0.5, 0, 0, counts) == std::vector<std::string>{"alpha", "gamma"});
    const std::vector<std::string> anew = {"omega"};
    CHECK(common_words(m, 0.5, 0) == anew);
    SiteModel more = hashed_innovations(1201);  // another sample
    for (std::size_t i = 0; i < 1201; ++i) set_title(more, i, "Omega", false);
    CHECK(common_words(more, 0.5, 0, 0, counts) == anew);
    CHECK(common_words(m, 0.5, 0, 0, counts.substr(0, counts.size() / 2)) == anew);
    CHECK(common_words(m, 0.5, 0, 0, counts.substr(0, counts.size() - 1)) == anew);
    CHECK(common_words(m, 0.5, 0, 0, "simpul-search-words 0\n") == anew);
    std::string edited = counts;
    edited.replace(edited.find("\n400 beta\n"), 10, "\n900 beta\n");
    CHECK(common_words(m, 0.5, 0, 0, edited) == anew);  // its check no longer holds
    // More than a quarter changed: counted anew (faster), the same words.
    SiteModel half = hashed_innovations(1200);
    for (std::size_t i = 0; i < 400; ++i) set_title(half, i, "Omega");
    CHECK(common_words(half, 0.5, 0, 0, counts) == common_words(half, 0.5, 0));
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
    CHECK(counts.find("\nend ") != std::string::npos);
    // Nothing changed: the list is kept, and so is the count.
    write(StagedOutput::Mode::Staged);
    CHECK(test::read_file(tmp / ".public.search-words") == counts);
    // One file changes: the count is updated and saved again.
    set_title(m, 1, "Alpha beta");
    write(StagedOutput::Mode::Staged);
    CHECK(test::read_file(tmp / ".public.search-words").find("\n401 beta\n") != std::string::npos);

    // The live preview keeps the count in its memory: read from the file the
    // first time, then neither read nor written there.
    const std::string saved = test::read_file(tmp / ".public.search-words");
    std::string kept;
    auto preview = [&] {
        StagedOutput out(tmp / "public", StagedOutput::Mode::InPlace);
        write_common_words(m, out, 0, &kept);
        out.commit();
    };
    set_title(m, 2, "Alpha beta");
    preview();
    CHECK(kept.find("\n402 beta\n") != std::string::npos);
    set_title(m, 4, "Alpha beta");
    set_title(m, 5, "Omega", false);  // (its hash unchanged: an update does not read it again)
    test::write_file(tmp / ".public.search-words", "not read\n");
    preview();
    CHECK(kept.find("\n403 beta\n") != std::string::npos);
    CHECK(kept.find("\n1 omega\n") == std::string::npos);  // updated, not counted anew
    CHECK(kept.rfind("simpul-search-words 1 ", 0) == 0);
    CHECK(test::read_file(tmp / ".public.search-words") == "not read\n");
    CHECK(saved.find("\n401 beta\n") != std::string::npos);
}
