// The filter bar: one removable chip per active filter value, the reset button,
// the CSV download of the selection and the language switch.
#include <imgui.h>

#include "views.hpp"

namespace simpul::dash {

void draw_filter_bar(App& app) {
    if (ImGui::Button(app.tr("filters.reset").c_str())) app.reset();
    record_rect(app, "reset");
    ImGui::SameLine();
    ImGui::BeginDisabled(!app.has_texts());  // the CSV needs the titles
    if (ImGui::Button(app.tr("csv").c_str())) app.request_csv();
    ImGui::EndDisabled();
    record_rect(app, "csv");
    ImGui::SameLine();
    if (ImGui::Button(app.tr("language").c_str())) app.request_language();
    record_rect(app, "lang");
    ImGui::SameLine();
    ImGui::TextUnformatted((app.tr("filters.label") + ":").c_str());

    const Filter& f = app.filter();
    if (f.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", app.tr("filters.none").c_str());
        return;
    }
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(221, 244, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(182, 227, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(10, 48, 105, 255));
    // Copy: a click changes the filter while we iterate.
    for (std::size_t di = 0; di < kDims; ++di) {
        Dim d = static_cast<Dim>(di);
        std::vector<std::uint32_t> values = f.values(d);
        for (std::uint32_t v : values) {
            std::string label = app.tr(std::string("dim.") + kDimNames[di]) + ": " +
                                app.value_label(d, v) + "  \xC3\x97";  // U+00D7 multiplication sign
            std::string id = label + "##chip" + std::to_string(di) + "_" + std::to_string(v);
            float w = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().FramePadding.x * 2;
            ImGui::SameLine();
            if (ImGui::GetCursorScreenPos().x + w > right) ImGui::NewLine();
            if (ImGui::Button(id.c_str())) app.toggle(d, v);
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", app.tr("filters.remove").c_str());
            record_rect(app, "chip:" + std::string(kDimNames[di]) + ":" + std::to_string(v));
        }
    }
    ImGui::PopStyleColor(3);
}

}  // namespace simpul::dash
