// Headless frame tests of the dashboard's panels: the whole dashboard drawn at
// several sizes and scales over fixture data, a click on a tile, a chip and a
// figure, keyboard navigation, an empty selection; no ImGui assertion may fire.
#include <doctest/doctest.h>

#include "frame_support.hpp"

using namespace simpul;
using namespace simpul::dash;

TEST_CASE("the dashboard draws every panel at phone, tablet and desktop sizes and on high DPI") {
    for (auto [w, h, scale] : {std::tuple{1400.f, 1000.f, 1.f}, std::tuple{900.f, 700.f, 1.f},
                               std::tuple{360.f, 800.f, 1.f}, std::tuple{2800.f, 2000.f, 2.f},
                               std::tuple{1500.f, 1200.f, 1.5f}}) {
        CAPTURE(w);
        CAPTURE(scale);
        auto app = test::fixture_app();
        test::Frames frames(w, h, scale);
        CHECK(frames.run(*app, 3) > 1000);
        // Every province tile and the controls were laid out, inside the display.
        for (const char* code : {"34", "35", "63"}) {
            REQUIRE(app->rects.count(std::string("tile:") + code) == 1);
            CHECK(app->rects.at(std::string("tile:") + code).w > 0);
        }
        for (const char* name : {"reset", "csv", "lang", "search", "figure:innovations"})
            CHECK(app->rects.count(name) == 1);
        CHECK(app->rects.at("lang").x + app->rects.at("lang").w <= w);
        CHECK(ImGui::GetFontSize() == doctest::Approx(15 * scale).epsilon(0.05));
    }
}

TEST_CASE("a click on a province tile filters every panel, a click on its chip removes it") {
    auto app = test::fixture_app();
    test::Frames frames(1400, 1000);
    frames.run(*app, 2);
    frames.click(*app, "tile:35");
    CHECK(app->filter().values(Dim::Province) == std::vector<std::uint32_t>{1});
    CHECK(app->result().innovations == 2);
    CHECK(app->rows().size() == 2);
    CHECK(app->to_hash() == "#prov=35");
    CHECK(app->take_requests().push_history);
    frames.run(*app);
    REQUIRE(app->rects.count("chip:prov:1") == 1);
    frames.click(*app, "chip:prov:1");
    CHECK(app->filter().empty());
    CHECK(app->result().innovations == 5);
}

TEST_CASE("the hub-kind figures filter by kind; reset clears everything") {
    auto app = test::fixture_app();
    test::Frames frames(1400, 1000);
    frames.run(*app, 2);
    frames.click(*app, "figure:hubs_kl");
    CHECK(app->filter().has(Dim::Kind, 1));
    CHECK(app->result().innovations == 1);
    frames.click(*app, "tile:63");
    CHECK(app->result().innovations == 0);  // an empty selection still draws
    CHECK(frames.run(*app, 2) > 1000);
    frames.click(*app, "reset");
    CHECK(app->filter().empty());
}

TEST_CASE("the CSV and language buttons ask the platform") {
    auto app = test::fixture_app();
    test::Frames frames(1400, 1000);
    frames.run(*app, 2);
    frames.click(*app, "csv");
    Requests r = app->take_requests();
    CHECK(r.download_name == "inovasi-terpilih.csv");
    CHECK(r.download_text.rfind("\xEF\xBB\xBF", 0) == 0);
    frames.click(*app, "lang");
    CHECK(app->take_requests().switch_language);
}

TEST_CASE("the keyboard reaches the controls and Enter activates them") {
    auto app = test::fixture_app();
    test::Frames frames(1400, 1000);
    frames.run(*app, 2);
    // Tab to the first control (reset), then on to the CSV button, and press Enter there.
    frames.key(*app, ImGuiKey_Tab);
    frames.key(*app, ImGuiKey_Tab);
    frames.key(*app, ImGuiKey_Enter);
    CHECK_FALSE(app->take_requests().download_name.empty());
    for (int i = 0; i < 40; ++i) frames.key(*app, ImGuiKey_Tab);  // through every panel
    for (ImGuiKey k :
         {ImGuiKey_DownArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_LeftArrow})
        frames.key(*app, k);
    CHECK(frames.run(*app) > 1000);
}

TEST_CASE("the text filter and the sort order reach the explorer") {
    auto app = test::fixture_app("en");
    test::Frames frames(1400, 1000);
    app->set_search("jatim");
    frames.run(*app, 2);
    CHECK(app->rows().size() == 2);
    app->set_sort(SortColumn::Year, true);
    frames.run(*app);
    CHECK(app->title(app->rows()[0]) == "Sekolah Jatim");
}

TEST_CASE("before the titles arrive, and when they fail, the dashboard draws; the CSV waits") {
    std::string texts;
    auto app = test::fixture_app_without_texts(texts);
    test::Frames frames(1400, 1000);
    CHECK(frames.run(*app, 3) > 1000);
    frames.click(*app, "csv");
    CHECK(app->take_requests().download_text.empty());
    frames.click(*app, "tile:35");
    CHECK(app->rows().size() == 2);
    app->set_texts_error("HTTP 404 data/dashboard-texts.bin.gz");
    CHECK(frames.run(*app, 2) > 1000);
    REQUIRE(app->load_texts(reinterpret_cast<const std::uint8_t*>(texts.data()), texts.size()));
    CHECK(frames.run(*app, 2) > 1000);
    CHECK(app->rects.count("row:0") == 1);
    frames.click(*app, "csv");
    CHECK_FALSE(app->take_requests().download_text.empty());
}
