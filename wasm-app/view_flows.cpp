// Replication flows between provinces (innovation's province -> adopter's
// province), largest first, as bars. A click filters by the province of origin.
#include <imgui.h>

#include "chart.hpp"
#include "views.hpp"

namespace simpul::dash {

void draw_flows(App& app) {
    panel_title(app.tr("panel.flows"));
    const Data& d = app.data();
    const Result& r = app.result();
    if (r.flows.empty()) {
        ImGui::TextDisabled("%s", app.tr("empty").c_str());
        return;
    }
    ImGui::TextDisabled("%s", app.tr("flows_hint").c_str());
    std::vector<chart::Bar> bars;
    double top = 0;
    const std::size_t shown = std::min<std::size_t>(r.flows.size(), 50);
    for (std::size_t i = 0; i < shown; ++i) {
        const Flow& f = r.flows[i];
        chart::Bar b;
        b.label = std::string(d.str(d.provinces[f.from].short_name)) + " -> " +
                  std::string(d.str(d.provinces[f.to].short_name));
        b.value = f.count;
        b.value_text = app.number(f.count);
        b.selected = app.filter().has(Dim::Province, f.from);
        b.tooltip = app.province_name(f.from) + " -> " + app.province_name(f.to) + ": " +
                    b.value_text + " " + app.tr("figure.replications") + "\n" +
                    app.tr("click_to_filter");
        top = std::max(top, b.value);
        bars.push_back(std::move(b));
    }
    int clicked = chart::bar_list("flows", bars, top);
    if (clicked >= 0) app.toggle(Dim::Province, r.flows[clicked].from);
}

}  // namespace simpul::dash
