// The shared view helpers (ViewContext): links, UI strings, numbers, dates,
// cards, rows and references that record pages (view_records.cpp) and
// listings (view_lists.cpp) are made of. The dispatch and the layout's fields
// are in view_page.cpp.
#include "view.hpp"

#include "cards.hpp"
#include "markdown.hpp"

namespace simpul::gen {

// ---- ViewContext -------------------------------------------------------------

ViewContext::ViewContext(const PagePlan& p, const SiteModel& m, const json& strings,
                         const CardCache* cards)
    : plan(p), model(m), cat(m.cat), t(strings), root(root_of(p.path)), card_cache(cards) {}

std::string root_of(const std::string& path) {
    std::string root;
    for (char c : path)
        if (c == '/') root += "../";
    return root;
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

}  // namespace simpul::gen
