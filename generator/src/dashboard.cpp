// Writes the dashboard's data file, its reference figures, its pages and the
// built app. The figures use core/stats (not core/filter, which the app runs),
// so the browser test compares two independent computations of one content.
#include "dashboard.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

#include "datafile.hpp"
#include "deps.hpp"
#include "stats.hpp"

#ifndef SIMPUL_DASHBOARD_APP_DIR
#define SIMPUL_DASHBOARD_APP_DIR "build/wasm"
#endif

namespace simpul::gen {
namespace fs = std::filesystem;
using json = nlohmann::json;

fs::path dashboard_app_dir() {
    if (const char* env = std::getenv("SIMPUL_DASHBOARD_APP"); env && *env) return env;
    return SIMPUL_DASHBOARD_APP_DIR;
}

namespace {

void flatten(const json& j, const std::string& prefix,
             std::vector<std::pair<std::string, std::string>>& out) {
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) flatten(v, prefix.empty() ? k : prefix + "." + k, out);
    } else if (j.is_string()) {
        out.emplace_back(prefix, j.get<std::string>());
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i)
            flatten(j[i], prefix + "." + std::to_string(i), out);
    }
}

std::string prefix_of(const std::string& lang) {
    return lang == "id" ? "" : lang + "/";
}

}  // namespace

std::vector<std::pair<std::string, std::string>> dashboard_strings(const json& strings) {
    std::vector<std::pair<std::string, std::string>> out;
    if (strings.is_object() && strings.contains("dashboard"))
        flatten(strings["dashboard"], "", out);
    // Names the app shows that the site already translates.
    for (const char* section : {"stage", "status", "hub_kind", "replication_status", "event_type"})
        if (strings.is_object() && strings.contains(section))
            flatten(strings[section], section, out);
    return out;
}

DashboardData dashboard_data(const SiteModel& model, const SiteTemplate& tmpl) {
    dash::Data d = dash::from_catalogue(model.cat, dashboard_strings(tmpl.strings("id")),
                                        dashboard_strings(tmpl.strings("en")));
    dash::Files files = dash::encode_files(d);
    return {std::move(files.figures), std::move(files.texts)};
}

json dashboard_figures(const SiteModel& model) {
    const Catalogue& cat = model.cat;
    json f;
    f["innovations"] = cat.innovations.size();
    f["replications"] = cat.replications.size();
    f["events"] = cat.events.size();
    std::size_t daerah = 0, kl = 0;
    for (const auto& h : cat.hubs) (h.kind == "kl" ? kl : daerah)++;
    f["hubs"] = cat.hubs.size();
    f["hubs_daerah"] = daerah;
    f["hubs_kl"] = kl;

    static const std::pair<Facet, const char*> facets[] = {
        {Facet::Province, "prov"}, {Facet::Sector, "sector"}, {Facet::Sdg, "sdg"},
        {Facet::Stage, "stage"},   {Facet::Status, "status"}, {Facet::Year, "year"},
        {Facet::Program, "award"}};
    json by = json::object();
    for (const auto& [facet, name] : facets) {
        json counts = json::object();
        for (const auto& [key, rows] : model.facets.at(facet)) counts[key] = rows.size();
        by[name] = counts;
    }
    f["by"] = by;

    json hubs_per_year_rows = json::array();
    for (const auto& row : hubs_per_year(cat))
        hubs_per_year_rows.push_back({row.year, row.cumulative_daerah, row.cumulative_kl});
    f["hubs_per_year"] = hubs_per_year_rows;
    json flows = json::array();
    for (const auto& fl : replication_flows(cat))
        flows.push_back({fl.from_province, fl.to_province, fl.count});
    f["flows"] = flows;

    // What the dashboard shows when one province is selected: each record
    // counted once under every province it belongs to.
    std::map<std::string, std::size_t> hubs, reps, events;
    for (const auto& h : cat.hubs) {
        std::string code = h.province;
        if (code.empty())
            if (const Agency* a = cat.agency(h.agency)) code = a->province;
        if (h.kind != "kl") ++hubs[code];
    }
    for (const auto& r : cat.replications) {
        const Innovation* inn = cat.innovation(r.innovation);
        const Agency* adopter = cat.agency(r.adopter);
        const std::string from = inn ? cat.province_of(*inn) : std::string();
        if (inn) ++reps[from];  // the innovation's province, and the adopter's if another
        if (adopter && (!inn || adopter->province != from)) ++reps[adopter->province];
    }
    for (const auto& e : cat.events) {
        std::string code = e.province;
        if (code.empty())
            if (const Hub* h = cat.hub(e.hub)) code = h->province;
        ++events[code];
    }
    auto count = [](const std::map<std::string, std::size_t>& counts, const std::string& code) {
        auto it = counts.find(code);
        return it == counts.end() ? std::size_t{0} : it->second;
    };
    const Index& groups = model.facets.at(Facet::Province);
    json provinces = json::object();
    for (const auto& p : cat.provinces) {
        json pf;
        auto it = groups.find(p.code);
        pf["innovations"] = it == groups.end() ? 0 : it->second.size();
        pf["hubs"] = count(hubs, p.code);
        pf["replications"] = count(reps, p.code);
        pf["events"] = count(events, p.code);
        provinces[p.code] = pf;
    }
    f["province"] = provinces;
    return f;
}

void write_gzipped(StagedOutput& out, const std::string& rel, const std::string& bytes, int level) {
    const std::uint64_t fingerprint =
        mix(mix(program_fingerprint(), static_cast<std::uint64_t>(level)),
            std::hash<std::string>{}(bytes)) |
        1;
    if (!out.reuse(rel, fingerprint)) out.write(rel, gzip(bytes, level), fingerprint);
}

void write_dashboard(const SiteModel& model, const SiteTemplate& tmpl,
                     const std::vector<std::string>& languages, StagedOutput& out, int level) {
    DashboardData data = dashboard_data(model, tmpl);
    write_gzipped(out, kDashboardData, data.figures, level);
    write_gzipped(out, kDashboardTexts, data.texts, level);
    out.write(kDashboardFigures, dashboard_figures(model).dump(1) + "\n");

    fs::path app = dashboard_app_dir();
    std::error_code ec;
    bool app_built = true;
    for (const char* file : kDashboardAppFiles)
        app_built = app_built && fs::is_regular_file(app / file, ec);
    if (app_built)
        for (const char* file : kDashboardAppFiles)
            out.copy(app / file, std::string(kDashboardFolder) + file);

    const Site& site = model.cat.site;
    for (const auto& lang : languages) {
        std::string path = prefix_of(lang) + kDashboardFolder + "index.html";
        std::string root;
        for (char c : path)
            if (c == '/') root += "../";
        bool en = lang == "en";
        json view;
        view["lang"] = lang;
        view["root"] = root;
        view["site_title"] = en && !site.title_en.empty() ? site.title_en : site.title;
        view["css_href"] = root + "assets/style.css";
        view["home_href"] = root + prefix_of(lang) + "index.html";
        view["statistics_href"] = root + prefix_of(lang) + "statistik/index.html";
        view["app_href"] = root + kDashboardFolder;
        view["data_href"] = root + kDashboardData;
        view["texts_href"] = root + kDashboardTexts;
        view["app_built"] = app_built;
        json others = json::array();
        for (const auto& other : languages)
            if (other != lang) {
                const json& s = tmpl.strings(lang);
                std::string label = other;
                if (s.contains("language_names") && s["language_names"].contains(other))
                    label = s["language_names"][other].get<std::string>();
                others.push_back(
                    {{"lang", other},
                     {"label", label},
                     {"href", root + prefix_of(other) + kDashboardFolder + "index.html"}});
            }
        view["languages"] = others;
        out.write(path, tmpl.render(PageKind::Dashboard, std::move(view), lang));
    }
}

}  // namespace simpul::gen
