// Views of single-record pages (innovation, hub, province, agency,
// replication, event, regulation), the shared view helpers and the dispatch
// from page kind to view, which also adds the layout's fields.
#include "view.hpp"

#include "markdown.hpp"

namespace simpul::gen {

// ---- ViewContext -------------------------------------------------------------

ViewContext::ViewContext(const PagePlan& p, const SiteModel& m, const json& strings)
    : plan(p), model(m), cat(m.cat), t(strings) {
    for (char c : plan.path)
        if (c == '/') root += "../";
}

// The folder of a language's pages below the site root: "" for Indonesian
// (the primary language, as in plan_pages), "en/" for English.
static std::string language_prefix(const std::string& lang) {
    return lang == "id" ? "" : lang + "/";
}

std::string ViewContext::href(const std::string& site_path) const {
    // Pages link to pages of their own language; `root` reaches the site root.
    std::string out = root + language_prefix(plan.lang) + site_path;
    return out.empty() ? "./" : out;
}

std::string ViewContext::str(const std::string& dotted) const {
    const json* node = &t;
    std::size_t start = 0;
    while (start <= dotted.size()) {
        std::size_t dot = dotted.find('.', start);
        std::string part =
            dotted.substr(start, dot == std::string::npos ? std::string::npos : dot - start);
        if (!node->is_object() || !node->contains(part)) return dotted;
        node = &(*node)[part];
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return node->is_string() ? node->get<std::string>() : dotted;
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
    for (const auto& a : inn.awards) {
        const Program* p = cat.program(a.program);
        awards.push_back(
            {{"label", (p ? p->name : a.program) + " " + std::to_string(a.year) + ": " + a.title}});
    }
    card["awards"] = awards;
    return card;
}

json ViewContext::cards(const std::vector<std::size_t>& idx) const {
    json out = json::array();
    for (std::size_t i : idx) out.push_back(innovation_card(cat.innovations[i]));
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

// ---- record pages --------------------------------------------------------------

namespace {

json fact(const std::string& label, json items) {
    return {{"label", label}, {"items", std::move(items)}};
}
json item(const std::string& text, const std::string& href = {}) {
    return {{"text", text}, {"href", href}};  // no link: href false, not the page's own
}

json rows_of(const ViewContext& v, const Index& idx, const std::string& key,
             json (ViewContext::*row)(const Replication&) const) {
    json out = json::array();
    if (auto it = idx.find(key); it != idx.end())
        for (std::size_t i : it->second) out.push_back((v.*row)(v.cat.replications[i]));
    return out;
}

json events_of(const ViewContext& v, const Index& idx, const std::string& key) {
    json out = json::array();
    if (auto it = idx.find(key); it != idx.end())
        for (std::size_t i : it->second) out.push_back(v.event_row(v.cat.events[i]));
    return out;
}

}  // namespace

json innovation_view(const ViewContext& v) {
    const Innovation& inn = *v.cat.innovation(v.plan.key);
    json view = v.innovation_card(inn);
    view["page_title"] = view["title"];
    view["description"] = view["summary"];
    view["body_html"] = markdown_to_html(inn.body);
    json facts = json::array();
    if (const Agency* a = v.cat.agency(inn.agency))
        facts.push_back(fact(v.str("field.agency"),
                             {item(a->name, v.href("instansi/" + a->id + "/index.html"))}));
    if (std::string code = v.cat.province_of(inn); !code.empty())
        facts.push_back(fact(v.str("field.province"),
                             {item(v.facet_label(Facet::Province, code), v.province_href(code))}));
    if (inn.year > 0)
        facts.push_back(fact(v.str("field.year"),
                             {item(std::to_string(inn.year),
                                   v.href("tahun/" + std::to_string(inn.year) + "/index.html"))}));
    json sectors = json::array();
    for (const auto& s : inn.sectors)
        sectors.push_back(
            item(v.facet_label(Facet::Sector, s), v.href("sektor/" + s + "/index.html")));
    facts.push_back(fact(v.str("field.sectors"), sectors));
    if (!inn.sdgs.empty()) {
        json sdgs = json::array();
        for (int n : inn.sdgs)
            sdgs.push_back(item(v.facet_label(Facet::Sdg, std::to_string(n)),
                                v.href("sdg/" + std::to_string(n) + "/index.html")));
        facts.push_back(fact(v.str("field.sdgs"), sdgs));
    }
    if (!inn.stage.empty())
        facts.push_back(fact(
            v.str("field.stage"),
            {item(v.str("stage." + inn.stage), v.href("tahap/" + inn.stage + "/index.html"))}));
    if (!inn.status.empty())
        facts.push_back(fact(v.str("field.status"), {item(v.str("status." + inn.status))}));
    if (inn.digital)
        facts.push_back(
            fact(v.str("field.digital"), {item(v.str(*inn.digital ? "common.yes" : "common.no"))}));
    if (!inn.updated.empty())
        facts.push_back(fact(v.str("field.updated"), {item(v.date(inn.updated))}));
    view["facts"] = facts;

    json awards = json::array();
    for (const auto& a : inn.awards) {
        const Program* p = v.cat.program(a.program);
        awards.push_back({{"program", p ? p->name : a.program},
                          {"href", v.href("penghargaan/" + a.program + "/index.html")},
                          {"year", std::to_string(a.year)},
                          {"title", a.title}});
    }
    view["award_list"] = awards;
    view["replications"] =
        rows_of(v, v.model.replications_by_innovation, inn.id, &ViewContext::replication_row);
    view["replication_count"] = v.number(static_cast<long long>(view["replications"].size()));
    view["events"] = events_of(v, v.model.events_by_innovation, inn.id);
    if (!inn.contact.empty())
        view["contact"] = {{"name", inn.contact.name},
                           {"email", inn.contact.email},
                           {"phone", inn.contact.phone},
                           {"url", inn.contact.url}};
    json links = json::array();
    for (const auto& l : inn.links) links.push_back({{"title", l.title}, {"url", l.url}});
    view["links"] = links;
    view["sources"] = v.sources(inn.sources);
    return view;
}

json hub_view(const ViewContext& v) {
    const Hub& h = *v.cat.hub(v.plan.key);
    json view = v.hub_row(h);
    view["page_title"] = view["name"];
    view["body_html"] = markdown_to_html(h.body);
    if (h.decree)
        view["decree"] = {
            {"number", h.decree->number},
            {"title", h.decree->title},
            {"year", h.decree->year > 0 ? std::to_string(h.decree->year) : std::string()},
            {"url", h.decree->url}};
    json partners = json::array();
    for (const auto& p : h.partners) partners.push_back(v.agency_ref(p));
    view["partners"] = partners;
    // The cohort: hubs established the same year.
    json cohort = json::array();
    for (const auto& other : v.cat.hubs)
        if (other.established == h.established && other.id != h.id)
            cohort.push_back(v.hub_row(other));
    view["cohort"] = cohort;
    view["events"] = events_of(v, v.model.events_by_hub, h.id);
    if (!h.province.empty()) {
        // The province's innovations (the first ten), also when there are none yet.
        std::vector<std::size_t> inns;
        if (auto it = v.model.facets.at(Facet::Province).find(h.province);
            it != v.model.facets.at(Facet::Province).end())
            inns = it->second;
        view["innovations"] = v.cards(std::vector<std::size_t>(
            inns.begin(), inns.begin() + std::min<std::size_t>(10, inns.size())));
        view["innovation_count"] = v.number(static_cast<long long>(inns.size()));
        view["innovations_href"] =
            v.href(facet_term_folder(Facet::Province, h.province, v.model) + "index.html");
    }
    view["sources"] = v.sources(h.sources);
    return view;
}

json province_view(const ViewContext& v) {
    const Province& p = *v.cat.province(v.plan.key);
    json view = {
        {"name", p.name}, {"page_title", p.name}, {"capital", p.capital}, {"code", p.code}};
    if (p.kabupaten >= 0) view["kabupaten"] = v.number(p.kabupaten);
    if (p.kota >= 0) view["kota"] = v.number(p.kota);
    json hubs = json::array();
    if (auto it = v.model.hubs_by_province.find(p.code); it != v.model.hubs_by_province.end())
        for (std::size_t i : it->second) hubs.push_back(v.hub_row(v.cat.hubs[i]));
    view["hubs"] = hubs;
    const Index& by_province = v.model.facets.at(Facet::Province);
    std::vector<std::size_t> inns;
    if (auto it = by_province.find(p.code); it != by_province.end()) inns = it->second;
    std::size_t shown = std::min<std::size_t>(
        inns.size(), static_cast<std::size_t>(std::max(1, v.cat.site.per_page)));
    view["innovations"] = v.cards(std::vector<std::size_t>(inns.begin(), inns.begin() + shown));
    view["innovation_count"] = v.number(static_cast<long long>(inns.size()));
    view["more_innovations"] = inns.size() > shown;
    view["innovations_href"] =
        v.href(facet_term_folder(Facet::Province, p.code, v.model) + "index.html");
    view["replications_in"] =
        rows_of(v, v.model.replications_in, p.code, &ViewContext::replication_row);
    view["replications_out"] =
        rows_of(v, v.model.replications_out, p.code, &ViewContext::replication_row);
    view["events"] = events_of(v, v.model.events_by_province, p.code);
    json agencies = json::array();
    if (auto it = v.model.agencies_by_province.find(p.code);
        it != v.model.agencies_by_province.end())
        for (std::size_t i : it->second) agencies.push_back(v.agency_ref(v.cat.agencies[i].id));
    view["agencies"] = agencies;
    view["sources"] = v.sources(p.sources);
    return view;
}

json agency_view(const ViewContext& v) {
    const Agency& a = *v.cat.agency(v.plan.key);
    json view = {{"name", a.name},
                 {"page_title", a.name},
                 {"short", a.short_name},
                 {"type_label", v.str("agency_type." + a.type)},
                 {"level_label", v.str("agency_level." + a.level)},
                 {"province", v.province_ref(a.province)}};
    view["url"] = a.url;
    json inns = json::array();
    if (auto it = v.model.innovations_by_agency.find(a.id);
        it != v.model.innovations_by_agency.end())
        inns = v.cards(it->second);
    view["innovations"] = inns;
    view["replications"] =
        rows_of(v, v.model.replications_by_adopter, a.id, &ViewContext::replication_row);
    json hubs = json::array();
    if (auto it = v.model.hubs_by_agency.find(a.id); it != v.model.hubs_by_agency.end())
        for (std::size_t i : it->second) hubs.push_back(v.hub_row(v.cat.hubs[i]));
    view["hubs"] = hubs;
    view["sources"] = v.sources(a.sources);
    return view;
}

json replication_view(const ViewContext& v) {
    const Replication* r = nullptr;
    for (const auto& x : v.cat.replications)
        if (x.id == v.plan.key) r = &x;
    json view = v.replication_row(*r);
    std::string title = view.contains("innovation") ? view["innovation"]["title"].get<std::string>()
                                                    : r->innovation;
    view["page_title"] = v.str("replication.title_prefix") + " " + title;
    view["sources"] = v.sources(r->sources);
    return view;
}

json event_view(const ViewContext& v) {
    const Event& e = *v.cat.event(v.plan.key);
    json view = v.event_row(e);
    view["page_title"] = view["title"];
    view["body_html"] = markdown_to_html(e.body);
    json inns = json::array();
    for (const auto& id : e.innovations)
        if (const Innovation* inn = v.cat.innovation(id)) inns.push_back(v.innovation_card(*inn));
    view["innovations"] = inns;
    view["replications"] =
        rows_of(v, v.model.replications_by_event, e.id, &ViewContext::replication_row);
    view["sources"] = v.sources(e.sources);
    return view;
}

json regulation_view(const ViewContext& v) {
    const Regulation* r = nullptr;
    for (const auto& x : v.cat.regulations)
        if (x.id == v.plan.key) r = &x;
    std::string title = v.plan.lang == "en" && !r->title_en.empty() ? r->title_en : r->title;
    json view = {{"title", title},
                 {"page_title", title},
                 {"number", r->number},
                 {"year", std::to_string(r->year)},
                 {"type", r->type},
                 {"body_html", markdown_to_html(r->body)},
                 {"sources", v.sources(r->sources)}};
    view["url"] = r->url;
    return view;
}

// ---- dispatch and layout ---------------------------------------------------------

namespace {

// Mustache treats an empty string as true and looks a missing name up in the
// enclosing sections, so an empty or null field of a row could show its
// page's value of the same name. Both become false: the field is then absent
// and its section is skipped. Every list field `x` also gets `has_x` (true
// when not empty), so a template can write a heading or a table head once.
void normalise(json& j) {
    if (j.is_object()) {
        json flags = json::object();
        for (auto& [k, v] : j.items()) {
            if (v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty())) {
                v = false;
            } else {
                if (v.is_array()) flags["has_" + k] = !v.empty();
                normalise(v);
            }
        }
        for (auto& [k, v] : flags.items())
            if (!j.contains(k)) j[k] = v;
    } else if (j.is_array()) {
        for (auto& v : j) normalise(v);
    }
}

}  // namespace

json build_view(const PagePlan& plan, const SiteModel& model, const json& strings) {
    ViewContext v(plan, model, strings);
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
        case PageKind::Sitemap:
            return sitemap_view(v);
        case PageKind::Robots: {
            // Mustache takes "" as true: no address, no Sitemap line.
            std::string base = model.cat.site.base_url;
            if (base.empty()) return {{"sitemap", false}};
            if (base.back() != '/') base += '/';
            return {{"sitemap", base + language_prefix(plan.lang) + "sitemap.xml"}};
        }
    }
    const Site& site = model.cat.site;
    bool en = plan.lang == "en";
    // 404.html is served at any depth, so its links are absolute from the site's base.
    std::string root = v.root;
    if (plan.kind == PageKind::NotFound) {
        root = site.base_url.empty() ? "/" : site.base_url;
        if (root.back() != '/') root += '/';
    }
    const std::string prefix = language_prefix(plan.lang);
    // The page's path inside its language folder: "inovasi/omspan/index.html".
    const std::string local = plan.path.substr(plan.path.rfind(prefix, 0) == 0 ? prefix.size() : 0);
    auto link = [&](const std::string& p) { return root + prefix + p; };
    view["lang"] = plan.lang;
    // Record bodies are written in Indonesian only: other languages mark them.
    view["body_lang"] = plan.lang == "id" ? "" : "id";
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
        {"nav.innovations", "inovasi/"}, {"nav.hubs", "hub/"},
        {"nav.provinces", "provinsi/"},  {"nav.replications", "replikasi/"},
        {"nav.events", "agenda/"},       {"nav.regulations", "regulasi/"}};
    json items = json::array();
    for (const auto& [key, folder] : nav)
        items.push_back({{"label", v.str(key)},
                         {"href", link(folder + "index.html")},
                         {"current", local.rfind(folder, 0) == 0}});
    view["nav"] = items;
    // The same page in the site's other languages.
    json languages = json::array();
    for (const auto& lang : site.languages)
        if (lang != plan.lang)
            languages.push_back({{"lang", lang},
                                 {"label", v.str("language_names." + lang)},
                                 {"href", root + language_prefix(lang) + local}});
    view["languages"] = languages;
    normalise(view);
    view["t"] = strings;
    return view;
}

}  // namespace simpul::gen
