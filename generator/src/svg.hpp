// Static SVG charts for the statistik/ page: horizontal bars, stacked columns
// and a tile map of the provinces. Plain text out, no scripts; every chart has
// a <title>, width and height (so the page does not shift as it loads) and
// CSS classes for its colours (site-template/assets/style.css).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace simpul::gen {

// Formats a number for the page's language (1.234 or 1,234).
using NumberFormat = std::function<std::string(long long)>;

struct BarItem {
    std::string label;
    long long value = 0;
};

// One row per item: its label above a bar, the value after the bar.
std::string svg_bar_chart(const std::string& id, const std::string& title,
                          const std::vector<BarItem>& items, const NumberFormat& fmt);

struct Series {
    std::string label;
    std::string css_class;  // fill colour class: "s0", "s1", "s2"
};
struct Column {
    std::string label;
    std::vector<long long> values;  // one per series, stacked bottom up
};

// Columns stacked by series, the total above each column, a legend below.
std::string svg_column_chart(const std::string& id, const std::string& title,
                             const std::vector<Series>& series, const std::vector<Column>& columns,
                             const NumberFormat& fmt);

struct Tile {
    std::string label;     // shown in the tile (short name)
    std::string name;      // full name, in the tile's <title>
    int col = 0, row = 0;  // 0-based grid position
    long long value = 0;
    int level = 0;        // shade 0..4
    bool marked = false;  // outlined (a province with a JIPP hub)
};

// A grid of tiles (one per province) with the value in each.
std::string svg_tile_map(const std::string& id, const std::string& title,
                         const std::vector<Tile>& tiles, const NumberFormat& fmt);

// Text escaped for SVG/XML content and attributes.
std::string xml_escape(const std::string& s);

}  // namespace simpul::gen
