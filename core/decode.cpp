// Node -> typed record, one small function per record type.
#include "decode.hpp"

namespace simpul {
namespace {

std::string str(const Node& n, std::string_view key) {
    const Node* v = n.get(key);
    return v && v->is_scalar() ? v->text : std::string();
}

int integer(const Node& n, std::string_view key, int fallback = 0) {
    const Node* v = n.get(key);
    return v && v->type == Node::Type::Int ? static_cast<int>(v->int_value) : fallback;
}

std::optional<bool> boolean(const Node& n, std::string_view key) {
    const Node* v = n.get(key);
    if (v && v->type == Node::Type::Bool) return v->bool_value;
    return std::nullopt;
}

std::vector<std::string> strings(const Node& n, std::string_view key) {
    std::vector<std::string> out;
    if (const Node* v = n.get(key); v && v->type == Node::Type::List)
        for (const auto& item : v->items) out.push_back(item.text);
    return out;
}

std::vector<Source> sources(const Node& n, std::string_view key = "sources") {
    std::vector<Source> out;
    if (const Node* v = n.get(key); v && v->type == Node::Type::List)
        for (const auto& s : v->items)
            out.push_back({str(s, "title"), str(s, "url"), str(s, "seed"), str(s, "publisher"),
                           str(s, "date")});
    return out;
}

Contact contact(const Node& n) {
    const Node* c = n.get("contact");
    if (!c) return {};
    return {str(*c, "name"), str(*c, "email"), str(*c, "phone"), str(*c, "url")};
}

}  // namespace

Site decode_site(const Node& n) {
    Site s;
    s.title = str(n, "title");
    s.title_en = str(n, "title_en");
    s.description = str(n, "description");
    s.description_en = str(n, "description_en");
    s.languages = strings(n, "languages");
    s.per_page = integer(n, "per_page", 20);
    if (const Node* l = n.get("licence")) {
        s.licence_name = str(*l, "name");
        s.licence_url = str(*l, "url");
    }
    s.contact = contact(n);
    s.base_url = str(n, "base_url");
    if (const Node* f = n.get("figures"); f && f->type == Node::Type::List)
        for (const auto& item : f->items) {
            const Node* value = item.get("value");
            s.figures.push_back({str(item, "id"), str(item, "label"), str(item, "label_en"),
                                 value ? value->int_value : 0, integer(item, "as_of"),
                                 sources(item)});
        }
    s.about = str(n, "about");
    s.about_en = str(n, "about_en");
    s.about_sources = sources(n, "about_sources");
    return s;
}

Province decode_province(const Node& n) {
    Province p;
    p.code = str(n, "code");
    p.name = str(n, "name");
    p.short_name = str(n, "short");
    p.slug = str(n, "slug");
    p.capital = str(n, "capital");
    if (const Node* t = n.get("tile")) {
        p.tile_col = integer(*t, "col");
        p.tile_row = integer(*t, "row");
    }
    p.kabupaten = integer(n, "kabupaten", -1);
    p.kota = integer(n, "kota", -1);
    p.sources = sources(n);
    return p;
}

Sector decode_sector(const Node& n) {
    return {str(n, "id"), str(n, "name"), str(n, "name_en")};
}

Sdg decode_sdg(const Node& n) {
    return {integer(n, "number"), str(n, "name"), str(n, "name_en")};
}

Program decode_program(const Node& n) {
    return {str(n, "id"), str(n, "name"), str(n, "name_en"), str(n, "owner"), str(n, "url")};
}

Agency decode_agency(const std::string& id, const Node& n, Origin origin) {
    Agency a;
    a.id = id;
    a.name = str(n, "name");
    a.name_en = str(n, "name_en");
    a.short_name = str(n, "short");
    a.type = str(n, "type");
    a.level = str(n, "level");
    a.province = str(n, "province");
    a.url = str(n, "url");
    a.sources = sources(n);
    a.origin = std::move(origin);
    return a;
}

Innovation decode_innovation(const std::string& id, const Node& n, std::string body,
                             Origin origin) {
    Innovation i;
    i.id = id;
    i.title = str(n, "title");
    i.title_en = str(n, "title_en");
    i.summary = str(n, "summary");
    i.summary_en = str(n, "summary_en");
    i.agency = str(n, "agency");
    i.province = str(n, "province");
    i.year = integer(n, "year");
    i.sectors = strings(n, "sectors");
    if (const Node* v = n.get("sdgs"); v && v->type == Node::Type::List)
        for (const auto& item : v->items) i.sdgs.push_back(static_cast<int>(item.int_value));
    i.stage = str(n, "stage");
    i.status = str(n, "status");
    i.digital = boolean(n, "digital");
    if (const Node* v = n.get("awards"); v && v->type == Node::Type::List)
        for (const auto& a : v->items)
            i.awards.push_back({str(a, "program"), integer(a, "year"), str(a, "title")});
    i.contact = contact(n);
    if (const Node* v = n.get("links"); v && v->type == Node::Type::List)
        for (const auto& l : v->items) i.links.push_back({str(l, "title"), str(l, "url")});
    i.sources = sources(n);
    i.updated = str(n, "updated");
    i.body = body.empty() ? str(n, "body") : std::move(body);
    i.body_en = str(n, "body_en");
    i.origin = std::move(origin);
    return i;
}

Hub decode_hub(const std::string& id, const Node& n, std::string body, Origin origin) {
    Hub h;
    h.id = id;
    h.name = str(n, "name");
    h.name_en = str(n, "name_en");
    h.kind = str(n, "kind");
    h.province = str(n, "province");
    h.agency = str(n, "agency");
    h.established = integer(n, "established");
    if (const Node* d = n.get("decree"))
        h.decree = Decree{str(*d, "number"), str(*d, "title"), str(*d, "url"), integer(*d, "year")};
    h.partners = strings(n, "partners");
    h.sources = sources(n);
    h.body = body.empty() ? str(n, "body") : std::move(body);
    h.origin = std::move(origin);
    return h;
}

Replication decode_replication(const std::string& id, const Node& n, Origin origin) {
    Replication r;
    r.id = id;
    r.innovation = str(n, "innovation");
    r.adopter = str(n, "adopter");
    r.year = integer(n, "year");
    r.status = str(n, "status");
    r.event = str(n, "event");
    r.notes = str(n, "notes");
    r.sources = sources(n);
    r.origin = std::move(origin);
    return r;
}

Event decode_event(const std::string& id, const Node& n, std::string body, Origin origin) {
    Event e;
    e.id = id;
    e.title = str(n, "title");
    e.title_en = str(n, "title_en");
    e.type = str(n, "type");
    e.date = str(n, "date");
    e.status = str(n, "status");
    if (e.status.empty()) e.status = "terlaksana";
    e.hub = str(n, "hub");
    e.province = str(n, "province");
    e.online = boolean(n, "online");
    e.innovations = strings(n, "innovations");
    e.sources = sources(n);
    e.body = body.empty() ? str(n, "body") : std::move(body);
    e.origin = std::move(origin);
    return e;
}

Regulation decode_regulation(const std::string& id, const Node& n, std::string body,
                             Origin origin) {
    Regulation r;
    r.id = id;
    r.title = str(n, "title");
    r.title_en = str(n, "title_en");
    r.number = str(n, "number");
    r.type = str(n, "type");
    r.url = str(n, "url");
    r.year = integer(n, "year");
    r.sources = sources(n);
    r.body = body.empty() ? str(n, "body") : std::move(body);
    r.origin = std::move(origin);
    return r;
}

}  // namespace simpul
