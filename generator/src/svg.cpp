// SVG chart drawing: geometry and markup only; what is counted comes from
// statistics.cpp (core/stats). Coordinates are whole pixels, so the output is
// the same on every machine.
#include "svg.hpp"

#include <algorithm>

namespace simpul::gen {
namespace {

constexpr int kWidth = 400;  // viewBox width of bar and column charts

std::string num(long long n) {
    return std::to_string(n);
}

std::string open_svg(const std::string& id, const std::string& title, const std::string& css, int w,
                     int h) {
    return "<svg class=\"chart " + css + "\" viewBox=\"0 0 " + num(w) + " " + num(h) +
           "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\" role=\"img\" aria-labelledby=\"" +
           id + "-title\"><title id=\"" + id + "-title\">" + xml_escape(title) + "</title>";
}

// Shortens a label to about `max` characters (UTF-8 aware), ending in "…".
std::string clip(const std::string& s, std::size_t max) {
    std::size_t chars = 0, i = 0;
    for (; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
            if (chars == max) return s.substr(0, i) + "…";
            ++chars;
        }
    }
    return s;
}

// Length of a bar for `value` of `max` over `span` pixels; at least 1 for non-zero values.
int scaled(long long value, long long max, int span) {
    if (value <= 0 || max <= 0) return 0;
    return std::max(1, static_cast<int>(value * span / max));
}

}  // namespace

std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string svg_bar_chart(const std::string& id, const std::string& title,
                          const std::vector<BarItem>& items, const NumberFormat& fmt) {
    constexpr int row = 38, bar_h = 14, value_room = 56;
    long long max = 0;
    for (const auto& it : items) max = std::max(max, it.value);
    int h = std::max<int>(row, static_cast<int>(items.size()) * row + 4);
    std::string out = open_svg(id, title, "bars", kWidth, h);
    for (std::size_t i = 0; i < items.size(); ++i) {
        int y = static_cast<int>(i) * row;
        int len = scaled(items[i].value, max, kWidth - value_room);
        out += "<text x=\"0\" y=\"" + num(y + 14) + "\">" + xml_escape(clip(items[i].label, 58)) +
               "</text>";
        if (len > 0)
            out += "<rect class=\"bar\" x=\"0\" y=\"" + num(y + 19) + "\" width=\"" + num(len) +
                   "\" height=\"" + num(bar_h) + "\"/>";
        else
            out += "<rect class=\"axis\" x=\"0\" y=\"" + num(y + 19) + "\" width=\"1\" height=\"" +
                   num(bar_h) + "\"/>";
        out += "<text class=\"value\" x=\"" + num(len + 6) + "\" y=\"" + num(y + 31) + "\">" +
               xml_escape(fmt(items[i].value)) + "</text>";
    }
    return out + "</svg>";
}

std::string svg_column_chart(const std::string& id, const std::string& title,
                             const std::vector<Series>& series, const std::vector<Column>& columns,
                             const NumberFormat& fmt) {
    constexpr int top = 22, plot = 170, label_room = 22, legend_room = 28;
    const int h = top + plot + label_room + (series.size() > 1 ? legend_room : 4);
    std::string out = open_svg(id, title, "columns", kWidth, h);
    long long max = 0;
    for (const auto& c : columns) {
        long long total = 0;
        for (long long v : c.values) total += v;
        max = std::max(max, total);
    }
    const int n = std::max<int>(1, static_cast<int>(columns.size()));
    const int slot = kWidth / n;
    const int bar_w = std::max(2, slot * 2 / 3);
    // Labels every `step` columns when they would not fit side by side.
    const int step = std::max(1, (40 + slot - 1) / slot);
    const int base = top + plot;
    out += "<rect class=\"axis\" x=\"0\" y=\"" + num(base) + "\" width=\"" + num(kWidth) +
           "\" height=\"1\"/>";
    for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
        const Column& c = columns[i];
        const int x = i * slot + (slot - bar_w) / 2;
        const int mid = i * slot + slot / 2;
        long long below = 0, total = 0;
        for (long long v : c.values) total += v;
        for (std::size_t s = 0; s < c.values.size() && s < series.size(); ++s) {
            if (c.values[s] <= 0) continue;
            // Stack by cumulative pixel heights, so segments meet exactly.
            int y0 = base - scaled(below, max, plot);
            below += c.values[s];
            int y1 = base - scaled(below, max, plot);
            out += "<rect class=\"" + series[s].css_class + "\" x=\"" + num(x) + "\" y=\"" +
                   num(y1) + "\" width=\"" + num(bar_w) + "\" height=\"" + num(y0 - y1) + "\"/>";
        }
        if (slot >= 24 || i % step == 0)
            out += "<text class=\"value\" x=\"" + num(mid) + "\" y=\"" +
                   num(base - scaled(total, max, plot) - 5) + "\" text-anchor=\"middle\">" +
                   xml_escape(fmt(total)) + "</text>";
        if (i % step == 0)
            out += "<text x=\"" + num(mid) + "\" y=\"" + num(base + 16) +
                   "\" text-anchor=\"middle\">" + xml_escape(clip(c.label, 10)) + "</text>";
    }
    if (series.size() > 1) {
        int x = 0;
        const int y = base + label_room + 8;
        for (const auto& s : series) {
            out += "<rect class=\"" + s.css_class + "\" x=\"" + num(x) + "\" y=\"" + num(y) +
                   "\" width=\"12\" height=\"12\"/><text x=\"" + num(x + 17) + "\" y=\"" +
                   num(y + 11) + "\">" + xml_escape(s.label) + "</text>";
            x += 17 + 8 * static_cast<int>(clip(s.label, 40).size()) + 16;
        }
    }
    return out + "</svg>";
}

std::string svg_tile_map(const std::string& id, const std::string& title,
                         const std::vector<Tile>& tiles, const NumberFormat& fmt) {
    constexpr int size = 60, gap = 4, cell = size + gap;
    int cols = 1, rows = 1;
    for (const auto& t : tiles) {
        cols = std::max(cols, t.col + 1);
        rows = std::max(rows, t.row + 1);
    }
    std::string out = open_svg(id, title, "tiles", cols * cell, rows * cell);
    for (const auto& t : tiles) {
        int x = t.col * cell + 2, y = t.row * cell + 2;
        out += "<g class=\"tile l" + num(std::clamp(t.level, 0, 4)) + (t.marked ? " hub" : "") +
               "\"><title>" + xml_escape(t.name + ": " + fmt(t.value)) + "</title><rect x=\"" +
               num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(size - 4) + "\" height=\"" +
               num(size - 4) + "\" rx=\"4\"/><text x=\"" + num(x + (size - 4) / 2) + "\" y=\"" +
               num(y + 22) + "\" text-anchor=\"middle\" class=\"ab" +
               (t.label.size() > 7 ? " long" : "") + "\">" + xml_escape(clip(t.label, 9)) +
               "</text><text x=\"" + num(x + (size - 4) / 2) + "\" y=\"" + num(y + 42) +
               "\" text-anchor=\"middle\" class=\"n\">" + xml_escape(fmt(t.value)) + "</text></g>";
    }
    return out + "</svg>";
}

}  // namespace simpul::gen
