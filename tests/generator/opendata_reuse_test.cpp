// Tests for generator/src/opendata_reuse.cpp: the catalogue index round trip,
// records copied from the last catalogue.json while their key holds, and an
// index that no longer describes its file (stamp, damage) trusted for nothing.
#include "opendata_reuse.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>

#include "deps.hpp"
#include "opendata.hpp"
#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;
using simpul::test::read_file;
using simpul::test::TempDir;
using simpul::test::write_file;

namespace {

// The catalogue's text; `written` gets its records' spans and the number copied.
std::string catalogue_text(const SiteModel& m, const CatalogueReuse* reuse = nullptr,
                           CatalogueWritten* written = nullptr) {
    TextPieces text;
    write_catalogue_json(m, text, reuse, written);
    return text.text();
}

// The identity write_catalogue_json gives the text (and the number of pieces
// it came in, `pieces`).
std::uint64_t identity_of(const SiteModel& m, const CatalogueReuse* reuse = nullptr,
                          std::size_t* pieces = nullptr) {
    TextPieces text;
    std::uint64_t identity = write_catalogue_json(m, text, reuse);
    if (pieces) *pieces = text.pieces();
    return identity;
}

// The index with its spans' hash made again (after a span was changed on purpose).
std::string resealed(std::string index) {
    constexpr std::size_t header = 60;
    const std::string spans = index.substr(header, index.size() - header - 8);
    std::uint64_t h = text_hash(spans);
    for (std::size_t i = 0; i < 8; ++i)
        index[index.size() - 8 + i] = static_cast<char>((h >> (8 * i)) & 0xFF);
    return index;
}

// Writes the fixture's catalogue.json and its index into `dir`.
std::vector<CatalogueSpan> write_with_index(const SiteModel& m, const TempDir& dir) {
    CatalogueWritten written;
    write_file(dir / "catalogue.json", catalogue_text(m, nullptr, &written));
    CHECK(written.copied == 0);
    save_catalogue_index(dir / "index", dir / "catalogue.json", written.spans);
    return written.spans;
}

// Sets the file's modification time back to `st`'s.
void restore_mtime(const std::filesystem::path& p, const struct stat& st) {
    const struct timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, 0) == 0);
}

std::size_t record_count(const SiteModel& m) {
    return m.cat.agencies.size() + m.cat.innovations.size() + m.cat.hubs.size() +
           m.cat.replications.size() + m.cat.events.size() + m.cat.regulations.size();
}

}  // namespace

TEST_CASE("the index names every record's text in the file") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    std::vector<CatalogueSpan> spans = write_with_index(m, dir);
    const std::size_t records = record_count(m);
    CHECK(spans.size() == records);
    std::string text = read_file(dir / "catalogue.json");
    CatalogueReuse reuse = CatalogueReuse::open(dir / "index", dir / "catalogue.json");
    REQUIRE(reuse.size() == records);
    for (const auto& s : spans) {
        auto found = reuse.find(s.key);
        REQUIRE(found);
        CHECK(found->offset == s.offset);
        CHECK(found->size == s.size);
        CHECK(nlohmann::json::parse(text.substr(s.offset, s.size)).contains("id"));
    }
    CHECK_FALSE(reuse.find(12345));
    // Keys are all different: no record could take another's text.
    std::vector<std::uint64_t> keys;
    for (const auto& s : spans) keys.push_back(s.key);
    std::sort(keys.begin(), keys.end());
    CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
    // Written again with the index: the same text, every record copied.
    CatalogueWritten again;
    CHECK(catalogue_text(m, &reuse, &again) == text);
    CHECK(again.copied == records);
    CHECK(again.spans.size() == records);
    // Each list's records are copied in one run (with the commas between),
    // and the text's identity is the same as when every record was made.
    std::size_t copied_pieces = 0, made_pieces = 0;
    CHECK(identity_of(m, &reuse, &copied_pieces) == identity_of(m, nullptr, &made_pieces));
    // Made: 2n - 1 pieces for n records and the commas between; copied: one.
    std::size_t lists = 0;
    for (std::size_t n : {m.cat.agencies.size(), m.cat.innovations.size(), m.cat.hubs.size(),
                          m.cat.replications.size(), m.cat.events.size(), m.cat.regulations.size()})
        lists += n > 0;
    CHECK(copied_pieces == made_pieces - (2 * records - lists) + lists);
}

TEST_CASE("the catalogue's identity changes with any record, copied or made") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    write_with_index(m, dir);
    CatalogueReuse reuse = CatalogueReuse::open(dir / "index", dir / "catalogue.json");
    REQUIRE(reuse.size() == record_count(m));
    const std::uint64_t before = identity_of(m);
    CHECK(identity_of(m, &reuse) == before);
    // An innovation's file changed: its entry is made again, the rest copied.
    m.source_hashes[m.cat.innovations.back().origin.path] += 1;
    const std::uint64_t after = identity_of(m);
    CHECK(after != before);
    CHECK(identity_of(m, &reuse) == after);
    // A change outside the records (the site's title in the head) shows too.
    m.cat.site.title += " baru";
    CHECK(identity_of(m) != after);
}

TEST_CASE("a record whose key holds is copied from the last file, not made again") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    std::vector<CatalogueSpan> spans = write_with_index(m, dir);
    // The first innovation's title changed in the file only (the index saved
    // again for the file's new stamp): the copy shows it, so the text came
    // from the file.
    const Innovation& first = m.cat.innovations.front();
    const std::string clean = read_file(dir / "catalogue.json");
    std::string text = clean;
    std::string title = "\"title\":" + nlohmann::json(first.title).dump();
    std::size_t at = text.find(title);
    REQUIRE(at != std::string::npos);
    text[at + title.size() - 2] = '#';  // the title's last letter
    write_file(dir / "catalogue.json", text);
    save_catalogue_index(dir / "index", dir / "catalogue.json", spans);
    CatalogueReuse reuse = CatalogueReuse::open(dir / "index", dir / "catalogue.json");
    REQUIRE(reuse.size() == spans.size());
    CHECK(catalogue_text(m, &reuse) == text);

    SUBCASE("the record's file changed: its entry is made again") {
        m.source_hashes[first.origin.path] += 1;
        CatalogueWritten written;
        CHECK(catalogue_text(m, &reuse, &written) == clean);
        CHECK(written.copied == spans.size() - 1);
    }
    SUBCASE("its agency's file changed (the entry shows the agency's province)") {
        const Agency* a = m.cat.agency(first.agency);
        REQUIRE(a);
        m.source_hashes[a->origin.path] += 1;
        CatalogueWritten written;
        CHECK(catalogue_text(m, &reuse, &written) == clean);
        // The agency's own entry and its innovations' entries are made again.
        std::size_t made = 1;
        for (const auto& inn : m.cat.innovations) made += inn.agency == first.agency;
        CHECK(written.copied == spans.size() - made);
    }
}

TEST_CASE("an index that no longer describes its file is not used") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    write_with_index(m, dir);
    const std::string index = read_file(dir / "index");
    const std::filesystem::path file = dir / "catalogue.json";
    auto opened = [&] { return CatalogueReuse::open(dir / "index", file).size(); };
    REQUIRE(opened() == record_count(m));

    SUBCASE("the file was changed in place, its size and modification time kept") {
        struct stat st {};
        REQUIRE(::stat(file.c_str(), &st) == 0);
        std::string text = read_file(file);
        text[text.size() / 2] = text[text.size() / 2] == 'a' ? 'b' : 'a';
        write_file(file, text);
        restore_mtime(file, st);  // its change time still moved
        CHECK(opened() == 0);
    }
    SUBCASE("the file was written again (another modification time)") {
        struct stat st {};
        REQUIRE(::stat(file.c_str(), &st) == 0);
        st.st_mtim.tv_sec -= 10;
        restore_mtime(file, st);
        CHECK(opened() == 0);
    }
    SUBCASE("the file is gone") {
        std::filesystem::remove(file);
        CHECK(opened() == 0);
    }
    SUBCASE("the index is cut short") {
        write_file(dir / "index", index.substr(0, index.size() - 3));
        CHECK(opened() == 0);
    }
    SUBCASE("a span lies past the end of the file") {
        std::string bad = index;
        bad[bad.size() - 13] = '\x7f';  // the last span's offset, its highest byte
        write_file(dir / "index", resealed(bad));
        CHECK(opened() == 0);
    }
    SUBCASE("a span was changed, the spans' hash not") {
        std::string bad = index;
        bad[bad.size() - 20] ^= 1;  // the last span's offset, its lowest byte
        write_file(dir / "index", bad);
        CHECK(opened() == 0);
        write_file(dir / "index", resealed(bad));  // the same change, sealed: trusted
        CHECK(opened() == record_count(m));
    }
    SUBCASE("another layout version") {
        std::string bad = index;
        bad[8] = 9;
        write_file(dir / "index", bad);
        CHECK(opened() == 0);
    }
    SUBCASE("no index") {
        std::filesystem::remove(dir / "index");
        CHECK(opened() == 0);
    }
    SUBCASE("the file cannot be read: saving removes the index") {
        save_catalogue_index(dir / "index", dir / "missing.json", {});
        CHECK_FALSE(std::filesystem::exists(dir / "index"));
    }
}

TEST_CASE("the index's place beside the output") {
    CHECK(catalogue_index_path("site/public") ==
          std::filesystem::path("site/.public.catalogue-index"));
    CHECK(catalogue_index_path("public") == std::filesystem::path("./.public.catalogue-index"));
}
