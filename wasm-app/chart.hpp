// The chart module: the only code that draws charts, with ImGui's draw lists
// (ImPlot has no Debian package). Each chart is a row of keyboard-focusable
// invisible buttons with shapes drawn over them; it returns the index that was
// clicked or activated with Enter/Space (-1 when none). The colour and layout
// helpers are plain functions, tested without a frame.
#pragma once

#include <imgui.h>

#include <string>
#include <vector>

namespace simpul::dash::chart {

// ---- pure helpers -----------------------------------------------------------------
// A sequential colour scale from light (t = 0) to dark blue (t = 1); t is clamped.
ImU32 ramp(double t);
// Black or white, whichever reads better on `background`.
ImU32 text_colour_on(ImU32 background);
// A "nice" upper bound for an axis: 1, 2, 5 × 10^k at or above `v` (1 for v <= 0).
double nice_max(double v);
// Square tile size that fits `cols` columns in `width` with `gap` between tiles.
float tile_size(int cols, float width, float gap);

inline constexpr ImU32 kBar = IM_COL32(9, 105, 218, 255);
inline constexpr ImU32 kBarMuted = IM_COL32(160, 190, 225, 255);
inline constexpr ImU32 kBarSelected = IM_COL32(207, 34, 46, 255);
inline constexpr ImU32 kSecond = IM_COL32(191, 135, 0, 255);  // the second series (K/L)
inline constexpr ImU32 kFocus = IM_COL32(0, 0, 0, 255);
inline constexpr ImU32 kGrid = IM_COL32(208, 215, 222, 255);
inline constexpr ImU32 kText = IM_COL32(31, 35, 40, 255);
inline constexpr ImU32 kNoValue = IM_COL32(234, 238, 242, 255);

// ---- charts -----------------------------------------------------------------------
struct Bar {
    std::string label;
    double value = 0;
    std::string value_text;  // shown at the bar's end
    bool selected = false;
    std::string tooltip;
};
// Horizontal bars, one per row: label, bar (scaled to max_value), value. When any
// bar is selected, the others are drawn muted.
int bar_list(const char* id, const std::vector<Bar>& bars, double max_value);

struct Column {
    std::string label;    // under the column
    double a = 0, b = 0;  // stacked: a at the bottom, b on top
    bool selected = false;
    std::string tooltip;
    std::string marker;  // a short note above the column ("SK 94/2020"), may be empty
};
// Stacked columns of height `height`; colours kBar (a) and kSecond (b).
int stacked_columns(const char* id, const std::vector<Column>& columns, float height);

struct Tile {
    int col = 0, row = 0;
    std::string label;  // short name inside the tile
    ImU32 colour = kNoValue;
    bool selected = false;
    std::string tooltip;
};
// A tile grid (one square per province) fitting the available width and height
// less `reserve_y` (room kept below it). `rects` receives each tile's screen
// rectangle (for the JS hook).
int tile_map(const char* id, const std::vector<Tile>& tiles, std::vector<ImVec4>* rects,
             float reserve_y = 0);

// A colour legend: `steps` swatches of ramp() from low to high, labelled at both ends.
void legend(const std::string& low, const std::string& high, int steps = 5);

}  // namespace simpul::dash::chart
