// The tile map: one square per province at its tile-grid position, coloured by
// the chosen measure (innovations, innovations per kabupaten/kota, hubs,
// replications received). Hover shows the figures; a click filters by province.
#include <imgui.h>

#include <algorithm>

#include "chart.hpp"
#include "views.hpp"

namespace simpul::dash {

void draw_map(App& app) {
    panel_title(app.tr("panel.map"));
    const Data& d = app.data();
    const Result& r = app.result();
    const Filter& f = app.filter();

    // Measure choice (radio buttons: keyboard reachable).
    ImGui::TextUnformatted(app.tr("measure.label").c_str());
    const std::pair<Measure, const char*> measures[] = {
        {Measure::Innovations, "measure.innovations"},
        {Measure::Rate, "measure.rate"},
        {Measure::Hubs, "measure.hubs"},
        {Measure::Replications, "measure.replications"}};
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    for (const auto& [m, key] : measures) {
        const std::string label = app.tr(key);
        float w = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x +
                  ImGui::CalcTextSize(label.c_str()).x;
        ImGui::SameLine();
        if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();  // wrap on narrow screens
        if (ImGui::RadioButton(label.c_str(), app.measure() == m)) app.set_measure(m);
    }

    const std::size_t np = d.provinces.size();
    std::vector<double> values(np, -1);
    for (std::size_t p = 0; p < np; ++p) {
        std::uint32_t inn = p < r.groups[0].size() ? r.groups[0][p] : 0;
        switch (app.measure()) {
            case Measure::Innovations:
                values[p] = inn;
                break;
            case Measure::Rate:
                values[p] = rate_per_regency(d, p, inn);
                break;
            case Measure::Hubs:
                values[p] = r.hubs_by_province[p];
                break;
            case Measure::Replications:
                values[p] = r.replications_in[p];
                break;
        }
    }
    double top = 0;
    for (double v : values) top = std::max(top, v);
    const int decimals = app.measure() == Measure::Rate ? 2 : 0;

    std::vector<chart::Tile> tiles;
    for (std::size_t p = 0; p < np; ++p) {
        const Province& pr = d.provinces[p];
        chart::Tile t;
        t.col = pr.col;
        t.row = pr.row;
        t.label = std::string(d.str(pr.short_name));
        t.selected = f.has(Dim::Province, static_cast<std::uint32_t>(p));
        t.colour = values[p] < 0 ? chart::kNoValue : chart::ramp(top > 0 ? values[p] / top : 0);
        std::uint32_t inn = r.groups[0][p];
        t.tooltip = std::string(d.str(pr.name)) + "\n" + app.tr("figure.innovations") + ": " +
                    app.number(inn) + "\n" + app.tr("figure.hubs") + ": " +
                    app.number(r.hubs_by_province[p]) + "\n" + app.tr("measure.replications") +
                    ": " + app.number(r.replications_in[p]) + "\n" + app.tr("measure.rate") + ": " +
                    (pr.regencies > 0 ? app.number(rate_per_regency(d, p, inn), 2)
                                      : app.tr("measure.rate_unknown")) +
                    "\n" + app.tr("click_to_filter");
        tiles.push_back(std::move(t));
    }
    std::vector<ImVec4> rects;
    int clicked =
        chart::tile_map("tiles", tiles, &rects, ImGui::GetFrameHeightWithSpacing() * 1.2f);
    for (std::size_t p = 0; p < np; ++p)
        app.rects["tile:" + std::string(d.str(d.provinces[p].code))] = {rects[p].x, rects[p].y,
                                                                        rects[p].z, rects[p].w};
    if (clicked >= 0) app.toggle(Dim::Province, static_cast<std::uint32_t>(clicked));
    chart::legend(app.number(0, decimals), top > 0 ? app.number(top, decimals) : "-");
}

}  // namespace simpul::dash
