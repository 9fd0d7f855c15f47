// Helpers of the dashboard's native tests: an App over the fixture catalogue,
// and a headless ImGui context that runs frames of the dashboard and feeds
// mouse and keyboard events (no window, no renderer: only draw lists).
#pragma once

#include <imgui.h>

#include <memory>
#include <string>

#include "app.hpp"
#include "core/dashboard_fixture.hpp"
#include "style.hpp"
#include "views.hpp"

namespace simpul::test {

inline std::unique_ptr<dash::App> fixture_app(const std::string& lang = "id") {
    std::vector<std::pair<std::string, std::string>> id = {
        {"panel.map", "Peta provinsi"},     {"figure.innovations", "Inovasi"},
        {"dim.prov", "Provinsi"},           {"kind.daerah", "Daerah"},
        {"stage.penciptaan", "Penciptaan"}, {"csv_file", "inovasi-terpilih.csv"}};
    std::vector<std::pair<std::string, std::string>> en = {
        {"panel.map", "Province map"},    {"figure.innovations", "Innovations"},
        {"dim.prov", "Province"},         {"kind.daerah", "Regional"},
        {"stage.penciptaan", "Creation"}, {"csv_file", "selected-innovations.csv"}};
    return std::make_unique<dash::App>(dash::from_catalogue(dashboard_catalogue(), id, en), lang);
}

// The app as the page starts it: the figures file decoded, its texts file (in
// `texts`) not yet loaded.
inline std::unique_ptr<dash::App> fixture_app_without_texts(std::string& texts) {
    dash::Data full = dash::from_catalogue(dashboard_catalogue(), {{"csv_file", "x.csv"}}, {});
    std::string figures = dash::encode(full), error;
    texts = dash::encode_texts(full);
    dash::Data d;
    REQUIRE(dash::decode(reinterpret_cast<const std::uint8_t*>(figures.data()), figures.size(), d,
                         error));
    return std::make_unique<dash::App>(std::move(d), "id");
}

class Frames {
  public:
    Frames(float width, float height, float scale = 1) {
        ctx_ = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        dash::apply_style(scale);
        unsigned char* pixels;
        int w, h;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // the atlas a renderer would upload
    }
    ~Frames() { ImGui::DestroyContext(ctx_); }
    Frames(const Frames&) = delete;
    Frames& operator=(const Frames&) = delete;

    // Runs `n` frames of the dashboard; returns the vertices of the last one.
    int run(dash::App& app, int n = 1) {
        int vertices = 0;
        for (int i = 0; i < n; ++i) {
            ImGui::NewFrame();
            dash::draw_dashboard(app);
            ImGui::Render();
            vertices = ImGui::GetDrawData()->TotalVtxCount;
        }
        return vertices;
    }
    // A click in the middle of a recorded rectangle (mouse moves, goes down, comes up).
    void click(dash::App& app, const std::string& rect) {
        const dash::Rect r = app.rects.at(rect);
        ImGuiIO& io = ImGui::GetIO();
        io.AddMousePosEvent(r.x + r.w / 2, r.y + r.h / 2);
        run(app);
        io.AddMouseButtonEvent(0, true);
        run(app);
        io.AddMouseButtonEvent(0, false);
        run(app);
    }
    void key(dash::App& app, ImGuiKey key) {
        ImGuiIO& io = ImGui::GetIO();
        io.AddKeyEvent(key, true);
        run(app);
        io.AddKeyEvent(key, false);
        run(app);
    }

  private:
    ImGuiContext* ctx_;
};

}  // namespace simpul::test
