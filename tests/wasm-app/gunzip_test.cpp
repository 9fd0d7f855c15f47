// Tests of wasm-app/gunzip.cpp: the data files as the generator gzips them
// (generator/src/gzip.cpp) inflate to the same bytes; other bytes pass
// as they are; damaged, cut or padded gzip is refused and leaves the input alone.
#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "frame_support.hpp"
#include "gunzip.hpp"
#include "gzip.hpp"

using namespace simpul;
using namespace simpul::dash;

namespace {

std::span<const std::uint8_t> bytes_of(const std::string& s) {
    return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

std::string sample(std::size_t n) {  // varied enough to need real Huffman blocks
    std::string s;
    std::uint32_t x = 12345;
    while (s.size() < n) {
        x = x * 1103515245u + 12345u;
        s +=
            "inovasi-" + std::to_string(x >> 20) + (x & 0x100 ? " Sehat Jatim\n" : " Kab. Bogor\n");
    }
    return s;
}

// inflate_if_gzip on `in`: false, or the inflated bytes as a string.
bool inflate(const std::string& in, std::string& out) {
    std::span<const std::uint8_t> view = bytes_of(in);
    std::vector<std::uint8_t> buffer;
    if (!inflate_if_gzip(view, buffer)) {
        CHECK(view.data() == bytes_of(in).data());  // refused: the input is untouched
        CHECK(view.size() == in.size());
        return false;
    }
    out.assign(reinterpret_cast<const char*>(view.data()), view.size());
    return true;
}

}  // namespace

TEST_CASE("a gzip-compressed file inflates to its bytes; other bytes pass as they are") {
    const std::string plain = sample(300000), gz = gen::gzip(plain);
    REQUIRE(gz.size() < plain.size() / 2);
    CHECK(is_gzip(bytes_of(gz)));
    CHECK_FALSE(is_gzip(bytes_of(plain)));
    std::string out;
    REQUIRE(inflate(gz, out));
    CHECK(out == plain);

    std::span<const std::uint8_t> view = bytes_of(plain);
    std::vector<std::uint8_t> buffer;
    REQUIRE(inflate_if_gzip(view, buffer));  // not gzip: the same bytes, nothing copied
    CHECK(view.data() == bytes_of(plain).data());
    CHECK(buffer.empty());

    REQUIRE(inflate(gen::gzip(""), out));
    CHECK(out.empty());
    REQUIRE(inflate("", out));
    CHECK(out.empty());
}

TEST_CASE("damaged, cut or padded gzip is refused") {
    const std::string gz = gen::gzip(sample(20000));
    std::string out;
    for (std::size_t cut : {std::size_t{2}, std::size_t{10}, std::size_t{17}, gz.size() / 2,
                            gz.size() - 8, gz.size() - 1}) {
        CAPTURE(cut);
        CHECK_FALSE(inflate(gz.substr(0, cut), out));
    }
    std::string flipped = gz;
    flipped[gz.size() / 2] = static_cast<char>(flipped[gz.size() / 2] ^ 0x20);
    CHECK_FALSE(inflate(flipped, out));   // bad data, or a wrong CRC
    CHECK_FALSE(inflate(gz + "x", out));  // bytes after the member
    CHECK_FALSE(inflate(gz + gz, out));   // a second member: not what simpul writes
    std::string big = gz;                 // a trailer claiming 2 GB
    big.replace(big.size() - 4, 4, std::string("\x00\x00\x00\x80", 4));
    CHECK_FALSE(inflate(big, out));
    std::string wrong = gz;  // a trailer claiming one byte less than the data
    std::uint32_t size;
    std::memcpy(&size, wrong.data() + wrong.size() - 4, 4);
    --size;
    std::memcpy(wrong.data() + wrong.size() - 4, &size, 4);
    CHECK_FALSE(inflate(wrong, out));
}

TEST_CASE("the app takes its texts file gzip-compressed, and says when the gzip is damaged") {
    std::string texts;
    auto app = test::fixture_app_without_texts(texts);
    std::string gz = gen::gzip(texts);
    std::string cut = gz.substr(0, gz.size() - 3);
    CHECK_FALSE(app->load_texts(bytes_of(cut).data(), cut.size()));
    CHECK(app->texts_error() == "dashboard texts are damaged: not valid gzip");
    CHECK_FALSE(app->has_texts());
    REQUIRE(app->load_texts(bytes_of(gz).data(), gz.size()));
    CHECK(app->has_texts());
    CHECK(app->texts_error().empty());
}

TEST_CASE("the figures file is read gzip-compressed or not, and damaged gzip is named") {
    Data full = from_catalogue(test::dashboard_catalogue(), {{"csv_file", "x.csv"}}, {});
    const std::string figures = encode(full), gz = gen::gzip(figures);
    for (const std::string* file : {&figures, &gz}) {
        Data d;
        std::string error;
        REQUIRE(read_figures(bytes_of(*file).data(), file->size(), d, error));
        CHECK(d.innovations.size() == 5);
    }
    Data d;
    std::string error;
    const std::string cut = gz.substr(0, gz.size() - 3);
    CHECK_FALSE(read_figures(bytes_of(cut).data(), cut.size(), d, error));
    CHECK(error == "dashboard data is damaged: not valid gzip");
}
