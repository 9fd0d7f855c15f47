// Hubs per year: cumulative regional (daerah) and central (K/L) hubs as stacked
// columns, each year's decree cohort named above its column. A click on a year
// filters by that year.
#include <imgui.h>

#include <set>

#include "chart.hpp"
#include "views.hpp"

namespace simpul::dash {

void draw_hubs(App& app) {
    panel_title(app.tr("panel.hubs"));
    const Data& d = app.data();
    const Result& r = app.result();
    if (r.hubs_per_year.empty()) {
        ImGui::TextDisabled("%s", app.tr("empty").c_str());
        return;
    }
    std::vector<chart::Column> cols;
    for (const auto& row : r.hubs_per_year) {
        chart::Column c;
        c.label = std::to_string(row.year);
        c.a = row.cumulative_daerah;
        c.b = row.cumulative_kl;
        c.selected = app.filter().has(Dim::Year, static_cast<std::uint32_t>(row.year));
        std::set<std::string> decrees;  // the decrees of the year's new hubs (when it has any)
        for (std::size_t i = 0; i < d.hubs.size() && row.daerah + row.kl > 0; ++i)
            if (d.hubs.year[i] == row.year && !d.str(d.hubs.decree[i]).empty())
                decrees.insert(std::string(d.str(d.hubs.decree[i])));
        for (const auto& dec : decrees)
            c.marker += (c.marker.empty() ? app.tr("hubs_legend_cohort") + " " : ", ") + dec;
        c.tooltip = c.label + "\n" + app.tr("kind.daerah") + ": " +
                    app.number(row.cumulative_daerah) + " (+" + app.number(row.daerah) + ")\n" +
                    app.tr("kind.kl") + ": " + app.number(row.cumulative_kl) + " (+" +
                    app.number(row.kl) + ")" + (c.marker.empty() ? "" : "\n" + c.marker) + "\n" +
                    app.tr("click_to_filter");
        cols.push_back(std::move(c));
    }
    const float font = ImGui::GetFontSize();
    float h = std::max(font * 8, ImGui::GetContentRegionAvail().y - font * 2.2f);
    int clicked = chart::stacked_columns("hubs", cols, h);
    if (clicked >= 0)
        app.toggle(Dim::Year, static_cast<std::uint32_t>(r.hubs_per_year[clicked].year));
    // Legend.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (auto [colour, key] :
         {std::pair{chart::kBar, "kind.daerah"}, std::pair{chart::kSecond, "kind.kl"}}) {
        ImVec2 p = ImGui::GetCursorScreenPos();
        dl->AddRectFilled(ImVec2(p.x, p.y + font * 0.15f),
                          ImVec2(p.x + font * 0.8f, p.y + font * 0.95f), colour);
        ImGui::Dummy(ImVec2(font, font));
        ImGui::SameLine();
        ImGui::TextUnformatted(app.tr(key).c_str());
        ImGui::SameLine(0, font);
    }
    ImGui::NewLine();
}

}  // namespace simpul::dash
