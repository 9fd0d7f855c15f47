// Fuzz harness datafile: arbitrary bytes through the dashboard's data-file
// decoder (core/datafile.cpp: dash::decode), as the dashboard reads a file it
// fetched. A file that decodes must be usable: every string index in range, and
// encoding it again must give a file that decodes to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "datafile.hpp"

namespace {

void check_strings(const simpul::dash::Data& d, const std::vector<std::uint32_t>& v) {
    for (std::uint32_t i : v) fuzz_check(i < d.strings.size(), "a string index out of range");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace simpul::dash;
    Data d;
    std::string error;
    if (!decode(data, size, d, error)) {
        fuzz_check(!error.empty(), "a rejected data file without a message");
        return 0;
    }
    const auto& in = d.innovations;
    for (const auto* col : {&in.id, &in.title, &in.title_en, &in.agency}) check_strings(d, *col);
    check_strings(d, d.hubs.id);
    check_strings(d, d.hubs.name);
    for (std::uint32_t i = 0; i < d.strings.size(); ++i) (void)d.str(i);
    fuzz_check(in.by_title.size() == in.size(), "title order of another length");
    std::string again = encode(d);
    Data d2;
    fuzz_check(decode(reinterpret_cast<const std::uint8_t*>(again.data()), again.size(), d2, error),
               "a decoded file encodes to one that does not decode");
    fuzz_check(encode(d2) == again, "encoding is not stable over a decode");
    return 0;
}
