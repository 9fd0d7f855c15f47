// gzip of a byte string, as `simpul build` writes the dashboard's data files
// (libdeflate, its smallest level; its fastest for the live preview). A file of its own so that the
// dashboard benchmark's data generator (bench/dashboard/synth.cpp) compresses the same way.
#pragma once

#include <string>

namespace simpul::gen {

// libdeflate's levels: its smallest output (what `simpul build` publishes) and
// its fastest (the live preview's rebuilds, which only this machine downloads:
// at 10k innovations 4 ms for the dashboard's two files instead of 110 ms, for
// 20 % more bytes).
constexpr int kGzipSmallest = 12;
constexpr int kGzipFastest = 1;

// gzip (RFC 1952) of `bytes` at libdeflate's `level`, deterministic (no time
// or name in the header).
std::string gzip(const std::string& bytes, int level = kGzipSmallest);

}  // namespace simpul::gen
