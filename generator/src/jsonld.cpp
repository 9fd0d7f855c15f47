// schema.org JSON-LD for innovation and hub pages, so search engines and other
// tools can read who runs an innovation, where, and what it won. The JSON is
// escaped for the inside of a <script> element: no "<", ">", "&" or line
// separators appear literally, so record text can never close the element.
#include "jsonld.hpp"

#include "view.hpp"

namespace simpul::gen {
namespace {

// The absolute address of a site path, or nothing without base_url (JSON-LD
// would resolve a relative one against the page, but consumers often do not).
json page_url(const ViewContext& v, const std::string& site_path) {
    std::string base = site_base(v.cat.site);
    if (base.empty()) return nullptr;
    return base + language_prefix(v.plan.lang) + site_path;
}

json organisation(const ViewContext& v, const std::string& agency_id) {
    const Agency* a = v.cat.agency(agency_id);
    if (!a) return nullptr;
    bool government = a->type != "perguruan-tinggi" && a->type != "lainnya";
    json o = {{"@type", government ? "GovernmentOrganization" : "Organization"},
              {"name", v.plan.lang == "en" && !a->name_en.empty() ? a->name_en : a->name}};
    if (!a->url.empty()) o["url"] = a->url;
    return o;
}

json area(const ViewContext& v, const std::string& province_code) {
    const Province* p = v.cat.province(province_code);
    if (!p) return json{{"@type", "Country"}, {"name", "Indonesia"}};
    return {{"@type", "AdministrativeArea"},
            {"name", p->name},
            {"containedInPlace", {{"@type", "Country"}, {"name", "Indonesia"}}}};
}

json citations(const std::vector<Source>& sources) {
    json out = json::array();
    for (const auto& s : sources) {
        if (s.url.empty()) continue;
        json c = {{"@type", "CreativeWork"}, {"name", s.title}, {"url", s.url}};
        if (!s.publisher.empty())
            c["publisher"] = {{"@type", "Organization"}, {"name", s.publisher}};
        if (!s.date.empty()) c["datePublished"] = s.date;
        out.push_back(c);
    }
    return out;
}

}  // namespace

std::string script_safe_json(const json& j) {
    std::string text = j.dump(-1, ' ', false, json::error_handler_t::replace);
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t run = 0;  // start of the characters not yet copied
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '<' && c != '>' && c != '&' && c != '\xE2') continue;
        const char* escaped = nullptr;
        std::size_t length = 1;
        if (c == '<') {
            escaped = "\\u003c";
        } else if (c == '>') {
            escaped = "\\u003e";
        } else if (c == '&') {
            escaped = "\\u0026";
        } else if (i + 2 < text.size() && text[i + 1] == '\x80' &&
                   (text[i + 2] == '\xA8' || text[i + 2] == '\xA9')) {
            escaped = text[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // JS line separators
            length = 3;
        } else {
            continue;
        }
        out.append(text, run, i - run).append(escaped);
        run = i + length;
        i += length - 1;
    }
    out.append(text, run);
    return out;
}

std::string innovation_jsonld(const ViewContext& v, const Innovation& inn) {
    bool en = v.plan.lang == "en";
    json j = {{"@context", "https://schema.org"},
              {"@type", "GovernmentService"},
              {"name", en && !inn.title_en.empty() ? inn.title_en : inn.title},
              {"description", en && !inn.summary_en.empty() ? inn.summary_en : inn.summary},
              {"areaServed", area(v, v.cat.province_of(inn))}};
    if (json url = page_url(v, "inovasi/" + inn.id + "/index.html"); !url.is_null()) j["url"] = url;
    if (json provider = organisation(v, inn.agency); !provider.is_null()) j["provider"] = provider;
    json types = json::array();
    for (const auto& s : inn.sectors) types.push_back(v.facet_label(Facet::Sector, s));
    if (!types.empty()) j["serviceType"] = types;
    json awards = json::array();
    for (const auto& a : inn.awards)
        awards.push_back(v.facet_label(Facet::Program, a.program) + " " + std::to_string(a.year) +
                         ": " + a.title);
    if (!awards.empty()) j["award"] = awards;
    if (json cites = citations(inn.sources); !cites.empty()) j["subjectOf"] = cites;
    return script_safe_json(j);
}

std::string hub_jsonld(const ViewContext& v, const Hub& hub) {
    bool en = v.plan.lang == "en";
    json j = {{"@context", "https://schema.org"},
              {"@type", "Organization"},
              {"name", en && !hub.name_en.empty() ? hub.name_en : hub.name},
              {"foundingDate", std::to_string(hub.established)},
              {"areaServed", area(v, hub.province)}};
    if (json url = page_url(v, "hub/" + hub.id + "/index.html"); !url.is_null()) j["url"] = url;
    if (json host = organisation(v, hub.agency); !host.is_null()) j["parentOrganization"] = host;
    json members = json::array();
    for (const auto& p : hub.partners)
        if (json o = organisation(v, p); !o.is_null()) members.push_back(o);
    if (!members.empty()) j["member"] = members;
    if (hub.decree) {
        json decree = {{"@type", "Legislation"}, {"legislationIdentifier", hub.decree->number}};
        if (!hub.decree->title.empty()) decree["name"] = hub.decree->title;
        if (!hub.decree->url.empty()) decree["url"] = hub.decree->url;
        if (hub.decree->year > 0) decree["legislationDate"] = std::to_string(hub.decree->year);
        j["subjectOf"] = json::array({decree});
    }
    if (json cites = citations(hub.sources); !cites.empty()) {
        if (!j.contains("subjectOf")) j["subjectOf"] = json::array();
        for (auto& c : cites) j["subjectOf"].push_back(c);
    }
    return script_safe_json(j);
}

}  // namespace simpul::gen
