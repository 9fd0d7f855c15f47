// Views of single-record pages: innovation, hub, province, agency,
// replication, event and regulation.
#include "cards.hpp"
#include "jsonld.hpp"
#include "markdown.hpp"
#include "view.hpp"

namespace simpul::gen {

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

// What the search index may filter a record page by (hidden data-pagefind-filter
// elements in the layout), with the labels of the page's language.
static json search_filter(const std::string& name, const std::string& value) {
    return {{"name", name}, {"value", value}};
}

json innovation_view(const ViewContext& v) {
    const Innovation& inn = *v.cat.innovation(v.plan.key);
    const bool en = v.plan.lang == "en";
    json view = v.innovation_card(inn);
    view["page_title"] = view["title"];
    view["description"] = view["summary"];
    // An English body when the record has one; otherwise the Indonesian body, marked lang="id".
    if (en && !inn.body_en.empty()) {
        view["body_html"] = v.body_html(inn.body_en);
        view["body_lang"] = "";
    } else {
        view["body_html"] =
            v.card_cache ? v.card_cache->body_html(v, &inn - v.cat.innovations.data())
                         : v.body_html(innovation_body(v.model, &inn - v.cat.innovations.data()));
    }
    json facts = json::array();
    json filters = json::array();
    if (json agency = v.agency_ref(inn.agency); !agency.is_null())
        facts.push_back(fact(v.str("field.agency"), {item(agency["name"], agency["href"])}));
    if (std::string code = v.cat.province_of(inn); !code.empty()) {
        std::string name = v.facet_label(Facet::Province, code);
        facts.push_back(fact(v.str("field.province"), {item(name, v.province_href(code))}));
        filters.push_back(search_filter("province", name));
    }
    if (inn.year > 0) {
        facts.push_back(fact(v.str("field.year"),
                             {item(std::to_string(inn.year),
                                   v.href("tahun/" + std::to_string(inn.year) + "/index.html"))}));
        filters.push_back(search_filter("year", std::to_string(inn.year)));
    }
    json sectors = json::array();
    for (const auto& s : inn.sectors) {
        sectors.push_back(
            item(v.facet_label(Facet::Sector, s), v.href("sektor/" + s + "/index.html")));
        filters.push_back(search_filter("sector", v.facet_label(Facet::Sector, s)));
    }
    facts.push_back(fact(v.str("field.sectors"), sectors));
    if (!inn.sdgs.empty()) {
        json sdgs = json::array();
        for (int n : inn.sdgs) {
            std::string label = v.facet_label(Facet::Sdg, std::to_string(n));
            sdgs.push_back(item(label, v.href("sdg/" + std::to_string(n) + "/index.html")));
            filters.push_back(search_filter("sdg", label));
        }
        facts.push_back(fact(v.str("field.sdgs"), sdgs));
    }
    if (!inn.stage.empty()) {
        facts.push_back(fact(
            v.str("field.stage"),
            {item(v.str("stage." + inn.stage), v.href("tahap/" + inn.stage + "/index.html"))}));
        filters.push_back(search_filter("stage", v.str("stage." + inn.stage)));
    }
    if (!inn.status.empty()) {
        facts.push_back(fact(
            v.str("field.status"),
            {item(v.str("status." + inn.status), v.href("status/" + inn.status + "/index.html"))}));
        filters.push_back(search_filter("status", v.str("status." + inn.status)));
    }
    if (inn.digital)
        facts.push_back(
            fact(v.str("field.digital"), {item(v.str(*inn.digital ? "common.yes" : "common.no"))}));
    if (!inn.updated.empty())
        facts.push_back(fact(v.str("field.updated"), {item(v.date(inn.updated))}));
    view["facts"] = facts;

    json awards = json::array();
    for (const auto& a : inn.awards) {
        std::string program = v.facet_label(Facet::Program, a.program);
        awards.push_back({{"program", program},
                          {"href", v.href("penghargaan/" + a.program + "/index.html")},
                          {"year", std::to_string(a.year)},
                          {"title", a.title}});
        bool seen = false;
        for (const auto& f : filters) seen |= f["name"] == "award" && f["value"] == program;
        if (!seen) filters.push_back(search_filter("award", program));
    }
    view["award_list"] = awards;
    view["search_filters"] = filters;
    view["replications"] =
        rows_of(v, v.model.replications_by_innovation, inn.id, &ViewContext::replication_row);
    view["replication_count"] = v.number(static_cast<long long>(view["replications"].size()));
    view["events"] = events_of(v, v.model.events_by_innovation, inn.id);
    if (!inn.contact.empty())
        view["contact"] = {{"name", inn.contact.name},
                           {"email", inn.contact.email},
                           {"phone", inn.contact.phone},
                           {"url", inn.contact.url}};
    // How to replicate: who to ask (the contact, else the owning agency) and
    // which JIPP hub can help (the innovation's province's, else the directory).
    json replicate = {{"agency", v.agency_ref(inn.agency)}, {"agency_url", nullptr}};
    if (const Agency* a = v.cat.agency(inn.agency)) replicate["agency_url"] = a->url;
    json hubs = json::array();
    if (auto it = v.model.hubs_by_province.find(v.cat.province_of(inn));
        it != v.model.hubs_by_province.end())
        for (std::size_t i : it->second) hubs.push_back(v.hub_row(v.cat.hubs[i]));
    replicate["hubs"] = hubs;
    replicate["hubs_href"] = v.href("hub/index.html");
    view["replicate"] = replicate;
    json links = json::array();
    for (const auto& l : inn.links) links.push_back({{"title", l.title}, {"url", l.url}});
    view["links"] = links;
    view["sources"] = v.sources(inn.sources);
    view["history"] = v.history(inn.origin, inn.updated);
    view["jsonld"] = innovation_jsonld(v, inn);
    return view;
}

json hub_view(const ViewContext& v) {
    const Hub& h = *v.cat.hub(v.plan.key);
    json view = v.hub_row(h);
    view["page_title"] = view["name"];
    view["body_html"] = v.body_html(h.body);
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
    view["history"] = v.history(h.origin, {});
    if (!h.province.empty())
        view["search_filters"] =
            json::array({search_filter("province", v.facet_label(Facet::Province, h.province))});
    view["jsonld"] = hub_jsonld(v, h);
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
    view["search_filters"] = json::array({search_filter("province", p.name)});
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
    view["history"] = v.history(a.origin, {});
    if (!a.province.empty())
        view["search_filters"] =
            json::array({search_filter("province", v.facet_label(Facet::Province, a.province))});
    return view;
}

json replication_view(const ViewContext& v) {
    const Replication* r = v.cat.replication(v.plan.key);
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
    view["body_html"] = v.body_html(e.body);
    std::vector<std::size_t> inns;
    for (const auto& id : e.innovations)
        if (const Innovation* inn = v.cat.innovation(id))
            inns.push_back(static_cast<std::size_t>(inn - v.cat.innovations.data()));
    view["innovations"] = v.cards(inns);
    view["replications"] =
        rows_of(v, v.model.replications_by_event, e.id, &ViewContext::replication_row);
    view["sources"] = v.sources(e.sources);
    view["history"] = v.history(e.origin, {});
    if (view["province"].is_object())
        view["search_filters"] = json::array({search_filter("province", view["province"]["name"])});
    return view;
}

json regulation_view(const ViewContext& v) {
    const Regulation* r = v.cat.regulation(v.plan.key);
    std::string title = v.plan.lang == "en" && !r->title_en.empty() ? r->title_en : r->title;
    json view = {{"title", title},
                 {"page_title", title},
                 {"number", r->number},
                 {"year", std::to_string(r->year)},
                 {"type", r->type},
                 {"body_html", v.body_html(r->body)},
                 {"sources", v.sources(r->sources)}};
    view["url"] = r->url;
    return view;
}

}  // namespace simpul::gen
