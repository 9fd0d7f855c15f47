// The dashboard's data files arrive gzip-compressed (as `simpul build` writes
// them) and are inflated here, in the app's memory, with libdeflate: several
// times faster than the browser's DecompressionStream. Bytes that are not gzip
// pass as they are (a server may have inflated them already, Content-Encoding).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace simpul::dash {

// True when `bytes` start with gzip's magic (1f 8b).
bool is_gzip(std::span<const std::uint8_t> bytes);

// When `bytes` are gzip, inflates them into `buffer` and points `bytes` at it.
// False when they start as gzip but are not one whole, valid gzip member
// (damaged, cut short, or followed by other bytes); `bytes` are then unchanged.
bool inflate_if_gzip(std::span<const std::uint8_t>& bytes, std::vector<std::uint8_t>& buffer);

}  // namespace simpul::dash
