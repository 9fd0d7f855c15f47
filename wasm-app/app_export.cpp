// Exports of the app state: the CSV of the selection (UTF-8 with BOM), and the
// figures and widget rectangles as JSON for the page's JS hook (written by hand:
// a JSON library would only add size to the wasm).
#include <cstdio>

#include "app.hpp"

namespace simpul::dash {

namespace {

std::string json_escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    return out;
}

// A quoted CSV field; text a spreadsheet would take for a formula (starting with
// = + - @, tab or CR) gets a leading apostrophe, as in the site's open data.
std::string csv_field(std::string_view s) {
    std::string out = "\"";
    if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos)
        out += '\'';
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

}  // namespace

std::string App::csv() const {
    const Data& d = *data_;
    const Innovations& in = d.innovations;
    std::string out = "\xEF\xBB\xBF";  // UTF-8 byte order mark, for spreadsheet programs
    out += "id,title,agency,province,year,stage,status,sectors,sdgs,awards,url\r\n";
    if (!has_texts()) return out;
    for (std::uint32_t i : rows_) {
        auto list = [&](std::uint32_t mask, const std::vector<Named>* names, bool sdg) {
            std::string s;
            for (std::uint32_t m = mask; m; m &= m - 1) {
                int b = __builtin_ctz(m);
                if (!s.empty()) s += ";";
                if (sdg)
                    s += std::to_string(b + 1);
                else if (static_cast<std::size_t>(b) < names->size())
                    s += d.str((*names)[b].id);
            }
            return s;
        };
        std::string id(d.texts.id(i));
        out += csv_field(id) + "," + csv_field(title(i)) + "," + csv_field(d.texts.agency_name(i)) +
               "," + csv_field(in.province[i] == kNone ? "" : province_name(in.province[i])) + "," +
               (in.year[i] ? std::to_string(in.year[i]) : "") + "," +
               (in.stage[i] == kNone ? "" : kStages[in.stage[i]]) + "," +
               (in.status[i] == kNone ? "" : kStatuses[in.status[i]]) + "," +
               csv_field(list(in.sectors[i], &d.sectors, false)) + "," +
               csv_field(list(in.sdgs[i], nullptr, true)) + "," +
               csv_field(list(in.awards[i], &d.programs, false)) + "," +
               csv_field("inovasi/" + id + "/") + "\r\n";
    }
    return out;
}

std::string App::figures_json() const {
    const Data& d = *data_;
    const Result& r = result_;
    std::string o = "{";
    auto num = [&](const char* k, double v) {
        char buf[64];
        std::snprintf(buf, sizeof buf, "\"%s\":%.10g,", k, v);
        o += buf;
    };
    o += "\"lang\":\"" + lang_ + "\",\"hash\":\"" + json_escape(to_hash()) + "\",";
    num("innovations", r.innovations);
    num("hubs", r.hubs);
    num("hubs_daerah", r.hubs_daerah);
    num("hubs_kl", r.hubs_kl);
    num("replications", r.replications);
    num("events", r.events);
    num("provinces_covered", r.provinces_covered);
    num("rows", static_cast<double>(rows_.size()));
    num("compute_ms", last_compute_ms);
    o += "\"by\":{";
    for (std::size_t di = 0; di < kDims; ++di) {
        Dim dim = static_cast<Dim>(di);
        o += std::string(di ? "," : "") + "\"" + kDimNames[di] + "\":{";
        bool first = true;
        const auto& g = r.groups[di];
        for (std::size_t v = 0; v < g.size(); ++v) {
            if (!g[v]) continue;
            std::string key;
            switch (dim) {
                case Dim::Province:
                    key = d.str(d.provinces[v].code);
                    break;
                case Dim::Sector:
                    key = d.str(d.sectors[v].id);
                    break;
                case Dim::Award:
                    key = d.str(d.programs[v].id);
                    break;
                case Dim::Stage:
                    key = kStages[v];
                    break;
                case Dim::Status:
                    key = kStatuses[v];
                    break;
                case Dim::Kind:
                    key = kKinds[v];
                    break;
                case Dim::Sdg:
                    key = std::to_string(v);
                    break;
                case Dim::Year:
                    key = std::to_string(r.year_min + static_cast<int>(v));
                    break;
            }
            o += std::string(first ? "" : ",") + "\"" + json_escape(key) +
                 "\":" + std::to_string(g[v]);
            first = false;
        }
        o += "}";
    }
    o += "},\"hubs_per_year\":[";
    for (std::size_t i = 0; i < r.hubs_per_year.size(); ++i) {
        const auto& h = r.hubs_per_year[i];
        o += std::string(i ? "," : "") + "[" + std::to_string(h.year) + "," +
             std::to_string(h.cumulative_daerah) + "," + std::to_string(h.cumulative_kl) + "]";
    }
    o += "],\"flows\":[";
    for (std::size_t i = 0; i < r.flows.size(); ++i) {
        const auto& f = r.flows[i];
        o += std::string(i ? "," : "") + "[\"" + std::string(d.str(d.provinces[f.from].code)) +
             "\",\"" + std::string(d.str(d.provinces[f.to].code)) + "\"," +
             std::to_string(f.count) + "]";
    }
    o += "],\"labels\":{\"overview\":\"" + json_escape(tr("panel.overview")) +
         "\",\"innovations\":\"" + json_escape(tr("figure.innovations")) + "\"}}";
    return o;
}

std::string App::rects_json() const {
    std::string o = "{";
    bool first = true;
    for (const auto& [name, r] : rects) {
        char buf[160];
        std::snprintf(buf, sizeof buf, "%s\"%s\":{\"x\":%.1f,\"y\":%.1f,\"w\":%.1f,\"h\":%.1f}",
                      first ? "" : ",", json_escape(name).c_str(), r.x, r.y, r.w, r.h);
        o += buf;
        first = false;
    }
    return o + "}";
}

}  // namespace simpul::dash
