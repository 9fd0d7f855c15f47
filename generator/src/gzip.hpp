// gzip of a byte string, as `simpul build` writes the dashboard's data files
// (libdeflate, its smallest level). A file of its own so that the dashboard
// benchmark's data generator (bench/dashboard/synth.cpp) compresses the same way.
#pragma once

#include <string>

namespace simpul::gen {

// gzip (RFC 1952) of `bytes`, deterministic (no time or name in the header).
std::string gzip(const std::string& bytes);

}  // namespace simpul::gen
