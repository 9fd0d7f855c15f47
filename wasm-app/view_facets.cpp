// Innovations by sector, SDG, stage, status, year, award programme and kind:
// one bar list each. Each list ignores its own filter (cross-filter), so the
// other values stay visible and can be added; a click toggles a value.
#include <imgui.h>

#include <algorithm>

#include "chart.hpp"
#include "views.hpp"

namespace simpul::dash {

namespace {

void facet(App& app, Dim dim, bool skip_empty) {
    const Result& r = app.result();
    const auto& groups = r.groups[Filter::index(dim)];
    std::vector<chart::Bar> bars;
    std::vector<std::uint32_t> values;
    double top = 0;
    for (std::size_t i = 0; i < groups.size(); ++i) {
        std::uint32_t value = dim == Dim::Year
                                  ? static_cast<std::uint32_t>(r.year_min + static_cast<int>(i))
                                  : static_cast<std::uint32_t>(i);
        bool selected = app.filter().has(dim, value);
        if (dim == Dim::Sdg && i == 0) continue;  // SDGs are numbered from 1
        if (skip_empty && groups[i] == 0 && !selected) continue;
        chart::Bar b;
        b.label = app.value_label(dim, value);
        b.value = groups[i];
        b.value_text = app.number(groups[i]);
        b.selected = selected;
        b.tooltip = b.label + ": " + b.value_text + " " + app.tr("explorer.rows") + "\n" +
                    app.tr("click_to_filter");
        top = std::max(top, b.value);
        bars.push_back(std::move(b));
        values.push_back(value);
    }
    panel_title(app.tr(std::string("dim.") + kDimNames[Filter::index(dim)]));
    if (bars.empty()) {
        ImGui::TextDisabled("%s", app.tr("empty").c_str());
        return;
    }
    int clicked = chart::bar_list(kDimNames[Filter::index(dim)], bars, top);
    if (clicked >= 0) app.toggle(dim, values[clicked]);
}

}  // namespace

void draw_facets(App& app) {
    panel_title(app.tr("panel.facets"));
    facet(app, Dim::Sector, false);
    facet(app, Dim::Sdg, true);
    facet(app, Dim::Stage, false);
    facet(app, Dim::Status, false);
    facet(app, Dim::Year, true);
    facet(app, Dim::Award, false);
    facet(app, Dim::Kind, false);
}

}  // namespace simpul::dash
