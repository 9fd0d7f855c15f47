// Tests for core/datafile: the round trip keeps every field, encoding is
// deterministic, and a file of another version, a truncated or damaged file
// gives its exact message (and never a crash, whatever the cut).
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

std::string decode_error(const std::string& bytes) {
    Data d;
    std::string error;
    bool ok = decode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), d, error);
    return ok ? "ok" : error;
}

}  // namespace

TEST_CASE("a data file decodes to the data it was encoded from") {
    Data d = sample();
    std::string bytes = encode(d);
    Data back;
    std::string error;
    REQUIRE(decode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), back, error));
    CHECK(error.empty());
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
    CHECK(b.id == a.id);
    CHECK(b.title == a.title);
    CHECK(b.title_en == a.title_en);
    CHECK(b.agency == a.agency);
    CHECK(b.province == a.province);
    CHECK(b.kind == a.kind);
    CHECK(b.stage == a.stage);
    CHECK(b.status == a.status);
    CHECK(b.year == a.year);
    CHECK(b.sectors == a.sectors);
    CHECK(b.sdgs == a.sdgs);
    CHECK(b.awards == a.awards);
    CHECK(b.by_title == a.by_title);
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
}

TEST_CASE("the model's codes: provinces through agencies, kinds, stages, masks") {
    Data d = sample();
    const Innovations& in = d.innovations;
    // Rows by id: diy-tanpa-tahun, kalsel-pintar, omspan, sehat-jatim, sekolah-jatim.
    CHECK(d.str(in.id[2]) == "omspan");
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

TEST_CASE("encoding is deterministic") {
    CHECK(encode(sample()) == encode(sample()));
}

TEST_CASE("a file that is not a data file, of another version or truncated says so") {
    std::string bytes = encode(sample());
    CHECK(decode_error("") == "this is not a Simpul dashboard data file");
    CHECK(decode_error("<!DOCTYPE html><html>") == "this is not a Simpul dashboard data file");

    std::string v2 = bytes;
    std::uint32_t two = 2;
    std::memcpy(&v2[8], &two, 4);
    CHECK(decode_error(v2) ==
          "dashboard data version 2 is not supported (this dashboard reads version 1)");

    std::string cut = bytes.substr(0, 100);
    CHECK(decode_error(cut) == "dashboard data is truncated: expected " +
                                   std::to_string(bytes.size()) + " bytes, got 100");
    CHECK(decode_error(bytes.substr(0, 16)) == "dashboard data is truncated: expected " +
                                                   std::to_string(bytes.size()) + " bytes, got 16");
}

TEST_CASE("every cut and a damaged index give a message, never a crash") {
    std::string bytes = encode(sample());
    for (std::size_t n = 0; n < bytes.size(); ++n) CHECK(decode_error(bytes.substr(0, n)) != "ok");

    // The innovation rows' province column: point one at a province that does not exist.
    Data d = sample();
    d.innovations.province[0] = 7;
    CHECK(decode_error(encode(d)) ==
          "dashboard data is damaged: an innovation names a province that does not exist");
    Data e = sample();
    e.replications.innovation[0] = 99;
    CHECK(decode_error(encode(e)) ==
          "dashboard data is damaged: a replication names an innovation that does not exist");
    Data f = sample();
    f.innovations.by_title[0] = f.innovations.by_title[1];
    CHECK(decode_error(encode(f)) ==
          "dashboard data is damaged: the title order is not a permutation");
    // Bytes after the last section.
    std::string longer = bytes + "xx";
    std::uint32_t body = static_cast<std::uint32_t>(longer.size() - 16);
    std::memcpy(&longer[12], &body, 4);
    CHECK(decode_error(longer) ==
          "dashboard data is damaged: unexpected bytes after the last section");
}

TEST_CASE("vocabularies larger than the format holds are refused when encoding") {
    Catalogue c = test::dashboard_catalogue();
    for (int i = 0; i < 30; ++i) c.sectors.push_back({"s" + std::to_string(i), "S", "S"});
    CHECK_THROWS_AS(from_catalogue(c, {}, {}), std::length_error);
}
