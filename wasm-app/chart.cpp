// Bars, stacked columns, the tile map and the legend, drawn with ImDrawList
// over invisible buttons (so every mark can be hovered, clicked and reached
// with the keyboard). Sizes follow the font size, so they scale with the DPI.
#include "chart.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace simpul::dash::chart {

ImU32 ramp(double t) {
    t = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0);
    // From #ddf4ff to #0a3069 (light to dark blue).
    auto mix = [&](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * t)); };
    return IM_COL32(mix(221, 10), mix(244, 48), mix(255, 105), 255);
}

ImU32 text_colour_on(ImU32 bg) {
    double r = (bg >> IM_COL32_R_SHIFT) & 0xff, g = (bg >> IM_COL32_G_SHIFT) & 0xff,
           b = (bg >> IM_COL32_B_SHIFT) & 0xff;
    double luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return luminance > 140 ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
}

double nice_max(double v) {
    if (!(v > 0)) return 1;
    double p = std::pow(10.0, std::floor(std::log10(v)));
    for (double m : {1.0, 2.0, 5.0, 10.0})
        if (m * p >= v * (1 - 1e-12)) return m * p;
    return 10 * p;
}

float tile_size(int cols, float width, float gap) {
    if (cols <= 0) return 0;
    return std::max(1.0f, (width - gap * (cols - 1)) / cols);
}

namespace {

void focus_frame(ImDrawList* dl, ImVec2 a, ImVec2 b) {
    if (ImGui::IsItemFocused() && GImGui->NavDisableHighlight == false)
        dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), kFocus, 0, 0,
                    std::max(2.0f, ImGui::GetFontSize() / 8));
}

void tooltip(const std::string& text) {
    if (!text.empty() &&
        (ImGui::IsItemHovered() || (ImGui::IsItemFocused() && !GImGui->NavDisableHighlight)))
        ImGui::SetTooltip("%s", text.c_str());
}

}  // namespace

int bar_list(const char* id, const std::vector<Bar>& bars, double max_value) {
    int clicked = -1;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float row = font * 1.45f;
    const float label_w = std::min(width * 0.42f, font * 14);
    const float value_w = font * 3.5f;
    const float bar_w = std::max(font, width - label_w - value_w);
    const bool any_selected =
        std::any_of(bars.begin(), bars.end(), [](const Bar& b) { return b.selected; });
    const double top = max_value > 0 ? max_value : 1;
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const Bar& b = bars[i];
        ImGui::PushID(static_cast<int>(i));
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (ImGui::InvisibleButton("bar", ImVec2(width, row))) clicked = static_cast<int>(i);
        bool hot = ImGui::IsItemHovered();
        ImVec2 q(p.x + width, p.y + row);
        if (hot) dl->AddRectFilled(p, q, IM_COL32(234, 238, 242, 255));
        ImGui::RenderTextEllipsis(dl, ImVec2(p.x, p.y + (row - font) / 2),
                                  ImVec2(p.x + label_w - font * 0.4f, q.y),
                                  p.x + label_w - font * 0.4f, p.x + label_w - font * 0.4f,
                                  b.label.c_str(), nullptr, nullptr);
        float len = static_cast<float>(std::clamp(b.value / top, 0.0, 1.0)) * bar_w;
        if (b.value > 0) len = std::max(len, 2.0f);
        ImU32 colour = b.selected ? kBarSelected : any_selected ? kBarMuted : kBar;
        float pad = row * 0.18f;
        ImVec2 bar_a(p.x + label_w, p.y + pad);
        dl->AddRectFilled(bar_a, ImVec2(bar_a.x + len, q.y - pad), colour);
        dl->AddText(ImVec2(bar_a.x + len + font * 0.3f, p.y + (row - font) / 2), kText,
                    b.value_text.c_str());
        focus_frame(dl, p, q);
        tooltip(b.tooltip);
        ImGui::PopID();
    }
    ImGui::PopID();
    return clicked;
}

int stacked_columns(const char* id, const std::vector<Column>& columns, float height) {
    int clicked = -1;
    if (columns.empty()) return clicked;
    ImGui::PushID(id);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float axis_w = font * 2.5f;
    const float label_h = font * 1.4f, marker_h = font * 1.3f;
    const float plot_h = std::max(font * 3, height - label_h - marker_h);
    double top = 0;
    for (const auto& c : columns) top = std::max(top, c.a + c.b);
    top = nice_max(top);
    ImVec2 origin = ImGui::GetCursorScreenPos();
    const float base_y = origin.y + marker_h + plot_h;
    // Axis: 0, half and top, with grid lines.
    const int steps = top >= 2 ? 2 : 1;  // no half-hub ticks
    for (int k = 0; k <= steps; ++k) {
        double v = top * k / steps;
        float y = base_y - static_cast<float>(v / top) * plot_h;
        dl->AddLine(ImVec2(origin.x + axis_w, y), ImVec2(origin.x + width, y), kGrid);
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", v);
        dl->AddText(ImVec2(origin.x, y - font / 2), kText, buf);
    }
    const float slot = (width - axis_w) / static_cast<float>(columns.size());
    const bool any_selected =
        std::any_of(columns.begin(), columns.end(), [](const Column& c) { return c.selected; });
    ImGui::Dummy(ImVec2(axis_w, 0));
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const Column& c = columns[i];
        ImGui::PushID(static_cast<int>(i));
        float x0 = origin.x + axis_w + slot * static_cast<float>(i);
        ImGui::SetCursorScreenPos(ImVec2(x0, origin.y));
        if (ImGui::InvisibleButton("col", ImVec2(std::max(1.0f, slot), height)))
            clicked = static_cast<int>(i);
        if (ImGui::IsItemHovered())
            dl->AddRectFilled(ImVec2(x0, origin.y), ImVec2(x0 + slot, origin.y + height),
                              IM_COL32(234, 238, 242, 255));
        float bw = std::max(2.0f, slot * 0.62f), bx = x0 + (slot - bw) / 2;
        float ha = static_cast<float>(c.a / top) * plot_h,
              hb = static_cast<float>(c.b / top) * plot_h;
        ImU32 ca = c.selected ? kBarSelected : any_selected ? kBarMuted : kBar;
        dl->AddRectFilled(ImVec2(bx, base_y - ha), ImVec2(bx + bw, base_y), ca);
        dl->AddRectFilled(ImVec2(bx, base_y - ha - hb), ImVec2(bx + bw, base_y - ha), kSecond);
        ImVec2 ls = ImGui::CalcTextSize(c.label.c_str());
        if (ls.x <= slot)
            dl->AddText(ImVec2(x0 + (slot - ls.x) / 2, base_y + font * 0.2f), kText,
                        c.label.c_str());
        if (!c.marker.empty()) {  // centred, cut with an ellipsis to its own slot
            ImVec2 ms = ImGui::CalcTextSize(c.marker.c_str());
            float mx = std::max(x0 + 1, x0 + (slot - ms.x) / 2);
            float my = base_y - ha - hb - marker_h;
            ImGui::RenderTextEllipsis(dl, ImVec2(mx, my), ImVec2(x0 + slot - 1, my + font * 1.2f),
                                      x0 + slot - 1, x0 + slot - 1, c.marker.c_str(), nullptr, &ms);
        }
        focus_frame(dl, ImVec2(x0, origin.y), ImVec2(x0 + slot, origin.y + height));
        tooltip(c.tooltip);
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + height));
    ImGui::Dummy(ImVec2(width, 0));
    ImGui::PopID();
    return clicked;
}

int tile_map(const char* id, const std::vector<Tile>& tiles, std::vector<ImVec4>* rects,
             float reserve_y) {
    int clicked = -1;
    ImGui::PushID(id);
    int cols = 1, rows = 1;
    for (const auto& t : tiles) {
        cols = std::max(cols, t.col + 1);
        rows = std::max(rows, t.row + 1);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    const float width = ImGui::GetContentRegionAvail().x;
    const float gap = std::max(2.0f, font * 0.2f);
    // As large as fits the width and the height left above the legend (`reserve_y`).
    const float height = ImGui::GetContentRegionAvail().y - reserve_y;
    const float by_height = (height - gap * (rows - 1)) / rows;
    const float size =
        std::max(font * 1.5f, std::min({tile_size(cols, width, gap), by_height, font * 5}));
    ImVec2 origin = ImGui::GetCursorScreenPos();
    if (rects) rects->assign(tiles.size(), ImVec4());
    for (std::size_t i = 0; i < tiles.size(); ++i) {
        const Tile& t = tiles[i];
        ImGui::PushID(static_cast<int>(i));
        ImVec2 a(origin.x + t.col * (size + gap), origin.y + t.row * (size + gap));
        ImVec2 b(a.x + size, a.y + size);
        ImGui::SetCursorScreenPos(a);
        if (ImGui::InvisibleButton("tile", ImVec2(size, size))) clicked = static_cast<int>(i);
        dl->AddRectFilled(a, b, t.colour, size * 0.08f);
        if (t.selected)
            dl->AddRect(a, b, kBarSelected, size * 0.08f, 0, std::max(2.0f, size * 0.08f));
        else if (ImGui::IsItemHovered())
            dl->AddRect(a, b, kText, size * 0.08f, 0, std::max(1.0f, size * 0.04f));
        // The label in a font that fits the tile (the atlas font, scaled down if needed).
        float fs = std::min(font, size * 0.32f);
        ImVec2 ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, t.label.c_str());
        if (ts.x > size - 2) {
            fs *= (size - 2) / ts.x;
            ts = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, 0, t.label.c_str());
        }
        dl->AddText(ImGui::GetFont(), fs, ImVec2(a.x + (size - ts.x) / 2, a.y + (size - ts.y) / 2),
                    text_colour_on(t.colour), t.label.c_str());
        focus_frame(dl, a, b);
        tooltip(t.tooltip);
        if (rects) (*rects)[i] = ImVec4(a.x, a.y, size, size);
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, rows * (size + gap)));
    ImGui::PopID();
    return clicked;
}

void legend(const std::string& low, const std::string& high, int steps) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float font = ImGui::GetFontSize();
    ImGui::TextUnformatted(low.c_str());
    ImGui::SameLine();
    ImVec2 p = ImGui::GetCursorScreenPos();
    for (int i = 0; i < steps; ++i) {
        ImVec2 a(p.x + i * font * 1.2f, p.y);
        dl->AddRectFilled(a, ImVec2(a.x + font * 1.1f, a.y + font),
                          ramp(steps > 1 ? i / double(steps - 1) : 1));
    }
    ImGui::Dummy(ImVec2(steps * font * 1.2f, font));
    ImGui::SameLine();
    ImGui::TextUnformatted(high.c_str());
}

}  // namespace simpul::dash::chart
