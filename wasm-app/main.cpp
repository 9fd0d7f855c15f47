// Platform glue and the main loop, as in Dear ImGui's Emscripten examples: a
// GLFW window (Emscripten's built-in GLFW) with a WebGL2 context, the GLFW and
// OpenGL3 backends, canvas size and devicePixelRatio followed every frame, and
// the C functions the page calls (dash_load, dash_hash_changed, the JS hook).
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cmath>
#include <memory>
#include <string>

#include "app.hpp"
#include "style.hpp"
#include "views.hpp"
#include "web.hpp"

namespace {

using namespace simpul::dash;

struct Platform {
    GLFWwindow* window = nullptr;
    float scale = 0;  // devicePixelRatio the fonts and style were built for
    std::unique_ptr<App> app;
    std::string error, last_hash, out;  // `out`: the last string returned to JS
    int frames = 0;
    bool ready = false;
};

// The one instance (the page's lifetime); the exported functions reach it here.
Platform the_platform;
Platform* const platform = &the_platform;

void follow_canvas(Platform& p) {
    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size("#canvas", &css_w, &css_h);
    const double dpr = emscripten_get_device_pixel_ratio();
    const int w = std::max(1, static_cast<int>(std::lround(css_w * dpr)));
    const int h = std::max(1, static_cast<int>(std::lround(css_h * dpr)));
    int cur_w = 0, cur_h = 0;
    glfwGetWindowSize(p.window, &cur_w, &cur_h);
    if (w != cur_w || h != cur_h) glfwSetWindowSize(p.window, w, h);
    if (std::fabs(dpr - p.scale) > 0.01) {
        p.scale = static_cast<float>(dpr);
        apply_style(p.scale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

// The mouse wheel, as the GLFW backend's own Emscripten handler does it, but on
// the canvas: the backend listens on the document, where Chrome makes wheel
// listeners passive and logs an error for each preventDefault.
EM_BOOL on_wheel(int, const EmscriptenWheelEvent* ev, void*) {
    float step = ev->deltaMode == DOM_DELTA_PIXEL  ? 1.0f / 100
                 : ev->deltaMode == DOM_DELTA_LINE ? 1.0f / 3
                                                   : 80.0f;
    ImGui::GetIO().AddMouseWheelEvent(static_cast<float>(-ev->deltaX) * step,
                                      static_cast<float>(-ev->deltaY) * step);
    return EM_TRUE;
}

void carry_out(Platform& p) {
    Requests r = p.app->take_requests();
    if (r.push_history || r.replace_history) {
        std::string h = p.app->to_hash();
        if (h != p.last_hash) {
            r.push_history ? web::push_hash(h) : web::replace_hash(h);
            p.last_hash = h;
        }
    }
    if (!r.download_name.empty())
        web::download(r.download_name, r.download_text, "text/csv;charset=utf-8");
    if (r.switch_language) web::switch_language(p.app->to_hash());
    if (!r.open_url.empty()) web::open_url(r.open_url);
}

void frame(void* arg) {
    Platform& p = *static_cast<Platform*>(arg);
    follow_canvas(p);
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    if (p.app) draw_dashboard(*p.app);
    ImGui::Render();
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(p.window, &fb_w, &fb_h);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!p.app) return;
    carry_out(p);
    // Ready once a frame with the data has been laid out and drawn.
    if (!p.ready && ++p.frames >= 2) {
        p.ready = true;
        web::signal_ready();
    }
}

}  // namespace

extern "C" {

// Called by the page with the data file's bytes as fetched (gzip, or already
// inflated by the server); returns an error message or null.
EMSCRIPTEN_KEEPALIVE const char* dash_load(const std::uint8_t* bytes, int size, const char* lang) {
    Platform& p = *platform;
    Data data;
    if (!read_figures(bytes, static_cast<std::size_t>(size), data, p.error)) return p.error.c_str();
    p.app = std::make_unique<App>(std::move(data), lang ? lang : "id");
    p.app->from_hash(web::hash());
    p.last_hash = p.app->to_hash();
    if (p.last_hash != web::hash()) web::replace_hash(p.last_hash);
    p.app->take_requests();
    return nullptr;
}

// Called with the texts file's bytes (as fetched, like dash_load's) once the
// figures are in (the explorer's titles); returns an error message or null.
EMSCRIPTEN_KEEPALIVE const char* dash_load_texts(const std::uint8_t* bytes, int size) {
    Platform& p = *platform;
    if (!p.app) return "the dashboard data is not loaded";
    if (p.app->load_texts(bytes, static_cast<std::size_t>(size))) return nullptr;
    return p.app->texts_error().c_str();
}

// The texts file could not be fetched (or dash_load_texts failed): the explorer says so.
EMSCRIPTEN_KEEPALIVE void dash_texts_failed(const char* message) {
    Platform& p = *platform;
    if (p.app) p.app->set_texts_error(message ? message : "");
}

// The URL hash changed (back/forward button, a pasted link).
EMSCRIPTEN_KEEPALIVE void dash_hash_changed() {
    Platform& p = *platform;
    if (!p.app) return;
    std::string h = web::hash();
    if (h == p.last_hash) return;
    p.app->from_hash(h);
    p.last_hash = p.app->to_hash();
    p.app->take_requests();
}

EMSCRIPTEN_KEEPALIVE const char* dash_figures_json() {
    Platform& p = *platform;
    p.out = p.app ? p.app->figures_json() : "null";
    return p.out.c_str();
}

// Widget rectangles of the last frame, in canvas pixels.
EMSCRIPTEN_KEEPALIVE const char* dash_rects_json() {
    Platform& p = *platform;
    p.out = p.app ? p.app->rects_json() : "{}";
    return p.out.c_str();
}

}  // extern "C"

int main() {
    if (!glfwInit()) return 1;
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    Platform& p = *platform;
    p.window = glfwCreateWindow(800, 600, "Simpul", nullptr, nullptr);
    if (!p.window) return 1;  // the page checked WebGL2 before loading the app
    glfwMakeContextCurrent(p.window);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no file system, nothing to remember between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui_ImplGlfw_InitForOpenGL(p.window, true);
    emscripten_set_wheel_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, false, nullptr);
    emscripten_set_wheel_callback("#canvas", nullptr, false, on_wheel);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_main_loop_arg(frame, &p, 0, false);
    return 0;
}
