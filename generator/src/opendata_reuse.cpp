// The catalogue index's file: magic, layout version, the stamp of the
// catalogue.json it describes (device, inode, size, modification and change
// times), the number of spans, then each span (key, offset, size) and a hash of
// all the spans, all little-endian fixed-width. A span that does not lie inside
// the file, or spans that do not match their hash, make the whole index
// untrusted. The stamp is what says the file is still the one indexed: any
// change to it moves its change time.
#include "opendata_reuse.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>

#include "deps.hpp"
#include "pieces.hpp"
#include "write.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

constexpr char kMagic[8] = {'S', 'I', 'M', 'P', 'U', 'L', 'C', 'I'};
constexpr std::uint32_t kLayout = 3;
constexpr std::size_t kHeader = 8 + 4 + 5 * 8 + 8;
constexpr std::size_t kSpan = 8 + 8 + 4;

template <class T>
void put(std::string& out, T v) {
    char b[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xFF);
    out.append(b, sizeof(T));
}

template <class T>
T get(const std::string& in, std::size_t at) {
    T v = 0;
    for (std::size_t i = 0; i < sizeof(T); ++i)
        v |= static_cast<T>(static_cast<unsigned char>(in[at + i])) << (8 * i);
    return v;
}

}  // namespace

fs::path catalogue_index_path(const fs::path& out) {
    return beside_output(out, ".catalogue-index");
}

CatalogueReuse CatalogueReuse::open(const fs::path& index, const fs::path& file) {
    CatalogueReuse r;
    std::string bytes;
    if (read_regular_file(index, bytes) != ReadResult::Ok) return r;
    if (bytes.size() < kHeader || std::memcmp(bytes.data(), kMagic, 8) != 0 ||
        get<std::uint32_t>(bytes, 8) != kLayout)
        return r;
    FileStamp want{get<std::uint64_t>(bytes, 12), get<std::uint64_t>(bytes, 20),
                   get<std::uint64_t>(bytes, 28), get<std::int64_t>(bytes, 36),
                   get<std::int64_t>(bytes, 44)};
    std::uint64_t count = get<std::uint64_t>(bytes, 52);
    if (bytes.size() < kHeader + 8 || (bytes.size() - kHeader - 8) / kSpan != count ||
        (bytes.size() - kHeader - 8) % kSpan != 0 ||
        get<std::uint64_t>(bytes, bytes.size() - 8) !=
            text_hash(std::string_view(bytes).substr(kHeader, count * kSpan)))
        return r;
    int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return r;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !(stamp_of(st) == want)) {
        ::close(fd);
        return r;
    }
    r.fd_ = fd;
    for (std::size_t i = 0; i < count; ++i) {
        std::size_t at = kHeader + i * kSpan;
        std::uint64_t key = get<std::uint64_t>(bytes, at),
                      offset = get<std::uint64_t>(bytes, at + 8);
        std::uint32_t size = get<std::uint32_t>(bytes, at + 16);
        if (key == 0 || size < 2 || offset > want.size || size > want.size - offset) {
            r.spans_.clear();
            return r;
        }
        r.spans_[key] = {offset, size};
    }
    return r;
}

CatalogueReuse::CatalogueReuse(CatalogueReuse&& o) noexcept
    : fd_(std::exchange(o.fd_, -1)), spans_(std::move(o.spans_)) {}

CatalogueReuse& CatalogueReuse::operator=(CatalogueReuse&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(o.fd_, -1);
        spans_ = std::move(o.spans_);
    }
    return *this;
}

CatalogueReuse::~CatalogueReuse() {
    if (fd_ >= 0) ::close(fd_);
}

std::optional<CatalogueReuse::Span> CatalogueReuse::find(std::uint64_t key) const {
    auto it = spans_.find(key);
    if (it == spans_.end() || fd_ < 0) return std::nullopt;
    return Span{it->second.first, it->second.second};
}

void save_catalogue_index(const fs::path& index, const fs::path& file,
                          const std::vector<CatalogueSpan>& spans) {
    struct stat st {};
    std::error_code ec;
    if (::stat(file.c_str(), &st) != 0) {
        fs::remove(index, ec);
        return;
    }
    const FileStamp s = stamp_of(st);
    std::string bytes(kMagic, 8);
    put(bytes, kLayout);
    put(bytes, s.device);
    put(bytes, s.inode);
    put(bytes, s.size);
    put(bytes, s.mtime_ns);
    put(bytes, s.ctime_ns);
    put(bytes, static_cast<std::uint64_t>(spans.size()));
    for (const auto& sp : spans) {
        put(bytes, sp.key);
        put(bytes, sp.offset);
        put(bytes, sp.size);
    }
    put(bytes, text_hash(std::string_view(bytes).substr(kHeader)));
    save_beside_output(index, bytes);
}

}  // namespace simpul::gen
