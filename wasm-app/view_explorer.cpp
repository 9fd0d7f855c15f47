// The explorer: the selected innovations in a sortable table with a text
// filter. The title opens the innovation's page; province, year and stage cells
// are buttons that filter by their value.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "views.hpp"

namespace simpul::dash {

void draw_explorer(App& app) {
    panel_title(app.tr("panel.explorer"));
    const Data& d = app.data();
    const Innovations& in = d.innovations;

    std::string search = app.search();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18);
    if (ImGui::InputTextWithHint("##search", app.tr("explorer.search").c_str(), &search))
        app.set_search(search);
    record_rect(app, "search");
    ImGui::SameLine();
    ImGui::Text("%s %s", app.number(static_cast<double>(app.rows().size())).c_str(),
                app.tr("explorer.rows").c_str());
    // The titles come in a second file, after the figures.
    if (!app.texts_error().empty()) {
        ImGui::TextWrapped("%s %s", app.tr("explorer.texts_failed").c_str(),
                           app.texts_error().c_str());
    } else if (!app.has_texts()) {
        ImGui::TextUnformatted(app.tr("explorer.texts_loading").c_str());
    }

    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("innovations", 5, flags, ImVec2(0, ImGui::GetContentRegionAvail().y)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(app.tr("explorer.title").c_str(), ImGuiTableColumnFlags_DefaultSort, 5);
    ImGui::TableSetupColumn(app.tr("explorer.agency").c_str(), 0, 3);
    ImGui::TableSetupColumn(app.tr("explorer.province").c_str(), 0, 2);
    ImGui::TableSetupColumn(app.tr("explorer.year").c_str(), 0, 1);
    ImGui::TableSetupColumn(app.tr("explorer.stage").c_str(), 0, 1.5f);
    ImGui::TableHeadersRow();
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
        if (specs->SpecsCount > 0)
            app.set_sort(static_cast<SortColumn>(specs->Specs[0].ColumnIndex),
                         specs->Specs[0].SortDirection == ImGuiSortDirection_Descending);
        specs->SpecsDirty = false;
    }

    const auto& rows = app.rows();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()));
    // Deferred: a click changes the rows being drawn.
    int open = -1;
    std::pair<Dim, std::uint32_t> toggle{Dim::Province, UINT32_MAX};
    while (clipper.Step()) {
        for (int k = clipper.DisplayStart; k < clipper.DisplayEnd; ++k) {
            std::uint32_t i = rows[k];
            ImGui::PushID(k);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (app.has_texts()) {
                if (ImGui::Selectable(app.title(i).c_str(), false)) open = static_cast<int>(i);
                if (k < 3) record_rect(app, "row:" + std::to_string(k));
                if (ImGui::IsItemHovered())
                    ImGui::SetTooltip("%s", app.tr("explorer.open").c_str());
            } else {
                ImGui::TextDisabled("...");
            }
            ImGui::TableNextColumn();
            if (app.has_texts()) {
                std::string_view agency = d.texts.agency_name(i);
                ImGui::TextUnformatted(agency.data(), agency.data() + agency.size());
            }
            ImGui::TableNextColumn();
            if (in.province[i] != kNone &&
                ImGui::SmallButton(
                    std::string(d.str(d.provinces[in.province[i]].short_name)).c_str()))
                toggle = {Dim::Province, in.province[i]};
            ImGui::TableNextColumn();
            if (in.year[i] && ImGui::SmallButton(std::to_string(in.year[i]).c_str()))
                toggle = {Dim::Year, in.year[i]};
            ImGui::TableNextColumn();
            if (in.stage[i] != kNone &&
                ImGui::SmallButton(app.value_label(Dim::Stage, in.stage[i]).c_str()))
                toggle = {Dim::Stage, in.stage[i]};
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
    if (open >= 0) app.request_open(static_cast<std::uint32_t>(open));
    if (toggle.second != UINT32_MAX) app.toggle(toggle.first, toggle.second);
}

}  // namespace simpul::dash
