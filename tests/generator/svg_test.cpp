// Tests for generator/src/svg.cpp: chart geometry, titles, escaping.
#include "svg.hpp"

#include <doctest/doctest.h>

using namespace simpul::gen;

namespace {
std::string plain(long long n) {
    return std::to_string(n);
}
bool has(const std::string& s, const std::string& part) {
    return s.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("a bar chart scales bars to the largest value and names itself") {
    std::string svg =
        svg_bar_chart("c1", "Sektor <uji>", {{"A & B", 10}, {"C", 5}, {"D", 0}}, plain);
    CHECK(
        svg.rfind("<svg class=\"chart bars\" viewBox=\"0 0 400 118\" width=\"400\" height=\"118\"",
                  0) == 0);
    CHECK(has(svg,
              "role=\"img\" aria-labelledby=\"c1-title\"><title id=\"c1-title\">Sektor "
              "&lt;uji&gt;</title>"));
    CHECK(has(svg, "<text x=\"0\" y=\"14\">A &amp; B</text>"));
    CHECK(has(svg, "<rect class=\"bar\" x=\"0\" y=\"19\" width=\"344\" height=\"14\"/>"));
    CHECK(has(svg, "<rect class=\"bar\" x=\"0\" y=\"57\" width=\"172\" height=\"14\"/>"));
    // A zero value draws a thin axis mark, not a bar, and still shows its number.
    CHECK(has(svg, "<rect class=\"axis\" x=\"0\" y=\"95\" width=\"1\" height=\"14\"/>"));
    CHECK(has(svg, "<text class=\"value\" x=\"6\" y=\"107\">0</text>"));
    CHECK(svg.substr(svg.size() - 6) == "</svg>");
}

TEST_CASE("a column chart stacks its series and labels the totals") {
    std::string svg = svg_column_chart("c2", "Hub", {{"daerah", "s0"}, {"kl", "s1"}},
                                       {{"2020", {8, 0}}, {"2021", {12, 4}}}, plain);
    // Two columns of 200 px slots; the 2021 column (16) is the full 170 px plot height.
    CHECK(has(svg, "<rect class=\"s0\" x=\"33\" y=\"107\" width=\"133\" height=\"85\"/>"));
    CHECK(has(svg, "<rect class=\"s0\" x=\"233\" y=\"65\" width=\"133\" height=\"127\"/>"));
    CHECK(has(svg, "<rect class=\"s1\" x=\"233\" y=\"22\" width=\"133\" height=\"43\"/>"));
    CHECK(has(svg, ">16</text>"));
    CHECK(has(svg, ">2020</text>"));
    CHECK(has(svg, ">daerah</text>"));  // legend of a stacked chart
    CHECK(has(svg, "height=\"242\""));
}

TEST_CASE("a tile map places tiles on the grid with level and hub classes") {
    std::string svg = svg_tile_map(
        "m", "Peta",
        {{"Aceh", "Aceh", 0, 0, 0, 0, false}, {"Gorontalo", "Gorontalo", 2, 1, 1234, 4, true}},
        [](long long n) { return n == 1234 ? std::string("1.234") : plain(n); });
    CHECK(has(svg, "viewBox=\"0 0 192 128\""));
    CHECK(has(svg, "<g class=\"tile l0\"><title>Aceh: 0</title><rect x=\"2\" y=\"2\""));
    CHECK(has(svg,
              "<g class=\"tile l4 hub\"><title>Gorontalo: 1.234</title><rect x=\"130\" y=\"66\""));
    CHECK(has(svg, "class=\"ab long\">Gorontalo</text>"));
    CHECK(xml_escape("a\"b'c") == "a&quot;b&#39;c");
}
