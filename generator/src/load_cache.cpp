// The load cache's file: a header (magic, layout version, key), then one entry
// per record: its display path, its file's stamp, the size of its Document,
// the Document, and a hash of all of the entry before it. Numbers are LEB128
// varints; reading checks every length against the bytes left, so a damaged
// cache is found out, not trusted.
#include "load_cache.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "deps.hpp"
#include "write.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'I', 'M', 'P', 'U', 'L', 'L', 'C'};
constexpr std::uint32_t kLayout = 1;  // bump when Document, Node or this layout changes

// Numbers as LEB128 varints (signed ones zigzagged first): most are small.
class Writer {
  public:
    void u(std::uint64_t v) {
        while (v >= 0x80) {
            out += static_cast<char>((v & 0x7F) | 0x80);
            v >>= 7;
        }
        out += static_cast<char>(v);
    }
    void i(std::int64_t v) {
        u((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
    }
    void str(std::string_view s) {
        u(s.size());
        out += s;
    }
    void stamp(const FileStamp& s) {
        for (std::uint64_t v : {s.device, s.inode, s.size}) u(v);
        i(s.mtime_ns);
        i(s.ctime_ns);
    }
    // Only what each type uses: a scalar's value, a list's items, a map's entries.
    void node(const Node& n) {
        u(static_cast<std::uint64_t>(n.type));
        str(n.text);
        i(n.line);
        i(n.col);
        if (n.type == Node::Type::Int) i(n.int_value);
        if (n.type == Node::Type::Bool) u(n.bool_value);
        if (n.type == Node::Type::List) {
            u(n.items.size());
            for (const auto& item : n.items) node(item);
        }
        if (n.type == Node::Type::Map) {
            u(n.entries.size());
            for (const auto& e : n.entries) {
                str(e.key);
                i(e.line);
                i(e.col);
                node(e.value);
            }
        }
    }
    void document(const Document& d) {
        u(static_cast<std::uint64_t>(d.type));
        str(d.id);
        str(d.path);
        u(static_cast<std::uint64_t>(d.format));
        node(d.fields);
        str(d.body);
        str(d.body_source.file.string());
        str(d.body_source.path);
        u(d.body_source.offset);
        u(d.body_source.hash);
        u(d.body_links.size());
        for (const auto& l : d.body_links) {
            str(l.kind);
            str(l.id);
            i(l.line);
        }
        i(d.body_line);
        u(d.hash);
    }
    std::string out;
};

// Reads what Writer wrote; throws Damaged past the end or on a value out of range.
struct Damaged {};
class Reader {
  public:
    Reader(const char* p, std::size_t n) : p_(p), end_(p + n) {}
    std::uint64_t u() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            auto b = static_cast<unsigned char>(*p_++);
            v |= std::uint64_t{b & 0x7Fu} << shift;
            if (b < 0x80) return v;
        }
        throw Damaged{};
    }
    std::int64_t i() {
        std::uint64_t v = u();
        return static_cast<std::int64_t>((v >> 1) ^ (~(v & 1) + 1));
    }
    int small() {  // a line, a column
        std::int64_t v = i();
        if (v < INT32_MIN || v > INT32_MAX) throw Damaged{};
        return static_cast<int>(v);
    }
    std::string_view view() {
        auto n = u();
        need(n);
        std::string_view s(p_, n);
        p_ += n;
        return s;
    }
    std::string str() { return std::string(view()); }
    FileStamp stamp() {
        FileStamp s;
        s.device = u();
        s.inode = u();
        s.size = u();
        s.mtime_ns = i();
        s.ctime_ns = i();
        return s;
    }
    void node(Node& n, int depth = 0) {
        auto type = u();
        if (depth > 1000 || type > static_cast<std::uint64_t>(Node::Type::Map)) throw Damaged{};
        n.type = static_cast<Node::Type>(type);
        n.text = str();
        n.line = small();
        n.col = small();
        if (n.type == Node::Type::Int) n.int_value = i();
        if (n.type == Node::Type::Bool) n.bool_value = u() != 0;
        if (n.type == Node::Type::List) {
            n.items.resize(count());
            for (auto& item : n.items) node(item, depth + 1);
        }
        if (n.type == Node::Type::Map) {
            n.entries.resize(count());
            for (auto& e : n.entries) {
                e.key = str();
                e.line = small();
                e.col = small();
                node(e.value, depth + 1);
            }
        }
    }
    Document document() {
        Document d;
        auto type = u();
        if (type > static_cast<std::uint64_t>(RecordType::Regulation)) throw Damaged{};
        d.type = static_cast<RecordType>(type);
        d.id = str();
        d.path = str();
        auto format = u();
        if (format > static_cast<std::uint64_t>(Format::Json)) throw Damaged{};
        d.format = static_cast<Format>(format);
        node(d.fields);
        d.body = str();
        d.body_source.file = str();
        d.body_source.path = str();
        d.body_source.offset = u();
        d.body_source.hash = u();
        d.body_links.resize(count());
        for (auto& l : d.body_links) {
            l.kind = str();
            l.id = str();
            l.line = small();
        }
        d.body_line = small();
        d.hash = u();
        return d;
    }
    std::size_t offset(const char* base) const { return static_cast<std::size_t>(p_ - base); }
    void skip(std::uint64_t n) {
        need(n);
        p_ += n;
    }
    bool done() const { return p_ == end_; }

  private:
    // A count of things each at least a byte long: more than the bytes left is damage.
    std::size_t count() {
        auto n = u();
        need(n);
        return static_cast<std::size_t>(n);
    }
    void need(std::uint64_t n) const {
        if (static_cast<std::uint64_t>(end_ - p_) < n) throw Damaged{};
    }
    const char* p_;
    const char* end_;
};

}  // namespace

LoadCache LoadCache::read(const fs::path& file, std::uint64_t key) {
    LoadCache cache;
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return cache;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        // Mapped, not read: on a rebuild the file is in the page cache already.
        void* p = ::mmap(nullptr, static_cast<std::size_t>(st.st_size), PROT_READ,
                         MAP_PRIVATE | MAP_POPULATE, fd, 0);
        if (p != MAP_FAILED)
            cache.bytes_ = std::make_unique<Bytes>(static_cast<const char*>(p),
                                                   static_cast<std::size_t>(st.st_size));
    }
    ::close(fd);
    if (!cache.bytes_) return cache;
    const char* base = cache.bytes_->data;
    try {
        Reader r(base, cache.bytes_->size);
        if (cache.bytes_->size < sizeof kMagic || std::memcmp(base, kMagic, sizeof kMagic) != 0)
            throw Damaged{};
        r.skip(sizeof kMagic);
        if (r.u() != kLayout || r.u() != key) throw Damaged{};
        auto count = r.u();
        if (count > cache.bytes_->size) throw Damaged{};
        cache.slots_.reserve(count);
        while (!r.done()) {
            Slot slot;
            slot.begin = r.offset(base);
            std::string_view path = r.view();
            slot.stamp = r.stamp();
            auto size = r.u();
            slot.document = r.offset(base);
            r.skip(size);
            slot.end = r.offset(base);
            slot.check = r.u();
            cache.slots_[path] = slot;
        }
        if (cache.slots_.size() != count) throw Damaged{};  // cut between two entries
    } catch (const Damaged&) {
        return LoadCache{};
    }
    return cache;
}

LoadCache::Bytes::~Bytes() {
    ::munmap(const_cast<char*>(data), size);
}

const LoadCache::Slot* LoadCache::slot(const std::string& path, const FileStamp& stamp) const {
    auto it = slots_.find(path);
    if (it == slots_.end() || !(it->second.stamp == stamp)) return nullptr;
    const Slot& s = it->second;
    if (!s.checked) {
        std::string_view bytes(bytes_->data + s.begin, s.end - s.begin);
        if (std::hash<std::string_view>{}(bytes) != s.check) return nullptr;
        s.checked = true;
    }
    return &s;
}

std::optional<LoadCache::Entry> LoadCache::entry(const std::string& path,
                                                 const FileStamp& stamp) const {
    const Slot* s = slot(path, stamp);
    if (!s) return std::nullopt;
    return Entry{std::string_view(bytes_->data + s->begin, s->end - s->begin), s->check};
}

std::optional<Document> LoadCache::find(const std::string& path, const FileStamp& stamp) const {
    const Slot* s = slot(path, stamp);
    if (!s) return std::nullopt;
    try {
        Reader r(bytes_->data + s->document, s->end - s->document);
        Document d = r.document();
        if (!r.done() || d.path != path) return std::nullopt;
        d.stamp = stamp;
        return d;
    } catch (const Damaged&) {
        return std::nullopt;  // parsed again, as if the cache had not held it
    }
}

std::uint64_t load_cache_key(const fs::path& content_dir, const std::string& display) {
    std::uint64_t h = program_fingerprint();
    std::error_code ec;
    fs::path dir = fs::weakly_canonical(content_dir, ec);
    for (const std::string& s : {dir.string(), content_dir.string(), display})
        h = mix(h, std::hash<std::string>{}(s));
    return h;
}

std::string encode_load_cache(const Content& content, std::uint64_t key, std::int64_t settled_ns,
                              const LoadCache* last) {
    Writer w;
    w.out.reserve(content.records.size() * 1024);  // about what a record takes: few regrowths
    w.out.append(kMagic, sizeof kMagic);
    w.u(kLayout);
    w.u(key);
    w.u(static_cast<std::uint64_t>(
        std::count_if(content.records.begin(), content.records.end(),
                      [&](const Document& d) { return settled(d, settled_ns); })));
    Writer doc;
    for (const Document& d : content.records) {
        if (!settled(d, settled_ns)) continue;
        if (auto e = last ? last->entry(d.path, d.stamp) : std::nullopt) {
            w.out += e->bytes;
            w.u(e->check);
            continue;
        }
        doc.out.clear();
        doc.document(d);
        std::size_t begin = w.out.size();
        w.str(d.path);
        w.stamp(d.stamp);
        w.u(doc.out.size());
        w.out += doc.out;
        w.u(std::hash<std::string_view>{}(std::string_view(w.out).substr(begin)));
    }
    return std::move(w.out);
}

bool settled(const Document& d, std::int64_t settled_ns) {
    return d.stamp.known() && d.stamp.ctime_ns < settled_ns && d.stamp.mtime_ns < settled_ns;
}

void remember_content(Content& content, ContentMemory& memory, std::int64_t settled_ns) {
    memory.listing = std::move(content.listing);
    memory.data.clear();
    for (RecordType type : content.clean_data) memory.data[type] = content.data[type];
    memory.records.clear();
    memory.records.reserve(content.records.size());
    for (Document& d : content.records)
        if (settled(d, settled_ns)) {
            std::string path = d.path;
            memory.records.emplace(std::move(path), std::move(d));
        }
}

fs::path load_cache_path(const fs::path& out) {
    return beside_output(out, ".load-cache");
}

}  // namespace simpul::gen
