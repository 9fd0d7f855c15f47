// The dispatch from page kind to view, and the fields of the layout every
// HTML page has: each page's own (language switch, hreflang, canonical, Open
// Graph) and those shared by a language, depth and section (site name,
// navigation, site-wide links), which a build converts once (shared_view).
#include "view.hpp"

namespace simpul::gen {

// ---- dispatch and layout ---------------------------------------------------------

bool record_page(PageKind k) {
    switch (k) {
        case PageKind::Innovation:
        case PageKind::Hub:
        case PageKind::Province:
        case PageKind::Agency:
        case PageKind::Replication:
        case PageKind::Event:
        case PageKind::Regulation:
            return true;
        default:
            return false;
    }
}

namespace {

// Mustache treats an empty string as true and looks a missing name up in the
// enclosing sections, so an empty or null field of a row could show its
// page's value of the same name. Both become false: the field is then absent
// and its section is skipped. Every list field `x` also gets `has_x` (true
// when not empty), so a template can write a heading or a table head once.
void normalise(json& j) {  // normalise_view()
    if (j.is_object()) {
        auto& fields = j.get_ref<json::object_t&>();
        std::vector<std::pair<std::string, bool>> flags;  // has_<list>, added after the walk
        for (auto& [k, v] : fields) {
            if (v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty())) {
                v = false;
            } else {
                if (v.is_array()) flags.emplace_back("has_" + k, !v.empty());
                normalise(v);
            }
        }
        for (auto& [k, v] : flags) fields.emplace(std::move(k), v);  // never over a field
    } else if (j.is_array()) {
        for (auto& v : j.get_ref<json::array_t&>()) normalise(v);
    }
}

// The UI string naming a record page's kind (the search's "type" filter).
std::string kind_label_key(PageKind k) {
    switch (k) {
        case PageKind::Innovation:
            return "kind.innovation";
        case PageKind::Hub:
            return "kind.hub";
        case PageKind::Province:
            return "kind.province";
        case PageKind::Agency:
            return "kind.agency";
        case PageKind::Replication:
            return "kind.replication";
        case PageKind::Event:
            return "kind.event";
        default:
            return "kind.regulation";
    }
}

std::string og_locale(const std::string& lang) {
    return lang == "id" ? "id_ID" : lang == "en" ? "en_GB" : lang;
}

}  // namespace

void normalise_view(json& view) {
    normalise(view);
}

std::string site_base(const Site& site) {
    std::string base = site.base_url;
    if (!base.empty() && base.back() != '/') base += '/';
    return base;
}

std::string site_title(const Site& site, const std::string& lang) {
    return lang == "en" && !site.title_en.empty() ? site.title_en : site.title;
}

std::string site_description(const Site& site, const std::string& lang) {
    return lang == "en" && !site.description_en.empty() ? site.description_en : site.description;
}

namespace {

// Where a page sits: the site's address, the way from the page to the site
// root, its language's folder and its path inside that folder.
struct Place {
    std::string base;    // "https://…/" or ""
    std::string root;    // "../../"; 404.html's links are absolute from the base
    std::string prefix;  // "en/"
    std::string local;   // "inovasi/omspan/index.html"
};

Place place_of(const PagePlan& plan, const Site& site) {
    Place p{site_base(site), root_of(plan.path), language_prefix(plan.lang), {}};
    // 404.html is served at any depth, so its links are absolute from the site's base.
    if (plan.kind == PageKind::NotFound) p.root = p.base.empty() ? "/" : p.base;
    p.local = plan.path.substr(plan.path.rfind(p.prefix, 0) == 0 ? p.prefix.size() : 0);
    return p;
}

// The site navigation: UI string and folder of each entry.
const std::vector<std::pair<std::string, std::string>>& nav_entries() {
    static const std::vector<std::pair<std::string, std::string>> nav = {
        {"nav.innovations", "inovasi/"},  {"nav.hubs", "hub/"},
        {"nav.provinces", "provinsi/"},   {"nav.replications", "replikasi/"},
        {"nav.events", "agenda/"},        {"nav.regulations", "regulasi/"},
        {"nav.statistics", "statistik/"}, {"dashboard.nav", "dasbor/"}};
    return nav;
}

// Pages whose view build_view makes with the layout's fields (the others are
// feeds, sitemaps, robots.txt, and the dashboard's page, made elsewhere).
bool has_layout_fields(PageKind k) {
    return k != PageKind::Feed && k != PageKind::Sitemap && k != PageKind::Robots &&
           k != PageKind::Dashboard;
}

}  // namespace

json page_view(const PagePlan& plan, const SiteModel& model, const json& strings,
               const CardCache* cards) {
    ViewContext v(plan, model, strings, cards);
    json view;
    switch (plan.kind) {
        case PageKind::Home:
            view = home_view(v);
            break;
        case PageKind::InnovationList:
            view = innovation_list_view(v);
            break;
        case PageKind::Innovation:
            view = innovation_view(v);
            break;
        case PageKind::HubIndex:
            view = hub_index_view(v);
            break;
        case PageKind::Hub:
            view = hub_view(v);
            break;
        case PageKind::ProvinceIndex:
            view = province_index_view(v);
            break;
        case PageKind::Province:
            view = province_view(v);
            break;
        case PageKind::FacetIndex:
            view = facet_index_view(v);
            break;
        case PageKind::AgencyIndex:
            view = agency_index_view(v);
            break;
        case PageKind::Agency:
            view = agency_view(v);
            break;
        case PageKind::ReplicationIndex:
            view = replication_index_view(v);
            break;
        case PageKind::Replication:
            view = replication_view(v);
            break;
        case PageKind::EventIndex:
            view = event_index_view(v);
            break;
        case PageKind::Event:
            view = event_view(v);
            break;
        case PageKind::RegulationIndex:
            view = regulation_index_view(v);
            break;
        case PageKind::Regulation:
            view = regulation_view(v);
            break;
        case PageKind::NotFound:
            view = {{"page_title", v.str("notfound.title")}};
            break;
        case PageKind::Search:
            view = search_view(v);
            break;
        case PageKind::Statistics:
            view = statistics_view(v);
            break;
        case PageKind::OpenData:
            view = opendata_view(v);
            break;
        case PageKind::Feed:
            return feed_view(v);
        case PageKind::Sitemap:
            return sitemap_view(v);
        case PageKind::Dashboard:
            return {};  // not planned here: write_dashboard() builds its view
        case PageKind::Robots: {
            // Mustache takes "" as true: no address, no Sitemap line.
            std::string base = site_base(model.cat.site);
            if (base.empty()) return {{"sitemap", false}};
            return {{"sitemap", base + "sitemap.xml"}};
        }
    }
    const Site& site = model.cat.site;
    const Place at = place_of(plan, site);
    const std::string title = site_title(site, plan.lang);
    view["lang"] = plan.lang;
    // Record bodies are written in Indonesian only: other languages mark them
    // (a view that shows an English body sets body_lang itself).
    if (!view.contains("body_lang")) view["body_lang"] = plan.lang == "id" ? "" : "id";
    view["root"] = at.root;
    if (!view.contains("description") || !view["description"].is_string() ||
        view["description"].get_ref<const std::string&>().empty())
        view["description"] = site_description(site, plan.lang);
    view["is_home"] = plan.kind == PageKind::Home;
    // The same page in the site's other languages (the language switch) and in
    // every language (hreflang alternates, absolute when the address is known).
    json languages = json::array(), alternates = json::array();
    for (const auto& lang : site.languages) {
        std::string href = at.root + language_prefix(lang) + at.local;
        if (lang != plan.lang)
            languages.push_back(
                {{"lang", lang}, {"label", v.str("language_names." + lang)}, {"href", href}});
        alternates.push_back(
            {{"lang", lang},
             {"href", at.base.empty() ? href : at.base + language_prefix(lang) + at.local}});
    }
    view["languages"] = languages;
    const bool indexable = plan.kind != PageKind::NotFound && plan.kind != PageKind::Search;
    view["robots_noindex"] = !indexable;
    if (indexable) {
        view["alternates"] = alternates;
        view["x_default_href"] = alternates.empty() ? json(nullptr) : alternates[0]["href"];
        // Canonical: absolute with base_url; otherwise the page's own file name,
        // a relative reference that RFC 6596 allows and that holds on any host.
        view["canonical"] = at.base.empty() ? at.local.substr(at.local.rfind('/') + 1)
                                            : at.base + at.prefix + at.local;
    }
    view["og"] = {
        {"type", record_page(plan.kind) ? "article" : "website"},
        {"title", view.contains("page_title") && plan.kind != PageKind::Home ? view["page_title"]
                                                                             : json(title)},
        {"description", view["description"]},
        {"site_name", title},
        {"locale", og_locale(plan.lang)},
        {"url", at.base.empty() || !indexable ? std::string() : at.base + at.prefix + at.local}};
    json locales = json::array();
    for (const auto& lang : site.languages)
        if (lang != plan.lang) locales.push_back(og_locale(lang));
    view["og"]["locale_alternates"] = locales;
    // Pagefind indexes record pages only (data-pagefind-body on <main>); listing
    // pages repeat their records' cards and would only add noise.
    view["search_indexed"] = record_page(plan.kind);
    view["search_page"] = plan.kind == PageKind::Search;
    if (record_page(plan.kind)) {
        json filters = view.contains("search_filters") ? view["search_filters"] : json::array();
        filters.push_back({{"name", "type"}, {"value", v.str(kind_label_key(plan.kind))}});
        view["search_filters"] = filters;
    } else {
        view["search_filters"] = json::array();
    }
    normalise(view);
    return view;
}

json shared_view(const PagePlan& plan, const SiteModel& model, const json& strings) {
    ViewContext v(plan, model, strings);
    const Site& site = model.cat.site;
    const Place at = place_of(plan, site);
    auto link = [&](const std::string& p) { return at.root + at.prefix + p; };
    json view = {{"site",
                  {{"title", site_title(site, plan.lang)},
                   {"description", site_description(site, plan.lang)},
                   {"licence_name", site.licence_name},
                   {"licence_url", site.licence_url}}},
                 {"home_href", link("index.html")},
                 {"css_href", at.root + "assets/style.css"},
                 {"feed_href", link("feed.xml")},
                 {"search_href", link("cari/index.html")},
                 {"statistics_href", link("statistik/index.html")},
                 {"data_href", link("data/index.html")},
                 {"data_json_href", at.root + "data/catalogue.json"},
                 {"data_csv_href", at.root + "data/innovations.csv"}};
    json items = json::array();
    for (const auto& [key, folder] : nav_entries())
        items.push_back({{"label", v.str(key)},
                         {"href", link(folder + "index.html")},
                         {"current", at.local.rfind(folder, 0) == 0}});
    view["nav"] = items;
    normalise(view);
    return view;
}

std::string shared_view_key(const PagePlan& plan, const SiteModel& model) {
    if (!has_layout_fields(plan.kind)) return {};
    const Place at = place_of(plan, model.cat.site);
    std::string key = plan.lang + '\n' + at.root + '\n';
    for (const auto& entry : nav_entries()) key += at.local.rfind(entry.second, 0) == 0 ? '1' : '0';
    return key;
}

json build_view(const PagePlan& plan, const SiteModel& model, const json& strings,
                const CardCache* cards) {
    json view = page_view(plan, model, strings, cards);
    if (!has_layout_fields(plan.kind)) return view;
    json shared = shared_view(plan, model, strings);
    if (plan.kind == PageKind::InnovationList)
        shared.update(listing_panel_view(ViewContext(plan, model, strings, cards)));
    for (auto& [key, value] : shared.items()) view[key] = std::move(value);
    return view;
}

}  // namespace simpul::gen
