// The load stage's shortcut on a rebuild: the records the last build parsed,
// kept in `.<output>.load-cache` beside the output folder, each with the stamp
// of the file it came from (FileStamp: size, inode, change times). While a
// file's stamp is unchanged, load takes its record from the cache instead of
// reading and parsing the file again. A cache written by another simpul program
// or for another content folder, or a damaged one, is ignored.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "load.hpp"

namespace simpul::gen {

class LoadCache {
  public:
    LoadCache() = default;
    LoadCache(LoadCache&&) = default;
    LoadCache& operator=(LoadCache&&) = default;
    LoadCache(const LoadCache&) = delete;
    // Reads `file`: an empty cache when it is missing, damaged, or was written
    // with another `key` (load_cache_key).
    static LoadCache read(const std::filesystem::path& file, std::uint64_t key);
    // The record of the file shown as `path` when the file still has `stamp`.
    // Thread-safe (each call decodes its own copy).
    std::optional<Document> find(const std::string& path, const FileStamp& stamp) const;
    // The entry of the file shown as `path`, as stored (its bytes, and the hash
    // that follows them), when the file still has `stamp` and the entry is
    // whole: the next cache copies it instead of encoding the record again.
    struct Entry {
        std::string_view bytes;
        std::uint64_t check = 0;
    };
    std::optional<Entry> entry(const std::string& path, const FileStamp& stamp) const;
    std::size_t size() const { return slots_.size(); }

  private:
    struct Slot {
        FileStamp stamp;
        std::uint64_t check = 0;         // hash of the entry's bytes, checked before use
        std::size_t begin = 0, end = 0;  // the entry's bytes (path, stamp, record) in bytes_
        std::size_t document = 0;        // where its record starts
        // Checked already: load found the record here, and the next cache copies
        // its entry without hashing its bytes a second time. Set by the one load
        // thread that looks this path up, read after they are joined.
        mutable bool checked = false;
    };
    // The file, mapped into memory; slots_'s keys point into it.
    struct Bytes {
        Bytes(const char* d, std::size_t n) : data(d), size(n) {}
        ~Bytes();
        Bytes(const Bytes&) = delete;
        Bytes& operator=(const Bytes&) = delete;
        const char* data;
        std::size_t size;
    };
    // The slot of `path` when its stamp is `stamp` and its bytes hash to its check.
    const Slot* slot(const std::string& path, const FileStamp& stamp) const;
    std::unique_ptr<Bytes> bytes_;
    std::unordered_map<std::string_view, Slot> slots_;
};

// What a cache must match to be used: this simpul program (its file's stamp, as
// a rebuilt simpul may parse differently), the content folder and the way its
// paths are shown.
std::uint64_t load_cache_key(const std::filesystem::path& content_dir, const std::string& display);

// `content`'s records as a cache: each one whose file has a stamp and last
// changed before `settled_ns` (nanoseconds since the epoch). A file changed
// later than that may change again within the same tick of the file system's
// clock, with nothing in its stamp to show it, so it is parsed again next time.
// (`settled_ns` comes from this machine's clock: on a network file system whose
// clock lags behind it by more than the settle time, the guard is weaker.)
// Entries of `last` (the cache this build read) whose file has the same stamp
// are copied from it as they are: the same bytes encoding them would give.
std::string encode_load_cache(const Content& content, std::uint64_t key, std::int64_t settled_ns,
                              const LoadCache* last = nullptr);

// Whether a record may be taken as it is next time its file has the same stamp:
// the file has one, and it last changed before `settled_ns` (see above).
bool settled(const Document& d, std::int64_t settled_ns);

// The live preview's cache, kept in memory: `content`'s settled records move
// into `memory` (whatever it held goes), for the next rebuild's load.
void remember_content(Content& content, ContentMemory& memory, std::int64_t settled_ns);

// Where the cache of output folder `out` lives: `.<name>.load-cache` beside it.
std::filesystem::path load_cache_path(const std::filesystem::path& out);

}  // namespace simpul::gen
