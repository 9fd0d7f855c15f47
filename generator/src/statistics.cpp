// The statistik/ page: the dashboard's main figures without JavaScript. Every
// number comes from core/stats (the same code the dashboard runs), drawn as a
// static SVG chart (svg.cpp) beside an HTML table of the same numbers.
#include <algorithm>

#include "facets.hpp"
#include "svg.hpp"
#include "view.hpp"

namespace simpul::gen {
namespace {

json cell(const std::string& text, bool header = false, const std::string& href = {}) {
    // Every key present, so a cell never picks up a field of the chart around it.
    return {{"text", text}, {"header", header}, {"href", href}};
}

json chart(const std::string& id, const std::string& title, std::string svg,
           const std::string& caption, json head, json rows) {
    return {{"id", id},
            {"title", title},
            {"svg", std::move(svg)},
            {"caption", caption},
            {"head", std::move(head)},
            {"rows", std::move(rows)},
            {"note", ""},
            {"wide", false}};
}

// A facet's terms as bars and table rows (each term linking to its listing).
json facet_chart(const ViewContext& v, Facet f, const std::string& id, const NumberFormat& fmt) {
    std::vector<BarItem> bars;
    json rows = json::array();
    for (const auto& [key, n] : facet_terms(v, f)) {
        std::string label = v.facet_label(f, key);
        bars.push_back({label, static_cast<long long>(n)});
        rows.push_back(
            {{"cells",
              {cell(label, true, v.href(facet_term_folder(f, key, v.model) + "index.html")),
               cell(fmt(static_cast<long long>(n)))}}});
    }
    std::string title = v.str(std::string("statistics.by_") + facet_name(f));
    return chart(id, title, svg_bar_chart("chart-" + id, title, bars, fmt), title,
                 json::array({v.str(std::string("facet.") + facet_name(f)),
                              v.str("statistics.innovations")}),
                 rows);
}

}  // namespace

json statistics_view(const ViewContext& v) {
    const Catalogue& cat = v.cat;
    NumberFormat fmt = [&](long long n) { return v.number(n); };
    json charts = json::array();

    // Hubs per year, cumulative, split regional / central (kl).
    {
        std::vector<Column> columns;
        json rows = json::array();
        for (const auto& y : hubs_per_year(cat)) {
            columns.push_back({std::to_string(y.year), {y.cumulative_daerah, y.cumulative_kl}});
            rows.push_back(
                {{"cells",
                  {cell(std::to_string(y.year), true), cell(fmt(y.daerah)), cell(fmt(y.kl)),
                   cell(fmt(y.cumulative_daerah)), cell(fmt(y.cumulative_kl)),
                   cell(fmt(y.cumulative_daerah + y.cumulative_kl))}}});
        }
        std::string title = v.str("statistics.hubs_per_year");
        json c =
            chart("hub-per-tahun", title,
                  svg_column_chart("chart-hub-per-tahun", title,
                                   {{v.str("hub_kind.daerah"), "s0"}, {v.str("hub_kind.kl"), "s1"}},
                                   columns, fmt),
                  title,
                  json::array({v.str("field.year"), v.str("statistics.new_daerah"),
                               v.str("statistics.new_kl"), v.str("statistics.total_daerah"),
                               v.str("statistics.total_kl"), v.str("statistics.total")}),
                  rows);
        c["note"] = v.str("statistics.hubs_note");
        charts.push_back(c);
    }

    // Tile map: innovations per province, provinces with a hub outlined.
    {
        const Index& by_province = v.model.facets.at(Facet::Province);
        std::size_t max_n = 1;
        for (const auto& [code, list] : by_province) max_n = std::max(max_n, list.size());
        auto count = [](const Index& idx, const std::string& key) {
            auto it = idx.find(key);
            return static_cast<long long>(it == idx.end() ? 0 : it->second.size());
        };
        std::vector<Tile> tiles;
        json rows = json::array();
        for (const auto& p : cat.provinces) {
            long long n = count(by_province, p.code);
            int level = n == 0 ? 0
                               : static_cast<int>(std::min<long long>(
                                     4, 1 + (n * 4 - 1) / static_cast<long long>(max_n)));
            bool hub = v.model.hubs_by_province.count(p.code) > 0;
            tiles.push_back({p.short_name, p.name, p.tile_col, p.tile_row, n, level, hub});
            rows.push_back({{"cells",
                             {cell(p.name, true, v.province_href(p.code)), cell(fmt(n)),
                              cell(fmt(count(v.model.hubs_by_province, p.code))),
                              cell(fmt(count(v.model.replications_in, p.code))),
                              cell(fmt(count(v.model.replications_out, p.code)))}}});
        }
        std::string title = v.str("statistics.map");
        json c = chart("peta-provinsi", title,
                       svg_tile_map("chart-peta-provinsi", title, tiles, fmt), title,
                       json::array({v.str("field.province"), v.str("statistics.innovations"),
                                    v.str("statistics.hubs"), v.str("statistics.replications_in"),
                                    v.str("statistics.replications_out")}),
                       rows);
        c["note"] = v.str("statistics.map_note");
        c["wide"] = true;
        charts.push_back(c);
    }

    charts.push_back(facet_chart(v, Facet::Sector, "sektor", fmt));
    charts.push_back(facet_chart(v, Facet::Sdg, "sdg", fmt));
    charts.push_back(facet_chart(v, Facet::Stage, "tahap", fmt));

    // Innovations by year launched: a column per year from the first to the last.
    {
        const Index& by_year = v.model.facets.at(Facet::Year);
        std::vector<Column> columns;
        json rows = json::array();
        if (!by_year.empty()) {
            int first = std::stoi(by_year.begin()->first),
                last = std::stoi(by_year.rbegin()->first);
            for (int y = first; y <= last; ++y) {
                auto it = by_year.find(std::to_string(y));
                long long n = it == by_year.end() ? 0 : static_cast<long long>(it->second.size());
                columns.push_back({std::to_string(y), {n}});
                rows.push_back({{"cells",
                                 {cell(std::to_string(y), true,
                                       n > 0 ? v.href(facet_term_folder(
                                                          Facet::Year, std::to_string(y), v.model) +
                                                      "index.html")
                                             : std::string()),
                                  cell(fmt(n))}}});
            }
        }
        std::string title = v.str("statistics.by_year");
        json c =
            chart("tahun", title,
                  svg_column_chart("chart-tahun", title, {{v.str("statistics.innovations"), "s0"}},
                                   columns, fmt),
                  title, json::array({v.str("field.year"), v.str("statistics.innovations")}), rows);
        std::size_t unknown = 0;
        for (const auto& inn : cat.innovations) unknown += inn.year <= 0;
        if (unknown > 0)
            c["note"] =
                v.str("statistics.year_unknown") + " " + v.number(static_cast<long long>(unknown));
        charts.push_back(c);
    }

    // Replications by year, stacked by status.
    {
        std::vector<Column> columns;
        json rows = json::array();
        for (const auto& y : replications_per_year(cat)) {
            columns.push_back({std::to_string(y.year), {y.selesai, y.berjalan, y.direncanakan}});
            rows.push_back({{"cells",
                             {cell(std::to_string(y.year), true), cell(fmt(y.direncanakan)),
                              cell(fmt(y.berjalan)), cell(fmt(y.selesai)), cell(fmt(y.total()))}}});
        }
        std::string title = v.str("statistics.replications_per_year");
        charts.push_back(
            chart("replikasi-per-tahun", title,
                  svg_column_chart("chart-replikasi-per-tahun", title,
                                   {{v.str("replication_status.selesai"), "s2"},
                                    {v.str("replication_status.berjalan"), "s0"},
                                    {v.str("replication_status.direncanakan"), "s1"}},
                                   columns, fmt),
                  title,
                  json::array({v.str("field.year"), v.str("replication_status.direncanakan"),
                               v.str("replication_status.berjalan"),
                               v.str("replication_status.selesai"), v.str("statistics.total")}),
                  rows));
    }

    std::size_t hub_provinces = v.model.hubs_by_province.size();
    json summary = json::array({
        {{"label", v.str("home.count_innovations")},
         {"value", v.number(static_cast<long long>(cat.innovations.size()))}},
        {{"label", v.str("home.count_hubs")},
         {"value", v.number(static_cast<long long>(cat.hubs.size()))}},
        {{"label", v.str("home.count_hub_provinces")},
         {"value", v.number(static_cast<long long>(hub_provinces))}},
        {{"label", v.str("home.count_replications")},
         {"value", v.number(static_cast<long long>(cat.replications.size()))}},
    });
    json figures = json::array();
    for (const auto& f : cat.site.figures)
        figures.push_back(
            {{"label", v.plan.lang == "en" && !f.label_en.empty() ? f.label_en : f.label},
             {"value", v.number(f.value)},
             {"sources", v.sources(f.sources)}});
    return {{"page_title", v.str("statistics.title")},
            {"summary", summary},
            {"figures", figures},
            {"charts", charts},
            {"dashboard_href", v.href("dasbor/index.html")},
            {"data_href", v.href("data/index.html")}};
}

}  // namespace simpul::gen
