// Fuzz harness datafile: arbitrary bytes through the dashboard's data-file
// decoders (core/datafile.cpp: dash::decode, then dash::decode_texts against
// figures without innovations), as the dashboard reads the files it fetched. A file that decodes
// must be usable: every string index in range, and encoding it again must give a file that decodes
// to the same bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "datafile.hpp"

namespace {

void check_strings(const simpul::dash::Data& d, const std::vector<std::uint32_t>& v) {
    for (std::uint32_t i : v) fuzz_check(i < d.strings.size(), "a string index out of range");
}

// The texts file of a data file without innovations: what arbitrary bytes are
// read against when they are not a figures file.
const simpul::dash::Data& empty_figures() {
    static const simpul::dash::Data d = [] {
        simpul::dash::Data e;
        e.strings.add("");
        std::string bytes = simpul::dash::encode(e), error;
        simpul::dash::Data out;
        simpul::dash::decode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), out,
                             error);
        return out;
    }();
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace simpul::dash;
    Data d;
    std::string error;
    if (!decode(data, size, d, error)) {
        fuzz_check(!error.empty(), "a rejected data file without a message");
        Data t = empty_figures();
        if (!decode_texts(data, size, t, error)) {
            fuzz_check(!error.empty() && !t.texts.loaded,
                       "a rejected texts file without a message");
            return 0;
        }
        for (const auto* col : {&t.texts.id, &t.texts.title, &t.texts.title_en, &t.texts.agency})
            for (std::uint32_t i : *col)
                fuzz_check(i < t.texts.strings.size(), "a text index out of range");
        return 0;
    }
    check_strings(d, d.hubs.id);
    check_strings(d, d.hubs.name);
    for (std::uint32_t i = 0; i < d.strings.size(); ++i) (void)d.str(i);
    fuzz_check(!d.texts.loaded, "texts loaded from a figures file");
    std::string again = encode(d);
    Data d2;
    fuzz_check(decode(reinterpret_cast<const std::uint8_t*>(again.data()), again.size(), d2, error),
               "a decoded file encodes to one that does not decode");
    fuzz_check(encode(d2) == again, "encoding is not stable over a decode");
    return 0;
}
