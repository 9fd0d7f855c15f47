// The layout: one full-display window holding the filter bar and the panels in
// a grid of one, two or three columns depending on the width (in font units, so
// the layout is the same at any DPI). Each panel is a bordered child window.
#include <imgui.h>

#include <algorithm>

#include "views.hpp"

namespace simpul::dash {

void record_rect(App& app, const std::string& name) {
    ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    app.rects[name] = {a.x, a.y, b.x - a.x, b.y - a.y};
}

void panel_title(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(31, 35, 40, 255));
    ImGui::SeparatorText(text.c_str());
    ImGui::PopStyleColor();
}

namespace {

void panel(const char* id, float w, float h, void (*draw)(App&), App& app) {
    ImGui::BeginChild(id, ImVec2(w, h), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened);
    draw(app);
    ImGui::EndChild();
}

}  // namespace

void draw_dashboard(App& app) {
    app.rects.clear();
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##dashboard", nullptr,
                 ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                     ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw_filter_bar(app);

    const float font = ImGui::GetFontSize();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float avail = ImGui::GetContentRegionAvail().x;
    const int cols = avail >= 75 * font ? 3 : avail >= 48 * font ? 2 : 1;
    const float one = (avail - gap * (cols - 1)) / cols;
    const float h1 = 24 * font, h2 = 26 * font;
    if (cols == 3) {
        panel("overview", one, h1, draw_overview, app);
        ImGui::SameLine();
        panel("map", one * 2 + gap, h1, draw_map, app);
        panel("hubs", one, h2, draw_hubs, app);
        ImGui::SameLine();
        panel("facets", one, h2, draw_facets, app);
        ImGui::SameLine();
        panel("flows", one, h2, draw_flows, app);
    } else if (cols == 2) {
        panel("overview", one, h1, draw_overview, app);
        ImGui::SameLine();
        panel("hubs", one, h1, draw_hubs, app);
        panel("map", avail, h1, draw_map, app);
        panel("facets", one, h2, draw_facets, app);
        ImGui::SameLine();
        panel("flows", one, h2, draw_flows, app);
    } else {
        panel("overview", avail, 16 * font, draw_overview, app);
        panel("map", avail, std::max(18 * font, avail * 0.75f), draw_map, app);
        panel("hubs", avail, 20 * font, draw_hubs, app);
        panel("facets", avail, h2, draw_facets, app);
        panel("flows", avail, 16 * font, draw_flows, app);
    }
    panel("explorer", avail, 28 * font, draw_explorer, app);
    ImGui::End();
}

}  // namespace simpul::dash
