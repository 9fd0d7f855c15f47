// Fuzz harness json_record: the text of a .json record through parse_json
// (parse.cpp: nlohmann/json's SAX parser feeding a Node builder that keeps the
// line and column of every key). A rejected input must come with a diagnostic,
// since the loader then drops the record and relies on that message.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check.hpp"
#include "parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    simpul::Diagnostics diags;
    auto node = simpul::gen::parse_json(text, "fuzz.json", diags);
    if (!node) fuzz_check(diags.has_errors(), "JSON rejected without a diagnostic");
    for (const auto& d : diags.all())
        fuzz_check(d.line >= 1 && d.col >= 1, "a diagnostic without a position");
    return 0;
}
