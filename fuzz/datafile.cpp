// Fuzz harness datafile: arbitrary bytes through the dashboard's data-file
// decoders (core/datafile_decode.cpp: dash::decode, then dash::decode_texts against
// figures of three innovations), as the dashboard reads the files it fetched.
// A figures file that decodes goes through the cross-filter (core/filter.cpp),
// and encoding it again must give a file that decodes to the same bytes.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "check.hpp"
#include "datafile.hpp"
#include "filter.hpp"

namespace {

void check_strings(const simpul::dash::Data& d, const std::vector<std::uint32_t>& v) {
    for (std::uint32_t i : v) fuzz_check(i < d.strings.size(), "a string index out of range");
}

// Figures of three innovations: what arbitrary bytes are read against as a texts
// file when they are not a figures file (with the input's own data id, so the
// texts decoder's body checks are reached).
const simpul::dash::Data& few_figures() {
    static const simpul::dash::Data d = [] {
        simpul::dash::Data e;
        e.strings.add("");
        auto& in = e.innovations;
        in.province.assign(3, simpul::dash::kNone);
        in.kind.assign(3, 0);
        in.stage.assign(3, simpul::dash::kNone);
        in.status.assign(3, simpul::dash::kNone);
        in.year.assign(3, 0);
        in.sectors.assign(3, 0);
        in.sdgs.assign(3, 0);
        in.awards.assign(3, 0);
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
        Data t = few_figures();
        if (size >= 20) std::memcpy(&t.file_id, data + 16, 4);
        if (!decode_texts(data, size, t, error)) {
            fuzz_check(!error.empty() && !t.texts.loaded,
                       "a rejected texts file without a message");
            return 0;
        }
        // Every row's texts lie inside the file's bytes.
        const Texts& x = t.texts;
        const char* begin = reinterpret_cast<const char*>(x.bytes.data());
        for (std::size_t i = 0; i < x.size(); ++i)
            for (std::string_view s : {x.id(i), x.title(i), x.title_en(i)})
                fuzz_check(s.data() >= begin && s.data() + s.size() <= begin + x.bytes.size(),
                           "a text outside the file");
        for (std::uint32_t a : x.agency)
            fuzz_check(a < x.agencies.size(), "an agency index out of range");
        return 0;
    }
    check_strings(d, d.hubs.id);
    check_strings(d, d.hubs.name);
    for (std::uint32_t i = 0; i < d.strings.size(); ++i) (void)d.str(i);
    // What the dashboard does first with a file it read: every panel's counts.
    Engine engine(d);
    Result result;
    engine.compute(Filter{}, result);
    fuzz_check(!d.texts.loaded, "texts loaded from a figures file");
    std::string again = encode(d);
    Data d2;
    fuzz_check(decode(reinterpret_cast<const std::uint8_t*>(again.data()), again.size(), d2, error),
               "a decoded file encodes to one that does not decode");
    fuzz_check(encode(d2) == again, "encoding is not stable over a decode");
    return 0;
}
