// The dashboard's own code (core/datafile, core/filter, wasm-app/app.cpp and
// gunzip.cpp) built with the app's release flags, for the benchmark page: load =
// inflate + decode of the figures file + App (first full compute), texts =
// inflate + decode of the texts file + the explorer's rows in title order,
// change = one filter toggle (every panel recomputed and the explorer's rows
// rebuilt). No ImGui: the data work only.
#include <emscripten.h>

#include <memory>
#include <string>

#include "app.hpp"

namespace {
std::unique_ptr<simpul::dash::App> app;
std::string error;
}  // namespace

extern "C" {

// The parts of the last bench_load: inflate, decode, then the App with its first computation.
double inflate_ms = 0, decode_ms = 0, app_ms = 0;

// Takes the figures file as fetched (gzip), as dash_load does.
EMSCRIPTEN_KEEPALIVE const char* bench_load(const std::uint8_t* bytes, int size) {
    simpul::dash::Data d;
    app.reset();
    double t0 = simpul::dash::now_ms();
    if (!simpul::dash::read_figures(bytes, static_cast<std::size_t>(size), d, error, &inflate_ms))
        return error.c_str();
    double t1 = simpul::dash::now_ms();
    app = std::make_unique<simpul::dash::App>(std::move(d), "id");
    decode_ms = t1 - t0 - inflate_ms;
    app_ms = simpul::dash::now_ms() - t1;
    return nullptr;
}

EMSCRIPTEN_KEEPALIVE double bench_inflate_ms() {
    return inflate_ms;
}
EMSCRIPTEN_KEEPALIVE double bench_decode_ms() {
    return decode_ms;
}
EMSCRIPTEN_KEEPALIVE double bench_app_ms() {
    return app_ms;
}

// Takes the texts file as fetched (gzip), as dash_load_texts does.
EMSCRIPTEN_KEEPALIVE const char* bench_load_texts(const std::uint8_t* bytes, int size) {
    if (!app->load_texts(bytes, static_cast<std::size_t>(size))) return app->texts_error().c_str();
    return nullptr;
}
EMSCRIPTEN_KEEPALIVE double bench_texts_inflate_ms() {
    return app->texts_inflate_ms;
}

EMSCRIPTEN_KEEPALIVE void bench_toggle(int dim, int value) {
    app->toggle(static_cast<simpul::dash::Dim>(dim), static_cast<std::uint32_t>(value));
    app->take_requests();
}

EMSCRIPTEN_KEEPALIVE int bench_selected() {
    return static_cast<int>(app->result().innovations);
}
EMSCRIPTEN_KEEPALIVE int bench_rows() {
    return static_cast<int>(app->rows().size());
}
EMSCRIPTEN_KEEPALIVE int bench_group(int dim, int value) {
    return static_cast<int>(app->result().groups[dim][value]);
}

}  // extern "C"
