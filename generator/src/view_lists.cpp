// Views of the home page, the paginated innovation listings, the facet
// indexes (sector, SDG, year, stage, award), the directory pages and the sitemap.
#include "view.hpp"

#include "markdown.hpp"

namespace simpul::gen {
namespace {

const char* facet_name(Facet f) {
    switch (f) {
        case Facet::Province:
            return "province";
        case Facet::Sector:
            return "sector";
        case Facet::Sdg:
            return "sdg";
        case Facet::Year:
            return "year";
        case Facet::Stage:
            return "stage";
        case Facet::Program:
            return "program";
        case Facet::Status:
            return "status";
    }
    return "";
}

std::string facet_index_folder(Facet f) {
    switch (f) {
        case Facet::Sector:
            return "sektor/";
        case Facet::Sdg:
            return "sdg/";
        case Facet::Year:
            return "tahun/";
        case Facet::Stage:
            return "tahap/";
        case Facet::Program:
            return "penghargaan/";
        default:
            return "provinsi/";
    }
}

// Terms of a facet in display order, each with its count (zero counts kept
// for closed vocabularies, so a reader sees what is missing).
std::vector<std::pair<std::string, std::size_t>> facet_terms(const ViewContext& v, Facet f) {
    const Index& groups = v.model.facets.at(f);
    auto count = [&](const std::string& k) {
        auto it = groups.find(k);
        return it == groups.end() ? std::size_t{0} : it->second.size();
    };
    std::vector<std::pair<std::string, std::size_t>> out;
    switch (f) {
        case Facet::Province:
            for (const auto& p : v.cat.provinces) out.emplace_back(p.code, count(p.code));
            break;
        case Facet::Sector:
            for (const auto& s : v.cat.sectors) out.emplace_back(s.id, count(s.id));
            break;
        case Facet::Sdg:
            for (const auto& s : v.cat.sdgs)
                out.emplace_back(std::to_string(s.number), count(std::to_string(s.number)));
            break;
        case Facet::Stage:
            for (const char* s : {"penciptaan", "pengembangan", "pelembagaan"})
                out.emplace_back(s, count(s));
            break;
        case Facet::Program:
            for (const auto& p : v.cat.programs) out.emplace_back(p.id, count(p.id));
            break;
        case Facet::Year:
        case Facet::Status:
            for (auto it = groups.rbegin(); it != groups.rend(); ++it)
                out.emplace_back(it->first, it->second.size());
            break;
    }
    return out;
}

json pager(const ViewContext& v) {
    const PagePlan& p = v.plan;
    if (p.pages <= 1) return nullptr;
    json pages = json::array();
    for (int n = 1; n <= p.pages; ++n)
        pages.push_back({{"number", v.number(n)},
                         {"href", v.href(listing_page_path(p.listing, n))},
                         {"current", n == p.page}});
    json out = {{"page", v.number(p.page)}, {"pages", v.number(p.pages)}, {"items", pages}};
    if (p.page > 1) out["prev_href"] = v.href(listing_page_path(p.listing, p.page - 1));
    if (p.page < p.pages) out["next_href"] = v.href(listing_page_path(p.listing, p.page + 1));
    return out;
}

// Links to the facet indexes (sector, SDG, year, stage, award).
json facet_links(const ViewContext& v) {
    json facets = json::array();
    for (Facet f : {Facet::Sector, Facet::Sdg, Facet::Year, Facet::Stage, Facet::Program})
        facets.push_back({{"label", v.str(std::string("facet.") + facet_name(f))},
                          {"href", v.href(facet_index_folder(f) + "index.html")}});
    return facets;
}

}  // namespace

json home_view(const ViewContext& v) {
    const Catalogue& cat = v.cat;
    bool en = v.plan.lang == "en";
    json figures = json::array();
    for (const auto& f : cat.site.figures)
        figures.push_back({{"label", en && !f.label_en.empty() ? f.label_en : f.label},
                           {"value", v.number(f.value)},
                           {"as_of", std::to_string(f.as_of)},
                           {"sources", v.sources(f.sources)}});
    std::size_t hub_provinces = v.model.hubs_by_province.size();
    json counts = json::array({
        {{"label", v.str("home.count_innovations")},
         {"value", v.number(static_cast<long long>(cat.innovations.size()))},
         {"href", v.href("inovasi/index.html")}},
        {{"label", v.str("home.count_hubs")},
         {"value", v.number(static_cast<long long>(cat.hubs.size()))},
         {"href", v.href("hub/index.html")}},
        {{"label", v.str("home.count_hub_provinces")},
         {"value", v.number(static_cast<long long>(hub_provinces))},
         {"href", v.href("provinsi/index.html")}},
        {{"label", v.str("home.count_replications")},
         {"value", v.number(static_cast<long long>(cat.replications.size()))},
         {"href", v.href("replikasi/index.html")}},
        {{"label", v.str("home.count_events")},
         {"value", v.number(static_cast<long long>(cat.events.size()))},
         {"href", v.href("agenda/index.html")}},
        {{"label", v.str("home.count_agencies")},
         {"value", v.number(static_cast<long long>(cat.agencies.size()))},
         {"href", v.href("instansi/index.html")}},
    });
    std::vector<std::size_t> newest(
        v.model.newest_innovations.begin(),
        v.model.newest_innovations.begin() +
            std::min<std::size_t>(6, v.model.newest_innovations.size()));
    json hubs = json::array();
    for (const auto& h : cat.hubs) hubs.push_back(v.hub_row(h));
    json events = json::array();
    std::vector<const Event*> ev;
    for (const auto& e : cat.events) ev.push_back(&e);
    std::stable_sort(ev.begin(), ev.end(),
                     [](const Event* a, const Event* b) { return a->date > b->date; });
    for (std::size_t i = 0; i < ev.size() && i < 5; ++i) events.push_back(v.event_row(*ev[i]));
    json facets = facet_links(v);
    return {{"page_title", v.str("home.title")},
            {"innovations_href", v.href("inovasi/index.html")},
            {"hubs_href", v.href("hub/index.html")},
            {"events_href", v.href("agenda/index.html")},
            {"figures", figures},
            {"counts", counts},
            {"newest", v.cards(newest)},
            {"hubs", hubs},
            {"events", events},
            {"facets", facets},
            {"about_html", markdown_to_html(en && !cat.site.about_en.empty() ? cat.site.about_en
                                                                             : cat.site.about)},
            {"about_sources", v.sources(cat.site.about_sources)}};
}

json innovation_list_view(const ViewContext& v) {
    const PagePlan& p = v.plan;
    json view = {{"innovations", v.cards(p.items)},
                 {"total", v.number(static_cast<long long>(p.total))},
                 {"pager", pager(v)},
                 {"empty", p.total == 0}};
    std::string title = v.str("list.all_title");
    view["facets"] = json::array();  // browse links, on the whole catalogue's listing only
    if (p.key == "all" && p.listing == "inovasi/") {
        view["facets"] = facet_links(v);
    } else {
        title = v.facet_label(p.facet, p.key);
        view["facet_label"] = v.str(std::string("facet.") + facet_name(p.facet));
        view["facet_index_href"] =
            v.href(p.facet == Facet::Province ? "provinsi/index.html"
                                              : facet_index_folder(p.facet) + "index.html");
        if (p.facet == Facet::Province) view["province_href"] = v.province_href(p.key);
    }
    view["title"] = title;
    view["page_title"] =
        p.page > 1 ? title + " (" + v.str("pager.page") + " " + v.number(p.page) + ")" : title;
    return view;
}

json facet_index_view(const ViewContext& v) {
    Facet f = v.plan.facet;
    json terms = json::array();
    std::size_t max = 1;
    auto list = facet_terms(v, f);
    for (const auto& [k, n] : list) max = std::max(max, n);
    for (const auto& [k, n] : list)
        terms.push_back({{"label", v.facet_label(f, k)},
                         {"count", v.number(static_cast<long long>(n))},
                         {"href", v.href(facet_term_folder(f, k, v.model) + "index.html")},
                         {"percent", std::to_string(n * 100 / max)},
                         {"empty", n == 0}});
    std::string title = v.str(std::string("facet.") + facet_name(f));
    return {{"title", title},
            {"page_title", title},
            {"terms", terms},
            {"intro", v.str(std::string("facet_intro.") + facet_name(f))}};
}

json hub_index_view(const ViewContext& v) {
    // Grouped by cohort (year established), newest cohort last, as the network grew.
    std::map<int, json> cohorts;
    for (const auto& h : v.cat.hubs) cohorts[h.established].push_back(v.hub_row(h));
    json groups = json::array();
    for (auto& [year, rows] : cohorts)
        groups.push_back({{"year", std::to_string(year)},
                          {"count", v.number(static_cast<long long>(rows.size()))},
                          {"hubs", rows}});
    json figures = json::array();
    for (const auto& f : v.cat.site.figures)
        figures.push_back(
            {{"label", v.plan.lang == "en" && !f.label_en.empty() ? f.label_en : f.label},
             {"value", v.number(f.value)},
             {"sources", v.sources(f.sources)}});
    return {{"page_title", v.str("hubs.title")},
            {"cohorts", groups},
            {"count", v.number(static_cast<long long>(v.cat.hubs.size()))},
            {"figures", figures}};
}

json province_index_view(const ViewContext& v) {
    json provinces = json::array();
    const Index& by_province = v.model.facets.at(Facet::Province);
    int max_col = 0, max_row = 0;
    std::size_t max_n = 1;
    for (const auto& [code, list] : by_province) max_n = std::max(max_n, list.size());
    for (const auto& p : v.cat.provinces) {
        auto it = by_province.find(p.code);
        std::size_t n = it == by_province.end() ? 0 : it->second.size();
        // Shade of the tile: 0 without innovations, 1..4 up to the busiest province.
        std::size_t level = n == 0 ? 0 : std::min<std::size_t>(4, 1 + (n * 4 - 1) / max_n);
        bool has_hub = v.model.hubs_by_province.count(p.code) > 0;
        max_col = std::max(max_col, p.tile_col);
        max_row = std::max(max_row, p.tile_row);
        provinces.push_back({{"name", p.name},
                             {"short", p.short_name},
                             {"code", p.code},
                             {"href", v.href("provinsi/" + p.slug + "/index.html")},
                             {"innovations", v.number(static_cast<long long>(n))},
                             {"has_hub", has_hub},
                             {"level", std::to_string(level)},
                             {"col", std::to_string(p.tile_col + 1)},
                             {"row", std::to_string(p.tile_row + 1)}});
    }
    return {{"page_title", v.str("provinces.title")},
            {"provinces", provinces},
            {"cols", std::to_string(max_col + 1)},
            {"rows", std::to_string(max_row + 1)}};
}

json agency_index_view(const ViewContext& v) {
    json agencies = json::array();
    for (const auto& a : v.cat.agencies) {
        json row = v.agency_ref(a.id);
        row["type_label"] = v.str("agency_type." + a.type);
        row["province"] = v.province_ref(a.province);
        agencies.push_back(row);
    }
    return {{"page_title", v.str("agencies.title")}, {"agencies", agencies}};
}

json replication_index_view(const ViewContext& v) {
    std::vector<const Replication*> list;
    for (const auto& r : v.cat.replications) list.push_back(&r);
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->year > b->year; });
    json rows = json::array();
    for (const auto* r : list) rows.push_back(v.replication_row(*r));
    return {{"page_title", v.str("replications.title")},
            {"replications", rows},
            {"count", v.number(static_cast<long long>(rows.size()))}};
}

json event_index_view(const ViewContext& v) {
    std::vector<const Event*> list;
    for (const auto& e : v.cat.events) list.push_back(&e);
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->date > b->date; });
    json rows = json::array();
    for (const auto* e : list) rows.push_back(v.event_row(*e));
    return {{"page_title", v.str("events.title")}, {"events", rows}};
}

json regulation_index_view(const ViewContext& v) {
    json rows = json::array();
    std::vector<const Regulation*> list;
    for (const auto& r : v.cat.regulations) list.push_back(&r);
    std::stable_sort(list.begin(), list.end(), [](auto* a, auto* b) { return a->year > b->year; });
    for (const auto* r : list)
        rows.push_back(
            {{"title", v.plan.lang == "en" && !r->title_en.empty() ? r->title_en : r->title},
             {"number", r->number},
             {"year", std::to_string(r->year)},
             {"type", r->type},
             {"href", v.href("regulasi/" + r->id + "/index.html")}});
    return {{"page_title", v.str("regulations.title")}, {"regulations", rows}};
}

json sitemap_view(const ViewContext& v) {
    // Absolute URLs need the site's address; without base_url the sitemap lists
    // site-relative paths, which crawlers resolve against the sitemap's own URL.
    std::string base = v.cat.site.base_url;
    if (!base.empty() && base.back() != '/') base += '/';
    json urls = json::array();
    for (const auto& p : plan_pages(v.model, v.plan.lang)) {
        if (p.kind == PageKind::Sitemap || p.kind == PageKind::Robots ||
            p.kind == PageKind::NotFound)
            continue;
        std::string loc = p.path;
        // Without an address, paths are relative to this sitemap's own folder.
        std::string prefix = v.plan.lang == "id" ? "" : v.plan.lang + "/";
        if (base.empty() && loc.rfind(prefix, 0) == 0) loc.erase(0, prefix.size());
        if (loc.size() >= 10 && loc.compare(loc.size() - 10, 10, "index.html") == 0)
            loc.erase(loc.size() - 10);
        urls.push_back({{"loc", base.empty() && loc.empty() ? "./" : base + loc}});
    }
    return {{"urls", urls}};
}

}  // namespace simpul::gen
