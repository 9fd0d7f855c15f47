// Headline figures of the current selection. The hub figures are buttons that
// filter by hub kind (daerah / K/L).
#include <imgui.h>

#include "views.hpp"

namespace simpul::dash {

namespace {

bool figure(App& app, const std::string& label, std::uint32_t value, const char* rect,
            bool clickable, bool selected) {
    const float font = ImGui::GetFontSize();
    ImGui::PushID(rect);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    bool clicked = false;
    if (clickable) {
        clicked = ImGui::InvisibleButton("fig", ImVec2(w, font * 2.6f));
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("click_to_filter").c_str());
    } else {
        ImGui::Dummy(ImVec2(w, font * 2.6f));
    }
    record_rect(app, std::string("figure:") + rect);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (selected)
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + font * 2.6f), IM_COL32(255, 235, 233, 255));
    if (clickable && ImGui::IsItemFocused())
        dl->AddRect(p, ImVec2(p.x + w, p.y + font * 2.6f), IM_COL32(0, 0, 0, 255), 0, 0, 2);
    std::string n = app.number(value);
    dl->AddText(ImGui::GetFont(), font * 1.6f, ImVec2(p.x + font * 0.3f, p.y),
                IM_COL32(9, 105, 218, 255), n.c_str());
    dl->AddText(ImVec2(p.x + font * 0.3f, p.y + font * 1.6f), IM_COL32(87, 96, 106, 255),
                label.c_str());
    ImGui::PopID();
    return clicked;
}

}  // namespace

void draw_overview(App& app) {
    panel_title(app.tr("panel.overview"));
    const Result& r = app.result();
    const Filter& f = app.filter();
    figure(app, app.tr("figure.innovations"), r.innovations, "innovations", false, false);
    figure(app, app.tr("figure.hubs"), r.hubs, "hubs", false, false);
    ImGui::Columns(2, nullptr, false);
    if (figure(app, app.tr("figure.hubs_daerah"), r.hubs_daerah, "hubs_daerah", true,
               f.has(Dim::Kind, 0)))
        app.toggle(Dim::Kind, 0);
    ImGui::NextColumn();
    if (figure(app, app.tr("figure.hubs_kl"), r.hubs_kl, "hubs_kl", true, f.has(Dim::Kind, 1)))
        app.toggle(Dim::Kind, 1);
    ImGui::NextColumn();
    figure(app, app.tr("figure.replications"), r.replications, "replications", false, false);
    ImGui::NextColumn();
    figure(app, app.tr("figure.events"), r.events, "events", false, false);
    ImGui::Columns(1);
    figure(app, app.tr("figure.provinces"), r.provinces_covered, "provinces", false, false);
}

}  // namespace simpul::dash
