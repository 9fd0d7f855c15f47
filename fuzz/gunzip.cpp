// Fuzz harness gunzip: arbitrary bytes through the dashboard's inflate step
// (wasm-app/gunzip.cpp, inflate_if_gzip), as the app treats a file it fetched.
// Bytes that are not gzip pass as they are; a rejected member leaves them as
// they were; a member that inflates gives exactly the size its trailer states,
// within the ratio cap, and those bytes gzipped again inflate to themselves.
#include <libdeflate.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <vector>

#include "check.hpp"
#include "gunzip.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using simpul::dash::inflate_if_gzip;
    std::span<const std::uint8_t> bytes(data, size);
    std::vector<std::uint8_t> buffer;
    const bool gzip = simpul::dash::is_gzip(bytes);
    const bool ok = inflate_if_gzip(bytes, buffer);
    const bool unchanged = bytes.data() == data && bytes.size() == size;
    if (!gzip) {
        fuzz_check(ok && unchanged, "bytes that are not gzip were changed or refused");
        return 0;
    }
    if (!ok) {
        fuzz_check(unchanged, "a refused member changed the bytes");
        return 0;
    }
    fuzz_check(bytes.data() == buffer.data() && bytes.size() == buffer.size(),
               "the inflated bytes are not the buffer's");
    std::uint32_t stated;  // ISIZE, the trailer's last four bytes
    std::memcpy(&stated, data + size - 4, 4);
    fuzz_check(buffer.size() == stated, "inflated to another size than the trailer states");
    fuzz_check(buffer.size() <= size * std::uint64_t{1032}, "past the ratio cap");

    // Round trip: the inflated bytes, gzipped again, inflate to themselves.
    std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> c(
        libdeflate_alloc_compressor(1), libdeflate_free_compressor);
    fuzz_check(c != nullptr, "no compressor");
    std::vector<std::uint8_t> again(libdeflate_gzip_compress_bound(c.get(), buffer.size()));
    again.resize(libdeflate_gzip_compress(c.get(), buffer.data(), buffer.size(), again.data(),
                                          again.size()));
    fuzz_check(!again.empty(), "the inflated bytes do not compress");
    std::span<const std::uint8_t> second(again);
    std::vector<std::uint8_t> inflated;
    fuzz_check(inflate_if_gzip(second, inflated) && inflated == buffer,
               "gzipped again, the bytes do not inflate to themselves");
    return 0;
}
