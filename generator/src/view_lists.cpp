// Views of the home page, the paginated innovation listings (with facets and
// sort orders), the facet indexes, the directory pages, the search page and
// the sitemap.
#include <cstdlib>

#include "facets.hpp"
#include "markdown.hpp"
#include "search_words.hpp"
#include "url.hpp"
#include "view.hpp"

namespace simpul::gen {
namespace {

// Page links of a listing: the first, the last and two either side of the
// current page, with gaps between (a 500-page listing would otherwise carry
// 500 links on every page).
json pager(const ViewContext& v) {
    const PagePlan& p = v.plan;
    if (p.pages <= 1) return nullptr;
    json pages = json::array();
    int last_shown = 0;
    for (int n = 1; n <= p.pages; ++n) {
        if (n != 1 && n != p.pages && std::abs(n - p.page) > 2) continue;
        if (n > last_shown + 1) pages.push_back({{"gap", true}});
        pages.push_back({{"gap", false},
                         {"number", v.number(n)},
                         {"href", v.href(listing_page_path(p.listing, n, p.sort))},
                         {"current", n == p.page}});
        last_shown = n;
    }
    json out = {{"page", v.number(p.page)}, {"pages", v.number(p.pages)}, {"items", pages}};
    if (p.page > 1) out["prev_href"] = v.href(listing_page_path(p.listing, p.page - 1, p.sort));
    if (p.page < p.pages)
        out["next_href"] = v.href(listing_page_path(p.listing, p.page + 1, p.sort));
    return out;
}

// The orders a listing can be read in, each linking to its first page.
json sort_links(const ViewContext& v) {
    json out = json::array();
    for (const auto& sort : listing_sorts())
        out.push_back({{"label", v.str(sort.empty() ? "sort.newest" : "sort." + sort)},
                       {"href", v.href(listing_page_path(v.plan.listing, 1, sort))},
                       {"current", sort == v.plan.sort}});
    return out;
}

// Links to the facet indexes (sector, SDG, year, stage, award, status).
json facet_links(const ViewContext& v) {
    json facets = json::array();
    for (Facet f : all_facets())
        if (f != Facet::Province)
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
            {"about_html",
             v.body_html(en && !cat.site.about_en.empty() ? cat.site.about_en : cat.site.about)},
            {"about_sources", v.sources(cat.site.about_sources)}};
}

json innovation_list_view(const ViewContext& v) {
    const PagePlan& p = v.plan;
    json view = {{"innovations", v.cards(p.items, 2)},
                 {"total", v.number(static_cast<long long>(p.total))},
                 {"pager", pager(v)},
                 {"sorts", sort_links(v)},
                 {"empty", p.total == 0}};
    std::string title = v.str("list.all_title");
    view["facets"] = json::array();  // browse links, on the whole catalogue's listing only
    if (p.key == "all" && p.listing == "inovasi/") {
        view["facets"] = facet_links(v);
    } else {
        title = v.facet_label(p.facet, p.key);
        view["facet_label"] = v.str(std::string("facet.") + facet_name(p.facet));
        view["facet_index_href"] = v.href(facet_index_folder(p.facet) + "index.html");
        if (p.facet == Facet::Province) view["province_href"] = v.province_href(p.key);
        // The same selection in the search page (filters set from the URL).
        view["search_in_href"] = v.href("cari/index.html") + "?" + facet_search_filter(p.facet) +
                                 "=" + percent_encode(v.facet_label(p.facet, p.key));
    }
    view["title"] = title;
    std::string suffix;
    if (!p.sort.empty()) suffix += ", " + v.str("sort." + p.sort);
    if (p.page > 1) suffix += ", " + v.str("pager.page") + " " + v.number(p.page);
    view["page_title"] = suffix.empty() ? title : title + " (" + suffix.substr(2) + ")";
    view["data_csv_href"] = v.root + "data/innovations.csv";
    view["data_json_href"] = v.root + "data/catalogue.json";
    view["data_page_href"] = v.href("data/index.html");
    return view;
}

json listing_panel_view(const ViewContext& v) {
    // The facet counts of the whole listing (every page): the same on all its
    // pages, which share one folder and so one set of links; made once.
    const PagePlan& p = v.plan;
    json view = json::object();
    if (p.shared) {
        std::call_once(p.shared->panel_once,
                       [&] { p.shared->panel = facet_panel(v, p.shared->items); });
        view["facet_panel"] = p.shared->panel;
    } else {
        view["facet_panel"] = facet_panel(v, {});
    }
    normalise_view(view);
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
    const PagePlan& p = v.plan;
    json rows = json::array();
    for (std::size_t i : p.items) rows.push_back(v.replication_row(v.cat.replications[i]));
    std::string title = v.str("replications.title");
    if (p.page > 1) title += " (" + v.str("pager.page") + " " + v.number(p.page) + ")";
    return {{"page_title", title},
            {"replications", rows},
            {"count", v.number(static_cast<long long>(p.total))},
            {"pager", pager(v)}};
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
    // Every language's pages, each with its other-language versions as
    // xhtml:link alternates. Absolute URLs need the site's address; without
    // base_url the locations are relative to the sitemap (the site root).
    std::shared_ptr<const SitemapShared> sm = v.plan.sitemap;
    if (!sm)  // a plan made by hand: the site's own sitemap
        for (const auto& p : plan_pages(v.model, "id"))
            if (p.kind == PageKind::Sitemap) sm = p.sitemap;
    const std::string base = site_base(v.cat.site);
    if (!sm) return {{"urls", json::array()}};
    if (v.plan.pages > 1 && v.plan.page == 0) {  // the index of the sitemap's files
        json files = json::array();
        for (int k = 1; k <= v.plan.pages; ++k)
            files.push_back({{"loc", base + "sitemap-" + std::to_string(k) + ".xml"}});
        return {{"index", true}, {"files", files}};
    }
    const std::size_t n = sm->paths.size();
    std::size_t first = 0, last = sm->urls();
    if (v.plan.pages > 1) {
        first = static_cast<std::size_t>(v.plan.page - 1) * sm->per_file;
        last = std::min(last, first + sm->per_file);
    }
    json urls = json::array();
    for (std::size_t u = first; u < last; ++u) {
        const std::string& path = sm->paths[u % n];
        json alternates = json::array();
        for (std::size_t o = 0; o < sm->languages.size(); ++o)
            alternates.push_back(
                {{"lang", sm->languages[o]}, {"href", base + sm->prefixes[o] + path}});
        urls.push_back({{"loc", base + sm->prefixes[u / n] + path}, {"alternates", alternates}});
    }
    return {{"urls", urls}};
}

json search_view(const ViewContext& v) {
    // The search page works without JavaScript as a browse page: every facet
    // with its counts, each term linking to its listing. search.js adds the
    // Pagefind search (text, filters with counts, results) on top.
    // Every value the record pages carry (the same labels, so they match the
    // index): provinces all, since hub, agency and event pages carry them too.
    json filters = json::array();
    for (Facet f : all_facets()) {
        json options = json::array();
        for (const auto& [key, n] : facet_terms(v, f))
            if (n > 0 || f == Facet::Province) options.push_back(v.facet_label(f, key));
        filters.push_back(
            {{"name", facet_search_filter(f)},
             {"label",
              f == Facet::Sdg ? v.str("search.sdg") : v.str(std::string("facet.") + facet_name(f))},
             {"options", options}});
    }
    json kinds = json::array();
    for (const char* k :
         {"innovation", "hub", "province", "agency", "replication", "event", "regulation"})
        kinds.push_back(v.str(std::string("kind.") + k));
    filters.push_back({{"name", "type"}, {"label", v.str("search.type")}, {"options", kinds}});
    return {{"page_title", v.str("search.title")},
            {"filters", filters},
            {"browse", browse_groups(v)},
            {"script_href", v.root + "assets/search.js"},
            {"bundle_href", v.root + "pagefind/pagefind.js"},
            {"common_href", v.root + kCommonWordsPath},
            {"innovations_href", v.href("inovasi/index.html")},
            {"hubs_href", v.href("hub/index.html")},
            {"provinces_href", v.href("provinsi/index.html")},
            {"events_href", v.href("agenda/index.html")},
            {"regulations_href", v.href("regulasi/index.html")}};
}

}  // namespace simpul::gen
