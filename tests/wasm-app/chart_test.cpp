// Tests of the chart module (wasm-app/chart.cpp): the colour scale, contrast,
// axis and tile sizes, and the charts' click and keyboard behaviour in frames.
#include "chart.hpp"

#include <doctest/doctest.h>

#include <functional>

#include "style.hpp"

using namespace simpul::dash;

namespace {

// Runs `draw` inside one window of a headless frame; returns its result.
struct Harness {
    Harness() {
        ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800, 600);
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        apply_style(1);
        unsigned char* px;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);
    }
    ~Harness() { ImGui::DestroyContext(ctx); }
    int frame(const std::function<int()>& draw) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(800, 600));
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoTitleBar);
        int r = draw();
        ImGui::End();
        ImGui::Render();
        return r;
    }
    ImGuiContext* ctx;
};

}  // namespace

TEST_CASE("the colour scale runs from light to dark and text stays readable on it") {
    CHECK(chart::ramp(0) == IM_COL32(221, 244, 255, 255));
    CHECK(chart::ramp(1) == IM_COL32(10, 48, 105, 255));
    CHECK(chart::ramp(-3) == chart::ramp(0));
    CHECK(chart::ramp(7) == chart::ramp(1));
    CHECK(chart::text_colour_on(chart::ramp(0)) == IM_COL32(0, 0, 0, 255));
    CHECK(chart::text_colour_on(chart::ramp(1)) == IM_COL32(255, 255, 255, 255));
}

TEST_CASE("axis maxima are 1, 2 or 5 times a power of ten") {
    CHECK(chart::nice_max(0) == 1);
    CHECK(chart::nice_max(1) == 1);
    CHECK(chart::nice_max(14) == 20);
    CHECK(chart::nice_max(54) == 100);
    CHECK(chart::nice_max(200) == 200);
    CHECK(chart::nice_max(0.3) == doctest::Approx(0.5));
}

TEST_CASE("tiles fill the width") {
    CHECK(chart::tile_size(10, 1090, 10) == doctest::Approx(100));
    CHECK(chart::tile_size(0, 100, 2) == 0);
    CHECK(chart::tile_size(3, 1, 10) == 1);
}

TEST_CASE("a bar, a column and a tile report the click on them") {
    Harness h;
    std::vector<chart::Bar> bars(3);
    for (int i = 0; i < 3; ++i) bars[i].label = "bar " + std::to_string(i), bars[i].value = i + 1;
    // Rows are about 1.45 font sizes high from the window's first line.
    auto draw_bars = [&] { return chart::bar_list("b", bars, 3); };
    h.frame(draw_bars);
    ImGuiIO& io = ImGui::GetIO();
    const float row = ImGui::GetFontSize() * 1.45f;
    const ImVec2 first = ImGui::GetStyle().WindowPadding;
    io.AddMousePosEvent(first.x + 50, first.y + row * 1.5f);
    h.frame(draw_bars);
    io.AddMouseButtonEvent(0, true);
    h.frame(draw_bars);
    io.AddMouseButtonEvent(0, false);
    CHECK(h.frame(draw_bars) == 1);
    CHECK(h.frame(draw_bars) == -1);

    std::vector<chart::Tile> tiles = {{0, 0, "A"}, {2, 1, "B"}};
    std::vector<ImVec4> rects;
    h.frame([&] { return chart::tile_map("t", tiles, &rects); });
    REQUIRE(rects.size() == 2);
    CHECK(rects[1].x > rects[0].x);
    CHECK(rects[1].y > rects[0].y);
    CHECK(rects[0].z == doctest::Approx(rects[0].w));  // square
    io.AddMousePosEvent(rects[1].x + 5, rects[1].y + 5);
    h.frame([&] { return chart::tile_map("t", tiles, &rects); });
    io.AddMouseButtonEvent(0, true);
    h.frame([&] { return chart::tile_map("t", tiles, &rects); });
    io.AddMouseButtonEvent(0, false);
    CHECK(h.frame([&] { return chart::tile_map("t", tiles, &rects); }) == 1);

    std::vector<chart::Column> cols = {{"2020", 8, 0}, {"2021", 12, 1, true, "", "SK 359/2021"}};
    CHECK(h.frame([&] { return chart::stacked_columns("c", cols, 200); }) == -1);
    CHECK(h.frame([&] { return chart::stacked_columns("c", std::vector<chart::Column>{}, 200); }) ==
          -1);
}
