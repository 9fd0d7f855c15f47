// The dashboard's outputs: its data files (data/dashboard.bin.gz with the figures,
// data/dashboard-texts.bin.gz with the innovations' titles; core/datafile),
// the figures the generator computes for the same content with core/stats
// (data/dashboard-figures.json, which the browser test compares with the app),
// the page of each language (dasbor/, en/dasbor/) and the built app (js + wasm).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "gzip.hpp"
#include "templates.hpp"
#include "write.hpp"

namespace simpul::gen {

// Paths in the output. The data files are gzip-compressed (3x smaller); the
// dashboard inflates them with libdeflate in its own memory (wasm-app/gunzip.cpp).
inline constexpr const char* kDashboardData = "data/dashboard.bin.gz";
inline constexpr const char* kDashboardTexts = "data/dashboard-texts.bin.gz";
inline constexpr const char* kDashboardFigures = "data/dashboard-figures.json";
inline constexpr const char* kDashboardFolder = "dasbor/";
// The app's files, as the wasm build (wasm-app/) names them.
inline constexpr const char* kDashboardAppFiles[] = {"simpul-dasbor.js", "simpul-dasbor.wasm"};

// Where the built app is: $SIMPUL_DASHBOARD_APP, else the build folder ./dev uses
// (build/wasm of the source tree this generator was compiled from).
std::filesystem::path dashboard_app_dir();

// The `dashboard:` section of a language's UI strings, flattened: "panel.map" -> text.
std::vector<std::pair<std::string, std::string>> dashboard_strings(const nlohmann::json& strings);

// The data files' bytes for the model (uncompressed).
struct DashboardData {
    std::string figures, texts;
};
DashboardData dashboard_data(const SiteModel& model, const SiteTemplate& tmpl);

// Writes `bytes` gzip-compressed at `level` (gzip.hpp) to `rel`. Compressing is
// most of the dashboard job's time, so when the bytes and the level are the ones
// the last build wrote there (and the same simpul), its file is taken as it is
// (StagedOutput::reuse).
void write_gzipped(StagedOutput& out, const std::string& rel, const std::string& bytes,
                   int level = kGzipSmallest);

// Headline figures, per-facet and per-province counts, computed with core/stats.
nlohmann::json dashboard_figures(const SiteModel& model);

// Writes every dashboard output into `out`, its data files gzipped at `level`.
// The page is skipped when the template folder has no dashboard.html; the app's
// files when they are not built.
void write_dashboard(const SiteModel& model, const SiteTemplate& tmpl,
                     const std::vector<std::string>& languages, StagedOutput& out,
                     int level = kGzipSmallest);

}  // namespace simpul::gen
