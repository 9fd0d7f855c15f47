// The shared view helpers (ViewContext), the dispatch from page kind to view
// and the fields of the layout every HTML page shares. Record pages are in
// view_records.cpp, listings in view_lists.cpp.
#include "view.hpp"

#include "cards.hpp"
#include "markdown.hpp"

namespace simpul::gen {

// ---- ViewContext -------------------------------------------------------------

ViewContext::ViewContext(const PagePlan& p, const SiteModel& m, const json& strings,
                         const CardCache* cards)
    : plan(p), model(m), cat(m.cat), t(strings), card_cache(cards) {
    for (char c : plan.path)
        if (c == '/') root += "../";
}

std::string language_prefix(const std::string& lang) {
    return lang == "id" ? "" : lang + "/";
}

std::string ViewContext::href(const std::string& site_path) const {
    // Pages link to pages of their own language; `root` reaches the site root.
    std::string out = root + language_prefix(plan.lang) + site_path;
    return out.empty() ? "./" : out;
}

std::string ViewContext::str(const std::string& dotted) const {
    const json* node = ui_string(t, dotted);
    return node ? node->get<std::string>() : dotted;
}

std::string ViewContext::number(long long n) const {
    std::string digits = std::to_string(n < 0 ? -n : n);
    std::string sep = plan.lang == "id" ? "." : ",";
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += sep;
        out += digits[i];
    }
    return n < 0 ? "-" + out : out;
}

std::string ViewContext::date(const std::string& iso) const {
    if (iso.size() < 7) return iso;
    int month = std::stoi(iso.substr(5, 2));
    std::string name = t.contains("months") && t["months"].is_array() && t["months"].size() == 12
                           ? t["months"][month - 1].get<std::string>()
                           : iso.substr(5, 2);
    std::string out = name + " " + iso.substr(0, 4);
    if (iso.size() == 10) out = std::to_string(std::stoi(iso.substr(8, 2))) + " " + out;
    return out;
}

std::string ViewContext::province_href(const std::string& code) const {
    const Province* p = cat.province(code);
    return p ? href("provinsi/" + p->slug + "/index.html") : std::string();
}

std::string ViewContext::body_html(const std::string& markdown, bool* linked) const {
    // Every kind of record link is named after the folder of its pages (checked
    // to exist by validate), so the link is that page's address from here.
    return markdown_to_html(markdown, [&](const std::string& kind, const std::string& id) {
        if (linked) *linked = true;
        return href(kind + "/" + id + "/index.html");
    });
}

json ViewContext::province_ref(const std::string& code) const {
    const Province* p = cat.province(code);
    if (!p) return nullptr;
    return {{"name", p->name}, {"short", p->short_name}, {"href", province_href(code)}};
}

json ViewContext::agency_ref(const std::string& agency_id) const {
    const Agency* a = cat.agency(agency_id);
    if (!a) return nullptr;
    return {{"name", plan.lang == "en" && !a->name_en.empty() ? a->name_en : a->name},
            {"short", a->short_name},
            {"href", href("instansi/" + a->id + "/index.html")}};
}

std::string ViewContext::facet_label(Facet f, const std::string& key) const {
    switch (f) {
        case Facet::Province: {
            const Province* p = cat.province(key);
            return p ? p->name : key;
        }
        case Facet::Sector: {
            const Sector* s = cat.sector(key);
            if (!s) return key;
            return plan.lang == "en" && !s->name_en.empty() ? s->name_en : s->name;
        }
        case Facet::Sdg: {
            const Sdg* s = cat.sdg(std::stoi(key));
            if (!s) return key;
            return key + ". " + (plan.lang == "en" && !s->name_en.empty() ? s->name_en : s->name);
        }
        case Facet::Program: {
            const Program* p = cat.program(key);
            if (!p) return key;
            return plan.lang == "en" && !p->name_en.empty() ? p->name_en : p->name;
        }
        case Facet::Stage:
            return str("stage." + key);
        case Facet::Status:
            return str("status." + key);
        case Facet::Year:
            return key;
    }
    return key;
}

json ViewContext::innovation_card(const Innovation& inn) const {
    bool en = plan.lang == "en";
    json card = {{"title", en && !inn.title_en.empty() ? inn.title_en : inn.title},
                 {"summary", en && !inn.summary_en.empty() ? inn.summary_en : inn.summary},
                 // The language of a text shown untranslated ("id"), else false.
                 {"title_lang", en && inn.title_en.empty() ? "id" : ""},
                 {"summary_lang", en && inn.summary_en.empty() ? "id" : ""},
                 {"href", href("inovasi/" + inn.id + "/index.html")},
                 {"agency", agency_ref(inn.agency)},
                 {"province", province_ref(cat.province_of(inn))}};
    card["year"] = inn.year > 0 ? json(std::to_string(inn.year)) : json(false);
    json sectors = json::array();
    for (const auto& s : inn.sectors)
        sectors.push_back(
            {{"name", facet_label(Facet::Sector, s)},
             {"href", href(facet_term_folder(Facet::Sector, s, model) + "index.html")}});
    card["sectors"] = sectors;
    json awards = json::array();
    for (const auto& a : inn.awards)
        awards.push_back({{"label", facet_label(Facet::Program, a.program) + " " +
                                        std::to_string(a.year) + ": " + a.title}});
    card["awards"] = awards;
    return card;
}

json ViewContext::cards(const std::vector<std::size_t>& idx, int level) const {
    json out = json::array();
    for (std::size_t i : idx)
        out.push_back(card_cache ? json{{"html", card_cache->html(*this, i, level)}}
                                 : innovation_card(cat.innovations[i]));
    return out;
}

json ViewContext::replication_row(const Replication& r) const {
    const Innovation* inn = cat.innovation(r.innovation);
    const Agency* adopter = cat.agency(r.adopter);
    json row = {{"href", href("replikasi/" + r.id + "/index.html")},
                {"year", std::to_string(r.year)},
                {"status", r.status},
                {"status_label", str("replication_status." + r.status)},
                {"adopter", agency_ref(r.adopter)},
                {"notes", r.notes},
                {"innovation", nullptr},
                {"adopter_province", nullptr},
                {"event", nullptr}};
    if (inn)
        row["innovation"] = {
            {"title", plan.lang == "en" && !inn->title_en.empty() ? inn->title_en : inn->title},
            {"href", href("inovasi/" + inn->id + "/index.html")},
            {"province", province_ref(cat.province_of(*inn))}};
    if (adopter) row["adopter_province"] = province_ref(adopter->province);
    if (const Event* e = cat.event(r.event))
        row["event"] = {{"title", e->title}, {"href", href("agenda/" + e->id + "/index.html")}};
    return row;
}

json ViewContext::event_row(const Event& e) const {
    json row = {{"title", plan.lang == "en" && !e.title_en.empty() ? e.title_en : e.title},
                {"href", href("agenda/" + e.id + "/index.html")},
                {"date", date(e.date)},
                {"date_iso", e.date},
                {"type_label", str("event_type." + e.type)},
                {"status_label", str("event_status." + e.status)},
                {"scheduled", e.status == "dijadwalkan"},
                {"mode_label", nullptr},
                {"hub", nullptr}};
    if (e.online) row["mode_label"] = str(*e.online ? "event.online" : "event.offline");
    std::string province = e.province;
    if (const Hub* h = cat.hub(e.hub)) {
        row["hub"] = {{"name", h->name}, {"href", href("hub/" + h->id + "/index.html")}};
        if (province.empty()) province = h->province;
    }
    row["province"] = province_ref(province);
    return row;
}

json ViewContext::hub_row(const Hub& h) const {
    json row = {{"name", plan.lang == "en" && !h.name_en.empty() ? h.name_en : h.name},
                {"href", href("hub/" + h.id + "/index.html")},
                {"kind_label", str("hub_kind." + h.kind)},
                {"established", std::to_string(h.established)},
                {"agency", agency_ref(h.agency)},
                {"province", province_ref(h.province)}};
    row["decree"] =
        h.decree ? json{{"number", h.decree->number}, {"title", h.decree->title}} : json(nullptr);
    return row;
}

json ViewContext::history(const Origin& origin, const std::string& updated) const {
    auto it = model.history.find(origin.path);
    if (it == model.history.end()) {
        if (updated.empty()) return false;
        return {{"last", date(updated)},
                {"first", false},
                {"changes", json::array()},
                {"has_changes", false}};
    }
    const RecordHistory& h = it->second;
    json changes = json::array();
    for (const auto& c : h.changes)
        changes.push_back({{"date", date(c.date)},
                           {"iso", c.date},
                           {"summary", c.summary},
                           {"commit", c.commit}});
    return {{"first", date(h.first_published)},
            {"last", date(h.last_changed)},
            {"changes", changes},
            {"has_changes", !changes.empty()},
            {"more", h.change_count > h.changes.size()}};
}

json ViewContext::sources(const std::vector<Source>& list) const {
    json out = json::array();
    for (const auto& s : list) {
        // Every field present (empty ones become false), so a template never
        // picks up the page's own url or date in their place.
        json item = {{"title", s.title},
                     {"publisher", s.publisher},
                     {"seed", s.seed},
                     {"url", s.url},
                     {"date", s.date.empty() ? std::string() : date(s.date)}};
        out.push_back(item);
    }
    return out;
}

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

json build_view(const PagePlan& plan, const SiteModel& model, const json& strings,
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
    const std::string base = site_base(site);
    bool en = plan.lang == "en";
    // 404.html is served at any depth, so its links are absolute from the site's base.
    std::string root = v.root;
    if (plan.kind == PageKind::NotFound) root = base.empty() ? "/" : base;
    const std::string prefix = language_prefix(plan.lang);
    // The page's path inside its language folder: "inovasi/omspan/index.html".
    const std::string local = plan.path.substr(plan.path.rfind(prefix, 0) == 0 ? prefix.size() : 0);
    auto link = [&](const std::string& p) { return root + prefix + p; };
    view["lang"] = plan.lang;
    // Record bodies are written in Indonesian only: other languages mark them
    // (a view that shows an English body sets body_lang itself).
    if (!view.contains("body_lang")) view["body_lang"] = plan.lang == "id" ? "" : "id";
    view["root"] = root;
    view["site"] = {{"title", en && !site.title_en.empty() ? site.title_en : site.title},
                    {"description",
                     en && !site.description_en.empty() ? site.description_en : site.description},
                    {"licence_name", site.licence_name},
                    {"licence_url", site.licence_url}};
    if (!view.contains("description") || !view["description"].is_string() ||
        view["description"].get_ref<const std::string&>().empty())
        view["description"] = view["site"]["description"];
    view["home_href"] = link("index.html");
    view["css_href"] = root + "assets/style.css";
    view["is_home"] = plan.kind == PageKind::Home;
    static const std::vector<std::pair<std::string, std::string>> nav = {
        {"nav.innovations", "inovasi/"},  {"nav.hubs", "hub/"},
        {"nav.provinces", "provinsi/"},   {"nav.replications", "replikasi/"},
        {"nav.events", "agenda/"},        {"nav.regulations", "regulasi/"},
        {"nav.statistics", "statistik/"}, {"dashboard.nav", "dasbor/"}};
    json items = json::array();
    for (const auto& [key, folder] : nav)
        items.push_back({{"label", v.str(key)},
                         {"href", link(folder + "index.html")},
                         {"current", local.rfind(folder, 0) == 0}});
    view["nav"] = items;
    // The same page in the site's other languages (the language switch) and in
    // every language (hreflang alternates, absolute when the address is known).
    json languages = json::array(), alternates = json::array();
    for (const auto& lang : site.languages) {
        std::string href = root + language_prefix(lang) + local;
        if (lang != plan.lang)
            languages.push_back(
                {{"lang", lang}, {"label", v.str("language_names." + lang)}, {"href", href}});
        alternates.push_back(
            {{"lang", lang}, {"href", base.empty() ? href : base + language_prefix(lang) + local}});
    }
    view["languages"] = languages;
    const bool indexable = plan.kind != PageKind::NotFound && plan.kind != PageKind::Search;
    view["robots_noindex"] = !indexable;
    if (indexable) {
        view["alternates"] = alternates;
        view["x_default_href"] = alternates.empty() ? json(nullptr) : alternates[0]["href"];
        // Canonical: absolute with base_url; otherwise the page's own file name,
        // a relative reference that RFC 6596 allows and that holds on any host.
        view["canonical"] =
            base.empty() ? local.substr(local.rfind('/') + 1) : base + prefix + local;
    }
    view["og"] = {{"type", record_page(plan.kind) ? "article" : "website"},
                  {"title", view.contains("page_title") && plan.kind != PageKind::Home
                                ? view["page_title"]
                                : view["site"]["title"]},
                  {"description", view["description"]},
                  {"site_name", view["site"]["title"]},
                  {"locale", og_locale(plan.lang)},
                  {"url", base.empty() || !indexable ? std::string() : base + prefix + local}};
    json locales = json::array();
    for (const auto& lang : site.languages)
        if (lang != plan.lang) locales.push_back(og_locale(lang));
    view["og"]["locale_alternates"] = locales;
    view["feed_href"] = link("feed.xml");
    view["search_href"] = link("cari/index.html");
    view["statistics_href"] = link("statistik/index.html");
    view["data_href"] = link("data/index.html");
    view["data_json_href"] = root + "data/catalogue.json";
    view["data_csv_href"] = root + "data/innovations.csv";
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

}  // namespace simpul::gen
