// The dashboard's own code (core/datafile, core/filter, wasm-app/app.cpp) built
// with the app's release flags, for the benchmark page: load = decode + App
// (first full compute), change = one filter toggle (every panel recomputed and
// the explorer's rows rebuilt). No ImGui: this measures the data work only.
#include <emscripten.h>

#include <memory>
#include <string>

#include "app.hpp"

namespace {
std::unique_ptr<simpul::dash::App> app;
std::string error;
}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* bench_load(const std::uint8_t* bytes, int size) {
    simpul::dash::Data d;
    app.reset();
    if (!simpul::dash::decode(bytes, static_cast<std::size_t>(size), d, error))
        return error.c_str();
    app = std::make_unique<simpul::dash::App>(std::move(d), "id");
    return nullptr;
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
