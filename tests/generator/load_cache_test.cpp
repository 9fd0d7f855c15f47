// Tests for generator/src/load_cache.cpp: records of unchanged files come back
// from the cache exactly as parsed; changed, recent, foreign or damaged entries
// are parsed again.
#include "load_cache.hpp"
#include "write.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdint>
#include <fstream>
#include <limits>

#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t kAll = std::numeric_limits<std::int64_t>::max();  // every file settled

struct Folder {
    test::TempDir tmp;
    fs::path content = tmp / "content";
    fs::path cache = tmp / ".public.load-cache";
    std::uint64_t key = load_cache_key(content, "content");
    Folder() {
        fs::copy(test::fixture("valid/basic/content"), content, fs::copy_options::recursive);
    }
    Content load(const LoadCache* cache_in = nullptr) const {
        Diagnostics d;
        Content c = load_content(content, "content", d, cache_in);
        REQUIRE(d.all().empty());
        return c;
    }
    // Puts "Baru " before the name of agencies/pemprov-kalsel.json.
    void rename_agency() const {
        fs::path file = content / "agencies/pemprov-kalsel.json";
        std::string text = test::read_file(file);
        auto at = text.find("\"name\": \"");
        REQUIRE(at != std::string::npos);
        test::write_file(file, text.insert(at + 9, "Baru "));
    }
    LoadCache cached(std::int64_t settled = kAll) const {
        save_beside_output(cache, encode_load_cache(load(), key, settled));
        return LoadCache::read(cache, key);
    }
};

const Document& record(const Content& c, const std::string& path) {
    for (const auto& d : c.records)
        if (d.path == path) return d;
    FAIL("no record " << path);
    throw;
}

}  // namespace

TEST_CASE("records of unchanged files come from the cache, the same as parsed") {
    Folder f;
    const Content parsed = f.load();
    LoadCache cache = f.cached();
    CHECK(cache.size() == parsed.records.size());
    const Content again = f.load(&cache);
    CHECK(again.cached == parsed.records.size());
    CHECK(parsed.cached == 0);
    // The whole of every record (fields with their lines, bodies, links, hashes) is equal.
    REQUIRE(again.records.size() == parsed.records.size());
    for (std::size_t i = 0; i < parsed.records.size(); ++i) {
        CAPTURE(parsed.records[i].path);
        CHECK(again.records[i] == parsed.records[i]);
    }
    const Document& md = record(again, "content/innovations/bank-sampah.md");
    CHECK(md.fields.get("title")->line == record(parsed, md.path).fields.get("title")->line);
    CHECK(!md.body_source.empty());
    CHECK(read_body(md.body_source) == read_body(record(parsed, md.path).body_source));
    CHECK(md.stamp.known());
}

TEST_CASE("a changed file is parsed again, the others still come from the cache") {
    Folder f;
    LoadCache cache = f.cached();
    f.rename_agency();
    Content c = f.load(&cache);
    CHECK(c.cached == c.records.size() - 1);
    CHECK(record(c, "content/agencies/pemprov-kalsel.json")
              .fields.get("name")
              ->text.rfind("Baru ", 0) == 0);
}

TEST_CASE("the next cache copies unchanged entries: the same bytes as encoding them") {
    Folder f;
    LoadCache cache = f.cached();
    f.rename_agency();
    Content c = f.load(&cache);
    REQUIRE(c.cached == c.records.size() - 1);
    const std::string encoded = encode_load_cache(c, f.key, kAll);
    CHECK(encode_load_cache(c, f.key, kAll, &cache) == encoded);
    // A copied entry really comes from the cache read: each entry is used only
    // while its file keeps its stamp, and the changed file's is new.
    CHECK(!cache.entry("content/agencies/pemprov-kalsel.json",
                       record(c, "content/agencies/pemprov-kalsel.json").stamp));
    const Document& kept = record(c, "content/innovations/bank-sampah.md");
    auto e = cache.entry(kept.path, kept.stamp);
    REQUIRE(e);
    CHECK(encoded.find(e->bytes) != std::string::npos);
    FileStamp other = kept.stamp;
    ++other.mtime_ns;
    CHECK(!cache.entry(kept.path, other));
}

TEST_CASE("files changed after the settle time are left out of the cache") {
    Folder f;
    CHECK(f.cached(/*settled=*/0).size() == 0);
    Content parsed = f.load();
    std::int64_t newest = 0;
    for (const auto& d : parsed.records) newest = std::max(newest, d.stamp.ctime_ns);
    CHECK(f.cached(newest).size() < parsed.records.size());
    CHECK(f.cached(newest + 1).size() == parsed.records.size());
}

TEST_CASE("records the preview remembers come back as parsed while their files are unchanged") {
    Folder f;
    const Content parsed = f.load();
    Content loaded = f.load();
    ContentMemory memory;
    remember_content(loaded, memory, kAll);
    CHECK(memory.records.size() == parsed.records.size());
    f.rename_agency();
    Diagnostics d;
    const Content again = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(d.all().empty());
    CHECK(again.cached == parsed.records.size() - 1);
    REQUIRE(again.records.size() == parsed.records.size());
    for (std::size_t i = 0; i < parsed.records.size(); ++i) {
        CAPTURE(parsed.records[i].path);
        if (parsed.records[i].path != "content/agencies/pemprov-kalsel.json")
            CHECK(again.records[i] == parsed.records[i]);
    }
    CHECK(record(again, "content/agencies/pemprov-kalsel.json")
              .fields.get("name")
              ->text.rfind("Baru ", 0) == 0);
    // Files changed after the settle time are not remembered, as not cached.
    Content recent = f.load();
    remember_content(recent, memory, 0);
    CHECK(memory.records.empty());
}

TEST_CASE("with the watcher's word on what changed, only the files it names are looked at") {
    Folder f;
    Content loaded = f.load();
    const std::size_t all = loaded.records.size();
    ContentMemory memory;
    remember_content(loaded, memory, kAll);
    memory.changed.emplace();
    f.rename_agency();  // a change the watcher did not name: the record remembered stays
    Diagnostics d;
    Content again = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(d.all().empty());
    CHECK(again.cached == all);
    CHECK(record(again, "content/agencies/pemprov-kalsel.json")
              .fields.get("name")
              ->text.rfind("Baru ", 0) == std::string::npos);
    // Named: that file is read again.
    remember_content(again, memory, kAll);
    memory.changed = std::unordered_set<std::string>{"agencies/pemprov-kalsel.json"};
    Content named = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(named.cached == all - 1);
    CHECK(record(named, "content/agencies/pemprov-kalsel.json")
              .fields.get("name")
              ->text.rfind("Baru ", 0) == 0);
    // The folders are not listed again either: the last listing stands, with
    // the names the watcher gave added or removed as the files are now there
    // or not (unnamed, a file gone stays, as an unnamed change does).
    remember_content(named, memory, kAll);
    memory.changed.emplace();
    const std::string kalsel = test::read_file(f.content / "agencies/pemprov-kalsel.json");
    fs::remove(f.content / "agencies/pemprov-kalsel.json");
    Content unnamed = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(unnamed.records.size() == all);
    remember_content(unnamed, memory, kAll);
    memory.changed = std::unordered_set<std::string>{"agencies/pemprov-kalsel.json"};
    Content removed = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(removed.records.size() == all - 1);
    CHECK(removed.cached == all - 1);
    remember_content(removed, memory, kAll);
    memory.changed = std::unordered_set<std::string>{"agencies/pemprov-baru.json", ".hidden",
                                                     "agencies/.swap", "agencies/sub/x.json"};
    test::write_file(f.content / "agencies/pemprov-baru.json", kalsel);
    test::write_file(f.content / "agencies/.swap", "x");
    Content added = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(d.all().empty());
    CHECK(added.records.size() == all);
    CHECK(added.cached == all - 1);
    CHECK(record(added, "content/agencies/pemprov-baru.json").id == "pemprov-baru");
    // The listing as a fresh look at the folders makes it (sorted, hidden names left out).
    const std::vector<std::vector<std::string>> listed = added.listing;
    CHECK(listed == f.load().listing);
    // Without the watcher's word, the folders are listed again.
    remember_content(added, memory, kAll);
    fs::remove(f.content / "agencies/pemprov-baru.json");
    Content relisted = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(relisted.records.size() == all - 1);
}

TEST_CASE("with the watcher's word, the data files it does not name are taken as they were") {
    Folder f;
    Content loaded = f.load();
    REQUIRE(loaded.clean_data.size() == loaded.data.size());
    ContentMemory memory;
    remember_content(loaded, memory, kAll);
    memory.changed.emplace();
    const fs::path sectors = f.content / "data/sectors.yaml";
    const std::string text = test::read_file(sectors);
    test::write_file(sectors, text + "- {id: baru, name: Baru, name_en: New}\n");
    Diagnostics d;
    Content unnamed = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(unnamed.data.at(RecordType::Sector).root.items.size() ==
          loaded.data.at(RecordType::Sector).root.items.size());
    remember_content(unnamed, memory, kAll);
    memory.changed = std::unordered_set<std::string>{"data/sectors.yaml"};
    Content named = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(d.all().empty());
    CHECK(named.data.at(RecordType::Sector).root.items.size() ==
          loaded.data.at(RecordType::Sector).root.items.size() + 1);
    // A data file with something to say is read again each time.
    remember_content(named, memory, kAll);
    test::write_file(sectors, "- [unclosed\n");
    memory.changed = std::unordered_set<std::string>{"data/sectors.yaml"};
    Content broken = load_content(f.content, "content", d, nullptr, &memory);
    CHECK(d.has_errors());
    CHECK(broken.clean_data.size() == broken.data.size() - 1);
    remember_content(broken, memory, kAll);
    memory.changed.emplace();
    Diagnostics again;
    load_content(f.content, "content", again, nullptr, &memory);
    CHECK(again.has_errors());
}

TEST_CASE("a cache of another program or folder, or a damaged one, is not used") {
    Folder f;
    LoadCache cache = f.cached();
    REQUIRE(cache.size() > 0);
    CHECK(LoadCache::read(f.cache, f.key + 1).size() == 0);
    CHECK(LoadCache::read(f.tmp / "missing", f.key).size() == 0);
    CHECK(load_cache_key(f.tmp / "other", "content") != f.key);
    CHECK(load_cache_key(f.content, "./content") != f.key);

    const std::string whole = test::read_file(f.cache);
    // Cut anywhere (between two entries too): the cache is refused, and a load still works.
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, whole.size() / 2, whole.size() - 1}) {
        CAPTURE(cut);
        test::write_file(f.cache, whole.substr(0, cut));
        LoadCache damaged = LoadCache::read(f.cache, f.key);
        CHECK(damaged.size() == 0);
        Content c = f.load(&damaged);
        CHECK(c.cached == 0);
    }
    // Bytes changed inside an entry: that record is parsed again instead.
    std::string flipped = whole;
    for (std::size_t i = whole.size() - 40; i < whole.size(); ++i) flipped[i] = '\xFF';
    test::write_file(f.cache, flipped);
    LoadCache bad = LoadCache::read(f.cache, f.key);
    Content c = f.load(&bad);
    CHECK(c.records.size() == f.load().records.size());
    CHECK(c.cached < c.records.size());
}

TEST_CASE("the cache lives beside the output folder") {
    CHECK(load_cache_path("site/public") == fs::path("site/.public.load-cache"));
    CHECK(load_cache_path("public") == fs::path("./.public.load-cache"));
}
