// Tests for core/datafile: the round trip of both files keeps every field,
// encoding is deterministic, and a file of another version, a truncated or
// damaged file, or texts of another data file give their exact message (and
// never a crash, whatever the cut).
#include "datafile.hpp"

#include <doctest/doctest.h>

#include <cstring>
#include <stdexcept>

#include "core/dashboard_fixture.hpp"

using namespace simpul;
using namespace simpul::dash;

namespace {

Data sample() {
    return from_catalogue(test::dashboard_catalogue(),
                          {{"panel.map", "Peta provinsi"}, {"only_id", "x"}},
                          {{"panel.map", "Province map"}});
}

const std::uint8_t* u8(const std::string& s) {
    return reinterpret_cast<const std::uint8_t*>(s.data());
}

std::string decode_error(const std::string& bytes) {
    Data d;
    std::string error;
    bool ok = decode(u8(bytes), bytes.size(), d, error);
    return ok ? "ok" : error;
}

// Decodes the figures (the sample's by default), then `texts` against them.
std::string texts_error(const std::string& texts, std::string figures = encode(sample())) {
    std::string error;
    Data d;
    REQUIRE(decode(u8(figures), figures.size(), d, error));
    bool ok = decode_texts(u8(texts), texts.size(), d, error);
    CHECK(d.texts.loaded == ok);
    return ok ? "ok" : error;
}

}  // namespace

TEST_CASE("the two data files decode to the data they were encoded from") {
    Data d = sample();
    std::string bytes = encode(d);
    Data back;
    std::string error;
    REQUIRE(decode(u8(bytes), bytes.size(), back, error));
    CHECK(error.empty());
    CHECK_FALSE(back.texts.loaded);  // until the texts file is read
    CHECK(back.strings.offsets_ == d.strings.offsets_);
    CHECK(back.strings.chars_ == d.strings.chars_);
    REQUIRE(back.provinces.size() == 3);
    CHECK(back.str(back.provinces[1].name) == "Jawa Timur");
    CHECK(back.provinces[1].regencies == 38);
    CHECK(back.provinces[2].regencies == -1);
    CHECK(back.provinces[1].col == 5);
    CHECK(back.sectors.size() == 3);
    CHECK(back.str(back.sectors[0].name_en) == "Health");
    CHECK(back.sdgs.size() == 2);
    CHECK(back.programs.size() == 2);
    const Innovations& a = d.innovations;
    const Innovations& b = back.innovations;
    CHECK(b.province == a.province);
    CHECK(b.kind == a.kind);
    CHECK(b.stage == a.stage);
    CHECK(b.status == a.status);
    CHECK(b.year == a.year);
    CHECK(b.sectors == a.sectors);
    CHECK(b.sdgs == a.sdgs);
    CHECK(b.awards == a.awards);
    CHECK(back.hubs.kind == d.hubs.kind);
    CHECK(back.hubs.province == d.hubs.province);
    CHECK(back.hubs.year == d.hubs.year);
    CHECK(back.str(back.hubs.decree[1]) == "94/2020");  // hubs by id: diy, jatim, ...
    CHECK(back.replications.innovation == d.replications.innovation);
    CHECK(back.replications.to_province == d.replications.to_province);
    CHECK(back.events.year == std::vector<std::uint16_t>{2023, 2020});
    REQUIRE(back.ui.size() == 2);
    CHECK(back.str(back.ui[1].key) == "panel.map");
    CHECK(back.str(back.ui[1].en) == "Province map");
    CHECK(back.str(back.ui[0].en) == "x");  // a missing English string falls back to Indonesian
    CHECK(encode(back) == bytes);

    std::string texts = encode_texts(d);
    REQUIRE(decode_texts(u8(texts), texts.size(), back, error));
    CHECK(back.texts.loaded);
    REQUIRE(back.texts.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(back.texts.id(i) == d.texts.id(i));
        CHECK(back.texts.title(i) == d.texts.title(i));
        CHECK(back.texts.title_en(i) == d.texts.title_en(i));
        CHECK(back.texts.agency_name(i) == d.texts.agency_name(i));
    }
    CHECK(back.texts.id(2) == "omspan");
    CHECK(back.texts.title(2) == "OM-SPAN");
    CHECK(back.texts.title_en(2) == "");
    CHECK(back.texts.agency_name(3) == "Agency pemprov-jatim");
    CHECK(back.texts.agency == std::vector<std::uint32_t>{0, 1, 2, 3, 3});  // first seen first
    CHECK(back.texts.agencies.size() == 4);                                 // each name once
    CHECK(encode_texts(back) == texts);
}

TEST_CASE("the model's codes: provinces through agencies, kinds, stages, masks") {
    Data d = sample();
    const Innovations& in = d.innovations;
    // Rows in title order (here also id order): diy-tanpa-tahun, kalsel-pintar, omspan,
    // sehat-jatim, sekolah-jatim.
    CHECK(d.texts.id(2) == "omspan");
    CHECK(in.province[2] == kNone);
    CHECK(in.kind[2] == 1);
    CHECK(in.province[3] == 1);
    CHECK(in.stage[0] == kNone);
    CHECK(in.stage[1] == 0);
    CHECK(in.status[1] == 1);
    CHECK(in.year[0] == 0);
    CHECK(in.sectors[4] == 0b011u);
    CHECK(in.sdgs[4] == (1u << 2 | 1u << 3));
    CHECK(in.awards[1] == 0b11u);
    CHECK(d.hubs.province[3] == kNone);  // the K/L hub
    CHECK(d.events.province[1] == 2);    // through its hub (Kalsel)
}

TEST_CASE("rows are in title order, replications follow their innovation") {
    Catalogue c = test::dashboard_catalogue();
    auto retitle = [&](const char* id, const char* title) {
        for (auto& i : c.innovations)
            if (i.id == id) i.title = title;
    };
    retitle("sehat-jatim", "Zona Sehat");  // was row 3 by title, now last
    retitle("omspan", "Anggaran");         // now first
    Data d = from_catalogue(c, {}, {});
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < d.texts.size(); ++i) ids.emplace_back(d.texts.id(i));
    CHECK(ids == std::vector<std::string>{"omspan", "diy-tanpa-tahun", "kalsel-pintar",
                                          "sekolah-jatim", "sehat-jatim"});
    CHECK(d.innovations.year == std::vector<std::uint16_t>{2016, 0, 2020, 2020, 2019});
    CHECK(d.innovations.province[0] == kNone);  // omspan's columns moved with it
    CHECK(d.innovations.awards[4] == 0b10u);    // sehat-jatim's kipp (programmes by id)
    // r1 sehat-jatim, r2 sekolah-jatim, r3 kalsel-pintar, r4 omspan: by their new rows.
    CHECK(d.replications.innovation == std::vector<std::uint32_t>{4, 3, 2, 0});

    retitle("sekolah-jatim", "Anggaran");  // the same title: the ids decide
    Data e = from_catalogue(c, {}, {});
    CHECK(e.texts.id(0) == "omspan");
    CHECK(e.texts.id(1) == "sekolah-jatim");
}

TEST_CASE("encoding is deterministic") {
    CHECK(encode(sample()) == encode(sample()));
    CHECK(encode_texts(sample()) == encode_texts(sample()));
}

TEST_CASE("a file that is not a data file, of another version or truncated says so") {
    std::string bytes = encode(sample());
    CHECK(decode_error("") == "this is not a Simpul dashboard data file");
    CHECK(decode_error("<!DOCTYPE html><html>") == "this is not a Simpul dashboard data file");

    std::string v4 = bytes;
    std::uint32_t four = 4;
    std::memcpy(&v4[8], &four, 4);
    CHECK(decode_error(v4) ==
          "dashboard data version 4 is not supported (this dashboard reads version 3)");
    // A version 2 file (before the texts held their strings inline).
    std::string v2 = bytes;
    std::uint32_t two = 2;
    std::memcpy(&v2[8], &two, 4);
    CHECK(decode_error(v2) ==
          "dashboard data version 2 is not supported (this dashboard reads version 3)");

    std::string cut = bytes.substr(0, 100);
    CHECK(decode_error(cut) == "dashboard data is truncated: expected " +
                                   std::to_string(bytes.size()) + " bytes, got 100");
    CHECK(decode_error(bytes.substr(0, 20)) == "dashboard data is truncated: expected " +
                                                   std::to_string(bytes.size()) + " bytes, got 20");
    CHECK(decode_error(bytes.substr(0, 19)) == "this is not a Simpul dashboard data file");
}

TEST_CASE("a texts file that is not one, of another version, cut or of other data says so") {
    std::string texts = encode_texts(sample());
    CHECK(texts_error(texts) == "ok");
    CHECK(texts_error(encode(sample())) == "this is not a Simpul dashboard texts file");
    std::string v2 = texts;
    std::uint32_t two = 2;
    std::memcpy(&v2[8], &two, 4);
    CHECK(texts_error(v2) ==
          "dashboard texts version 2 is not supported (this dashboard reads version 3)");
    CHECK(texts_error(texts.substr(0, 30)) == "dashboard texts are truncated: expected " +
                                                  std::to_string(texts.size()) + " bytes, got 30");
    for (std::size_t n = 0; n < texts.size(); ++n) CHECK(texts_error(texts.substr(0, n)) != "ok");

    // The texts of a catalogue with one innovation fewer belong to other figures.
    Catalogue c = test::dashboard_catalogue();
    c.innovations.pop_back();
    CHECK(texts_error(encode_texts(from_catalogue(c, {}, {}))) ==
          "dashboard texts belong to another data file");
    // So do texts of the same figures with one title changed (a cached older texts file).
    Catalogue retitled = test::dashboard_catalogue();
    retitled.innovations[0].title = "Judul lain";
    Data other = from_catalogue(retitled, {{"panel.map", "Peta provinsi"}, {"only_id", "x"}},
                                {{"panel.map", "Province map"}});
    REQUIRE(encode(other).substr(20) == encode(sample()).substr(20));  // the same figures
    CHECK(texts_error(encode_texts(other)) == "dashboard texts belong to another data file");

    // The last byte is the last row's agency (a varint): past the 4 agencies.
    std::string agency = texts;
    REQUIRE(static_cast<unsigned char>(agency.back()) < 4);
    agency.back() = 4;
    CHECK(texts_error(agency) ==
          "dashboard texts are damaged: an innovation names an agency that does not exist");
    agency.back() = static_cast<char>(0x80);  // a varint that does not end
    CHECK(texts_error(agency) == "dashboard texts are damaged: section INNT runs past its end");
    // A title 1 byte longer: its column runs into the next; the agencies end short.
    std::string longer = texts;
    std::size_t at = longer.find("Apa DIY");
    REQUIRE(at != std::string::npos);
    REQUIRE(static_cast<unsigned char>(longer[at - 5]) == 7);  // the first of the 5 lengths
    longer[at - 5] = 8;
    CHECK(texts_error(longer).rfind("dashboard texts are damaged: ", 0) == 0);
    // Every cut of the body (the header's size and id kept): a message, never a crash.
    Data full = sample();
    Files files = encode_files(full);
    for (std::size_t n = 20; n < files.texts.size(); ++n) {
        std::string cut = files.texts.substr(0, n);
        std::uint32_t body = static_cast<std::uint32_t>(n - 20);
        std::memcpy(&cut[12], &body, 4);
        CHECK(texts_error(cut, files.figures).rfind("dashboard texts are damaged: ", 0) == 0);
    }
}

TEST_CASE("every cut and a damaged index give a message, never a crash") {
    std::string bytes = encode(sample());
    for (std::size_t n = 0; n < bytes.size(); ++n) CHECK(decode_error(bytes.substr(0, n)) != "ok");

    // The innovation rows' province column: point one at a province that does not exist.
    Data d = sample();
    d.innovations.province[0] = 7;
    CHECK(decode_error(encode(d)) ==
          "dashboard data is damaged: an innovation names a province that does not exist");
    // A sector or award bit past the lists (the cross-filter counts into arrays of their size).
    Data s = sample();
    s.innovations.sectors[0] = 1u << 20;
    CHECK(decode_error(encode(s)) ==
          "dashboard data is damaged: an innovation names a sector that does not exist");
    Data a = sample();
    a.innovations.awards[1] = 1u << 2;  // two programmes: bits 0 and 1
    CHECK(decode_error(encode(a)) ==
          "dashboard data is damaged: an innovation names an award programme that does not exist");
    Data e = sample();
    e.replications.innovation[0] = 99;
    CHECK(decode_error(encode(e)) ==
          "dashboard data is damaged: a replication names an innovation that does not exist");
    // The sectors column's width (a byte after the INNO count and the 6 bytes a row before it).
    std::string wide = bytes;
    std::size_t inno = wide.find("INNO");
    REQUIRE(inno != std::string::npos);
    wide[inno + 12 + 6 * sample().innovations.size()] = 9;
    CHECK(decode_error(wide) == "dashboard data is damaged: section INNO has a wrong mask width");
    // Bytes after the last section.
    std::string longer = bytes + "xx";
    std::uint32_t body = static_cast<std::uint32_t>(longer.size() - 20);
    std::memcpy(&longer[12], &body, 4);
    CHECK(decode_error(longer) ==
          "dashboard data is damaged: unexpected bytes after the last section");
}

TEST_CASE("vocabularies larger than the format holds are refused when encoding") {
    Catalogue c = test::dashboard_catalogue();
    for (int i = 0; i < 30; ++i) c.sectors.push_back({"s" + std::to_string(i), "S", "S"});
    CHECK_THROWS_AS(from_catalogue(c, {}, {}), std::length_error);
}

TEST_CASE("a file of many innovations and few strings decodes (counts against the body's size)") {
    Data d;
    d.strings.add("");
    const std::size_t n = 5000;
    Innovations& in = d.innovations;
    in.province.assign(n, kNone);
    in.kind.assign(n, 0);
    in.stage.assign(n, kNone);
    in.status.assign(n, kNone);
    in.year.assign(n, 0);
    in.sectors.assign(n, 0);
    in.sdgs.assign(n, 0);
    in.awards.assign(n, 0);
    TextsBuilder rows;
    for (std::size_t i = 0; i < n; ++i) rows.add("", "", "", "");
    d.texts = rows.build();
    order_by_title(d);
    std::string figures = encode(d), texts = encode_texts(d), error;
    Data back;
    REQUIRE(decode(u8(figures), figures.size(), back, error));
    CHECK(back.innovations.size() == n);
    REQUIRE(decode_texts(u8(texts), texts.size(), back, error));
    CHECK(back.texts.size() == n);
    CHECK(back.texts.title(n - 1) == "");
}

TEST_CASE("bit masks take the bytes their highest bit needs, and keep every bit") {
    Data d = sample();
    std::string narrow = encode(d);
    d.innovations.sdgs[0] = 1u << 31 | 1u;
    std::string wide = encode(d);
    CHECK(wide.size() == narrow.size() + 3 * d.innovations.size());  // 1 byte a row -> 4
    Data back;
    std::string error;
    REQUIRE(decode(u8(wide), wide.size(), back, error));
    CHECK(back.innovations.sdgs == d.innovations.sdgs);
    CHECK(back.innovations.sectors == d.innovations.sectors);
    CHECK(back.innovations.awards == d.innovations.awards);
}

namespace {

// A texts file made by hand for figures of one innovation: its STRS (the agency
// "A") and an INNT section from `innt` (after its row count), with the figures' id.
std::string one_row_texts(const std::string& figures, const std::string& innt) {
    auto u32 = [](std::uint32_t v) { return std::string(reinterpret_cast<const char*>(&v), 4); };
    std::string strs = u32(1) + u32(0) + u32(1) + "A";
    std::string body = "STRS" + u32(static_cast<std::uint32_t>(strs.size())) + strs + "INNT" +
                       u32(static_cast<std::uint32_t>(4 + innt.size())) + u32(1) + innt;
    return "SIMPULDT" + u32(kVersion) + u32(static_cast<std::uint32_t>(body.size())) +
           figures.substr(16, 4) + body;
}

}  // namespace

TEST_CASE("texts: lengths and agencies as varints, one form for each number") {
    Data d;
    d.strings.add("");
    Innovations& in = d.innovations;
    in.province = {kNone};
    in.kind = in.stage = in.status = {0};
    in.year = {0};
    in.sectors = in.sdgs = in.awards = {0};
    const std::string figures = encode(d);
    // id "a", title "t", no English title, agency 0.
    const std::string good = std::string(
        "\x01"
        "a"
        "\x01"
        "t"
        "\x00"
        "\x00",
        6);
    CHECK(texts_error(one_row_texts(figures, good), figures) == "ok");
    Data back;
    std::string error;
    REQUIRE(decode(u8(figures), figures.size(), back, error));
    std::string texts = one_row_texts(figures, good);
    REQUIRE(decode_texts(u8(texts), texts.size(), back, error));
    CHECK(back.texts.id(0) == "a");
    CHECK(back.texts.title(0) == "t");
    CHECK(back.texts.title_en(0) == "");
    CHECK(back.texts.agency_name(0) == "A");
    CHECK(encode_texts(back).substr(20) == texts.substr(20));  // the body encodes back the same

    const std::string wrong = "dashboard texts are damaged: section INNT has a wrong number";
    // 1 written in two bytes (0x81 0x00): a second form of the same number.
    CHECK(texts_error(one_row_texts(figures, std::string("\x81\x00"
                                                         "a"
                                                         "\x01"
                                                         "t"
                                                         "\x00\x00",
                                                         7)),
                      figures) == wrong);
    // A fifth byte above 0x0f: past 32 bits.
    CHECK(texts_error(one_row_texts(figures, std::string("\xff\xff\xff\xff\x1f", 5) + "a"),
                      figures) == wrong);
    // A length of 2^32 - 1: past what the section holds.
    CHECK(texts_error(one_row_texts(figures, std::string("\xff\xff\xff\xff\x0f", 5) + "a"),
                      figures) == "dashboard texts are damaged: section INNT runs past its end");
    CHECK(texts_error(one_row_texts(figures, good + "x"), figures) ==
          "dashboard texts are damaged: section INNT has bytes after its last column");

    // A texts file that fails leaves the texts already read.
    std::string cut = one_row_texts(figures, good + "x");
    CHECK_FALSE(decode_texts(u8(cut), cut.size(), back, error));
    CHECK(back.texts.loaded);
    CHECK(back.texts.title(0) == "t");
}

TEST_CASE("ordering by title needs the texts") {
    Data d = sample();
    d.texts = Texts{};
    CHECK_THROWS_AS(order_by_title(d), std::logic_error);
}
