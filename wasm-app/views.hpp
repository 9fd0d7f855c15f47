// The panels of the dashboard, one file each (view_*.cpp), and the layout that
// places them (view_dashboard.cpp). Views read the App, draw with ImGui and
// the chart module, and call App actions; they keep no state of their own.
#pragma once

#include <string>

#include "app.hpp"

namespace simpul::dash {

// The whole dashboard, filling ImGui's display. Call between NewFrame and Render.
void draw_dashboard(App& app);

void draw_filter_bar(App& app);  // chips of active filters, reset, language, CSV
void draw_overview(App& app);    // headline figures
void draw_hubs(App& app);        // hubs per year, cumulative, daerah vs K/L, decree cohorts
void draw_map(App& app);         // tile grid of the provinces, coloured by a measure
void draw_facets(App& app);      // innovations by sector, SDG, stage, status, year, award
void draw_flows(App& app);       // replication flows between provinces
void draw_explorer(App& app);    // sortable, searchable table of the selection

// Records the last item's rectangle under `name` for the JS hook (App::rects).
void record_rect(App& app, const std::string& name);
// A panel heading in the panel's first line.
void panel_title(const std::string& text);

}  // namespace simpul::dash
