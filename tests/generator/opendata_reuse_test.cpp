// Tests for generator/src/opendata_reuse.cpp: the catalogue index round trip,
// records copied from the last catalogue.json while their key holds, and an
// index that no longer describes its file (stamp, damage) trusted for nothing.
#include "opendata_reuse.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>

#include "opendata.hpp"
#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;
using simpul::test::read_file;
using simpul::test::TempDir;
using simpul::test::write_file;

namespace {

// The catalogue's text, with each record's span when `spans` is given.
std::string catalogue_text(const SiteModel& m, const CatalogueReuse* reuse = nullptr,
                           std::vector<CatalogueSpan>* spans = nullptr) {
    std::string text;
    write_catalogue_json(
        m, [&](std::string_view p) { text.append(p); }, reuse, spans);
    return text;
}

// Writes the fixture's catalogue.json and its index into `dir`.
std::vector<CatalogueSpan> write_with_index(const SiteModel& m, const TempDir& dir) {
    std::vector<CatalogueSpan> spans;
    write_file(dir / "catalogue.json", catalogue_text(m, nullptr, &spans));
    save_catalogue_index(dir / "index", dir / "catalogue.json", spans);
    return spans;
}

// Sets the file's modification time back to `st`'s (its stamp as before).
void restore_mtime(const std::filesystem::path& p, const struct stat& st) {
    const struct timespec times[2] = {st.st_atim, st.st_mtim};
    REQUIRE(::utimensat(AT_FDCWD, p.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("the index names every record's text in the file") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    std::vector<CatalogueSpan> spans = write_with_index(m, dir);
    const std::size_t records = m.cat.agencies.size() + m.cat.innovations.size() +
                                m.cat.hubs.size() + m.cat.replications.size() +
                                m.cat.events.size() + m.cat.regulations.size();
    CHECK(spans.size() == records);
    std::string text = read_file(dir / "catalogue.json");
    CatalogueReuse reuse = CatalogueReuse::open(dir / "index", dir / "catalogue.json");
    REQUIRE(reuse.size() == records);
    for (const auto& s : spans) {
        auto found = reuse.find(s.key);
        REQUIRE(found);
        CHECK(*found == text.substr(s.offset, s.size));
        CHECK(nlohmann::json::parse(*found).contains("id"));
    }
    CHECK_FALSE(reuse.find(12345));
    // Keys are all different: no record could take another's text.
    std::vector<std::uint64_t> keys;
    for (const auto& s : spans) keys.push_back(s.key);
    std::sort(keys.begin(), keys.end());
    CHECK(std::adjacent_find(keys.begin(), keys.end()) == keys.end());
    // Written again with the index: the same text.
    CHECK(catalogue_text(m, &reuse) == text);
}

TEST_CASE("a record whose key holds is copied from the last file, not made again") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    std::vector<CatalogueSpan> spans = write_with_index(m, dir);
    // The first innovation's title changed in the file only, its stamp kept:
    // the copy shows it, so the text came from the file.
    const Innovation& first = m.cat.innovations.front();
    std::string text = read_file(dir / "catalogue.json");
    struct stat st {};
    REQUIRE(::stat((dir / "catalogue.json").c_str(), &st) == 0);
    std::string title = "\"title\":" + nlohmann::json(first.title).dump();
    std::size_t at = text.find(title);
    REQUIRE(at != std::string::npos);
    text[at + title.size() - 2] = '#';  // the title's last letter
    write_file(dir / "catalogue.json", text);
    restore_mtime(dir / "catalogue.json", st);
    CatalogueReuse reuse = CatalogueReuse::open(dir / "index", dir / "catalogue.json");
    REQUIRE(reuse.size() == spans.size());
    CHECK(catalogue_text(m, &reuse) == text);

    SUBCASE("the record's file changed: its entry is made again") {
        m.source_hashes[first.origin.path] += 1;
        CHECK(catalogue_text(m, &reuse) ==
              read_file(dir / "catalogue.json")
                  .replace(at + title.size() - 2, 1, 1, first.title.back()));
    }
    SUBCASE("its agency's file changed (the entry shows the agency's province)") {
        const Agency* a = m.cat.agency(first.agency);
        REQUIRE(a);
        m.source_hashes[a->origin.path] += 1;
        std::string again = catalogue_text(m, &reuse);
        CHECK(again.find(title) != std::string::npos);  // the first innovation made again
        CHECK(again.size() == text.size());
    }
}

TEST_CASE("an index that no longer describes its file is not used") {
    SiteModel m = simpul::test::fixture_model();
    TempDir dir;
    write_with_index(m, dir);
    const std::string index = read_file(dir / "index");
    auto opened = [&] {
        return CatalogueReuse::open(dir / "index", dir / "catalogue.json").size();
    };
    REQUIRE(opened() > 0);

    SUBCASE("the file was written again (another modification time)") {
        struct stat st {};
        REQUIRE(::stat((dir / "catalogue.json").c_str(), &st) == 0);
        st.st_mtim.tv_sec -= 10;
        restore_mtime(dir / "catalogue.json", st);
        CHECK(opened() == 0);
    }
    SUBCASE("the file is gone") {
        std::filesystem::remove(dir / "catalogue.json");
        CHECK(opened() == 0);
    }
    SUBCASE("the index is cut short") {
        write_file(dir / "index", index.substr(0, index.size() - 3));
        CHECK(opened() == 0);
    }
    SUBCASE("a span lies past the end of the file") {
        std::string bad = index;
        bad[bad.size() - 5] = '\x7f';  // the last span's offset, its highest byte
        write_file(dir / "index", bad);
        CHECK(opened() == 0);
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
}

TEST_CASE("the index's place beside the output") {
    CHECK(catalogue_index_path("site/public") ==
          std::filesystem::path("site/.public.catalogue-index"));
    CHECK(catalogue_index_path("public") == std::filesystem::path("./.public.catalogue-index"));
}
