// Light theme, sizes scaled by the DPI, and the default font rasterised at the
// scaled size (not magnified), with the Latin-1 and punctuation glyphs the
// content uses.
#include "style.hpp"

#include <imgui.h>

#include <cmath>

namespace simpul::dash {

namespace {
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x2010, 0x205E, 0};  // Latin-1, punctuation
}

void apply_style(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig cfg;
    cfg.SizePixels = std::round(15.0f * scale);
    cfg.OversampleH = cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    cfg.GlyphRanges = kGlyphRanges;
    io.Fonts->AddFontDefault(&cfg);
    io.Fonts->Build();

    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowRounding = 0;
    style.ChildRounding = 4;
    style.FrameRounding = 3;
    style.WindowPadding = ImVec2(10, 8);
    style.ItemSpacing = ImVec2(8, 6);
    style.Colors[ImGuiCol_WindowBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(1, 1, 1, 1);
    style.Colors[ImGuiCol_Border] = ImVec4(0.82f, 0.84f, 0.87f, 1);
    style.Colors[ImGuiCol_FrameBg] = ImVec4(0.92f, 0.93f, 0.95f, 1);
    style.Colors[ImGuiCol_FrameBgHovered] = ImVec4(0.85f, 0.90f, 0.97f, 1);
    style.Colors[ImGuiCol_FrameBgActive] = ImVec4(0.78f, 0.86f, 0.96f, 1);
    style.Colors[ImGuiCol_Text] = ImVec4(0.12f, 0.14f, 0.16f, 1);
    style.Colors[ImGuiCol_NavHighlight] = ImVec4(0, 0, 0, 1);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace simpul::dash
