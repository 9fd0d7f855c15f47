// Stage 3, model: decode every record (core/decode) and index the relations.
#include "catalogue.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "decode.hpp"
#include "parallel.hpp"

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

// The innovation the last build decoded from a file with the same bytes as
// `d`'s, if `memory` holds it. (Each path is one thread's: threads move out
// different records, and the map itself does not change while they do.)
// The memory's innovation of `d`'s file when its bytes are the same, else none.
// Its entry is marked taken (hash 0) by the caller, who moves the record out.
std::pair<std::uint64_t, Innovation>* recall(DecodedMemory* memory, const Document& d) {
    if (!memory) return nullptr;
    auto it = memory->innovations.find(d.path);
    return it != memory->innovations.end() && it->second.first == d.hash && d.hash != 0
               ? &it->second
               : nullptr;
}

template <class C>
SiteModel build(C& content, DecodedMemory* memory) {
    SiteModel m;
    Catalogue& cat = m.cat;
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

    // Each record is decoded on all cores into its place in its type's list,
    // made at its final size (records come grouped by type, in file order).
    std::map<RecordType, std::size_t> count;
    std::vector<std::size_t> slot(content.records.size());
    for (std::size_t i = 0; i < content.records.size(); ++i)
        slot[i] = count[content.records[i].type]++;
    cat.agencies.resize(count[RecordType::Agency]);
    cat.innovations.resize(count[RecordType::Innovation]);
    cat.hubs.resize(count[RecordType::Hub]);
    cat.replications.resize(count[RecordType::Replication]);
    cat.events.resize(count[RecordType::Event]);
    cat.regulations.resize(count[RecordType::Regulation]);
    std::vector<BodySource> bodies(cat.innovations.size());  // in the same places
    parallel_for(content.records.size(), 0, [&](std::size_t i) {
        auto& d = content.records[i];
        const std::size_t k = slot[i];
        Origin origin{d.path, d.fields.line > 0 ? d.fields.line : 1};
        switch (d.type) {
            case RecordType::Agency:
                cat.agencies[k] = decode_agency(d.id, d.fields, origin);
                break;
            case RecordType::Innovation:
                if (auto* kept = recall(memory, d)) {
                    cat.innovations[k] = std::move(kept->second);
                    kept->first = 0;  // (taken: each path is one thread's)
                } else
                    cat.innovations[k] = decode_innovation(d.id, d.fields, body_of(d), origin);
                bodies[k] = d.body_source;
                break;
            case RecordType::Hub:
                cat.hubs[k] = decode_hub(d.id, d.fields, body_of(d), origin);
                break;
            case RecordType::Replication:
                cat.replications[k] = decode_replication(d.id, d.fields, origin);
                break;
            case RecordType::Event:
                cat.events[k] = decode_event(d.id, d.fields, body_of(d), origin);
                break;
            case RecordType::Regulation:
                cat.regulations[k] = decode_regulation(d.id, d.fields, body_of(d), origin);
                break;
            default:
                break;
        }
    });
    cat.finish();
    // finish() sorts each list by id, not in file order when a name has a
    // character before the dot ("a-b.md" comes before "a.md"): then each
    // innovation's body is found by its file.
    bool in_place = true;
    for (std::size_t k = 0; k < bodies.size() && in_place; ++k)
        in_place = bodies[k].empty() || bodies[k].path == cat.innovations[k].origin.path;
    if (in_place) {
        m.innovation_bodies = std::move(bodies);
    } else {
        m.innovation_bodies.resize(cat.innovations.size());
        std::unordered_map<std::string_view, std::size_t> by_path;
        for (std::size_t j = 0; j < bodies.size(); ++j)
            if (!bodies[j].empty()) by_path.emplace(bodies[j].path, j);
        for (std::size_t k = 0; k < cat.innovations.size(); ++k)
            if (auto it = by_path.find(cat.innovations[k].origin.path); it != by_path.end())
                m.innovation_bodies[k] = bodies[it->second];
    }

    // The facet groups and the newest-first order, each a task on its own (all cores).
    static constexpr Facet grouped[] = {Facet::Province, Facet::Sector, Facet::Sdg,    Facet::Stage,
                                        Facet::Status,   Facet::Year,   Facet::Program};
    std::vector<Index> groups(std::size(grouped));
    parallel_for(std::size(grouped) + 1, 0, [&](std::size_t k) {
        if (k < std::size(grouped)) {
            groups[k] = group_innovations(cat, grouped[k]);
            return;
        }
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
    });
    for (std::size_t k = 0; k < std::size(grouped); ++k)
        m.facets[grouped[k]] = std::move(groups[k]);

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

SiteModel build_model(const Content& content, DecodedMemory* memory) {
    return build(content, memory);
}
SiteModel build_model(Content&& content) {
    return build(content, nullptr);
}

void remember_decoded(SiteModel& m, DecodedMemory& memory) {
    // Each in the entry of its path, kept from the last build where there is
    // one; then the entries of files gone are dropped.
    std::size_t kept = 0;
    for (Innovation& inn : m.cat.innovations) {
        auto hash = m.source_hashes.find(inn.origin.path);
        if (hash == m.source_hashes.end()) continue;
        auto& entry = memory.innovations[inn.origin.path];  // (before inn is moved)
        entry = {hash->second, std::move(inn)};
        ++kept;
    }
    if (memory.innovations.size() == kept) return;
    std::erase_if(memory.innovations,
                  [&](const auto& entry) { return !m.source_hashes.count(entry.first); });
}

}  // namespace simpul::gen
