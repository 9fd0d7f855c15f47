// Inflating a data file with libdeflate's whole-buffer decompressor: the gzip
// trailer gives the inflated size, so the output is allocated once and exactly.
#include "gunzip.hpp"

#include <libdeflate.h>

#include <cstring>
#include <memory>

namespace simpul::dash {

namespace {

// Deflate cannot shrink data more than about 1032 to 1; a trailer claiming more
// is damage, not a reason to allocate gigabytes.
constexpr std::uint64_t kMaxRatio = 1032;
constexpr std::uint64_t kMaxInflated = std::uint64_t{1} << 31;  // the app's memory limit, 2 GB

struct FreeDecompressor {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

}  // namespace

bool is_gzip(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;
}

bool inflate_if_gzip(std::span<const std::uint8_t>& bytes, std::vector<std::uint8_t>& buffer) {
    if (!is_gzip(bytes)) return true;
    if (bytes.size() < 18) return false;  // header (10) + trailer (8)
    std::uint32_t size;                   // ISIZE: the inflated size (mod 2^32)
    std::memcpy(&size, bytes.data() + bytes.size() - 4, 4);
    if (size > bytes.size() * kMaxRatio || size >= kMaxInflated) return false;
    std::unique_ptr<libdeflate_decompressor, FreeDecompressor> d(libdeflate_alloc_decompressor());
    if (!d) return false;
    std::vector<std::uint8_t> out(size);
    std::size_t used = 0;
    // Exactly `size` bytes out (no actual_out: anything else is an error), and all of the input.
    if (libdeflate_gzip_decompress_ex(d.get(), bytes.data(), bytes.size(), out.data(), out.size(),
                                      &used, nullptr) != LIBDEFLATE_SUCCESS ||
        used != bytes.size())
        return false;
    buffer = std::move(out);
    bytes = buffer;
    return true;
}

}  // namespace simpul::dash
