// Stage 3, model: decode every record (core/decode) and index the relations.
#include "catalogue.hpp"

#include <algorithm>
#include <map>

#include "decode.hpp"

namespace simpul::gen {
namespace {

void add(Index& idx, const std::string& key, std::size_t i) {
    if (!key.empty()) idx[key].push_back(i);
}

}  // namespace

namespace {

// A record's Markdown body: moved out of the Document when the caller gives the
// Content up (the bodies are most of a large catalogue's memory), else copied.
std::string body_of(const Document& d) {
    return d.body;
}
std::string body_of(Document& d) {
    return std::move(d.body);
}

template <class C>
SiteModel build(C& content) {
    SiteModel m;
    Catalogue& cat = m.cat;
    std::unordered_map<std::string, BodySource> bodies;  // by innovation id
    auto list = [&](RecordType t) -> const std::vector<Node>& {
        static const std::vector<Node> none;
        auto it = content.data.find(t);
        return it != content.data.end() && it->second.present ? it->second.root.items : none;
    };
    if (auto it = content.data.find(RecordType::Site);
        it != content.data.end() && it->second.present)
        cat.site = decode_site(it->second.root);
    for (const auto& n : list(RecordType::Province)) cat.provinces.push_back(decode_province(n));
    for (const auto& n : list(RecordType::Sector)) cat.sectors.push_back(decode_sector(n));
    for (const auto& n : list(RecordType::Sdg)) cat.sdgs.push_back(decode_sdg(n));
    for (const auto& n : list(RecordType::Program)) cat.programs.push_back(decode_program(n));

    // Each list is made at its final size: no copy of it to a larger one.
    std::map<RecordType, std::size_t> count;
    for (const auto& d : content.records) ++count[d.type];
    cat.agencies.reserve(count[RecordType::Agency]);
    cat.innovations.reserve(count[RecordType::Innovation]);
    cat.hubs.reserve(count[RecordType::Hub]);
    cat.replications.reserve(count[RecordType::Replication]);
    cat.events.reserve(count[RecordType::Event]);
    cat.regulations.reserve(count[RecordType::Regulation]);
    for (auto& d : content.records) {
        Origin origin{d.path, d.fields.line > 0 ? d.fields.line : 1};
        switch (d.type) {
            case RecordType::Agency:
                cat.agencies.push_back(decode_agency(d.id, d.fields, origin));
                break;
            case RecordType::Innovation:
                cat.innovations.push_back(decode_innovation(d.id, d.fields, body_of(d), origin));
                if (!d.body_source.empty()) bodies[d.id] = d.body_source;
                break;
            case RecordType::Hub:
                cat.hubs.push_back(decode_hub(d.id, d.fields, body_of(d), origin));
                break;
            case RecordType::Replication:
                cat.replications.push_back(decode_replication(d.id, d.fields, origin));
                break;
            case RecordType::Event:
                cat.events.push_back(decode_event(d.id, d.fields, body_of(d), origin));
                break;
            case RecordType::Regulation:
                cat.regulations.push_back(decode_regulation(d.id, d.fields, body_of(d), origin));
                break;
            default:
                break;
        }
    }
    cat.finish();
    m.innovation_bodies.resize(cat.innovations.size());
    for (std::size_t i = 0; i < cat.innovations.size(); ++i)
        if (auto it = bodies.find(cat.innovations[i].id); it != bodies.end())
            m.innovation_bodies[i] = std::move(it->second);

    for (Facet f : {Facet::Province, Facet::Sector, Facet::Sdg, Facet::Stage, Facet::Status,
                    Facet::Year, Facet::Program})
        m.facets[f] = group_innovations(cat, f);

    for (std::size_t i = 0; i < cat.innovations.size(); ++i)
        add(m.innovations_by_agency, cat.innovations[i].agency, i);
    for (std::size_t i = 0; i < cat.replications.size(); ++i) {
        const Replication& r = cat.replications[i];
        add(m.replications_by_innovation, r.innovation, i);
        add(m.replications_by_adopter, r.adopter, i);
        add(m.replications_by_event, r.event, i);
        if (const Agency* a = cat.agency(r.adopter)) add(m.replications_in, a->province, i);
        if (const Innovation* inn = cat.innovation(r.innovation))
            add(m.replications_out, cat.province_of(*inn), i);
    }
    for (std::size_t i = 0; i < cat.events.size(); ++i) {
        const Event& e = cat.events[i];
        add(m.events_by_hub, e.hub, i);
        for (const auto& inn : e.innovations) add(m.events_by_innovation, inn, i);
        std::string province = e.province;
        if (province.empty())
            if (const Hub* h = cat.hub(e.hub)) province = h->province;
        add(m.events_by_province, province, i);
    }
    for (std::size_t i = 0; i < cat.hubs.size(); ++i) {
        const Hub& h = cat.hubs[i];
        add(m.hubs_by_province, h.province, i);
        add(m.hubs_by_agency, h.agency, i);
        for (const auto& p : h.partners) add(m.hubs_by_agency, p, i);
    }
    for (std::size_t i = 0; i < cat.agencies.size(); ++i)
        add(m.agencies_by_province, cat.agencies[i].province, i);

    m.newest_innovations.resize(cat.innovations.size());
    for (std::size_t i = 0; i < cat.innovations.size(); ++i) m.newest_innovations[i] = i;
    std::stable_sort(m.newest_innovations.begin(), m.newest_innovations.end(),
                     [&](std::size_t a, std::size_t b) {
                         const Innovation& x = cat.innovations[a];
                         const Innovation& y = cat.innovations[b];
                         if (x.year != y.year) return x.year > y.year;
                         if (x.updated != y.updated) return x.updated > y.updated;
                         return x.id < y.id;
                     });
    for (const auto& d : content.records) m.source_hashes[d.path] = d.hash;
    for (const auto& [type, df] : content.data)
        m.data_hash = (m.data_hash ^ df.hash) * 0x100000001b3ULL + static_cast<int>(type);
    return m;
}

}  // namespace

std::string innovation_body(const SiteModel& m, std::size_t i) {
    if (i < m.innovation_bodies.size() && !m.innovation_bodies[i].empty())
        return read_body(m.innovation_bodies[i]);
    return m.cat.innovations[i].body;
}

SiteModel build_model(const Content& content) {
    return build(content);
}
SiteModel build_model(Content&& content) {
    return build(content);
}

}  // namespace simpul::gen
