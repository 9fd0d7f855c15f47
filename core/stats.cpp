// Grouping and counting; pure functions of the Catalogue.
#include "stats.hpp"

#include <algorithm>

namespace simpul {

std::vector<std::string> facet_keys(const Catalogue& cat, const Innovation& inn, Facet facet) {
    std::vector<std::string> keys;
    switch (facet) {
        case Facet::Province: {
            std::string p = cat.province_of(inn);
            if (!p.empty()) keys.push_back(p);
            break;
        }
        case Facet::Sector:
            keys = inn.sectors;
            break;
        case Facet::Sdg:
            for (int n : inn.sdgs) keys.push_back(std::to_string(n));
            break;
        case Facet::Stage:
            if (!inn.stage.empty()) keys.push_back(inn.stage);
            break;
        case Facet::Status:
            if (!inn.status.empty()) keys.push_back(inn.status);
            break;
        case Facet::Year:
            if (inn.year > 0) keys.push_back(std::to_string(inn.year));
            break;
        case Facet::Program:
            for (const auto& a : inn.awards)
                if (std::find(keys.begin(), keys.end(), a.program) == keys.end())
                    keys.push_back(a.program);
            break;
    }
    return keys;
}

std::map<std::string, std::vector<std::size_t>> group_innovations(const Catalogue& cat,
                                                                  Facet facet) {
    std::map<std::string, std::vector<std::size_t>> groups;
    for (std::size_t i = 0; i < cat.innovations.size(); ++i)
        for (const auto& key : facet_keys(cat, cat.innovations[i], facet)) {
            auto& g = groups[key];
            if (g.empty() || g.back() != i) g.push_back(i);
        }
    return groups;
}

std::vector<HubYear> hubs_per_year(const Catalogue& cat) {
    if (cat.hubs.empty()) return {};
    int first = cat.hubs.front().established, last = first;
    for (const auto& h : cat.hubs) {
        first = std::min(first, h.established);
        last = std::max(last, h.established);
    }
    std::vector<HubYear> rows;
    for (int y = first; y <= last; ++y) rows.push_back({y});
    for (const auto& h : cat.hubs) {
        auto& row = rows[h.established - first];
        (h.kind == "kl" ? row.kl : row.daerah)++;
    }
    int d = 0, k = 0;
    for (auto& row : rows) {
        row.cumulative_daerah = d += row.daerah;
        row.cumulative_kl = k += row.kl;
    }
    return rows;
}

std::vector<Flow> replication_flows(const Catalogue& cat) {
    std::map<std::pair<std::string, std::string>, int> counts;
    for (const auto& r : cat.replications) {
        const Innovation* inn = cat.innovation(r.innovation);
        const Agency* adopter = cat.agency(r.adopter);
        if (!inn || !adopter) continue;
        std::string from = cat.province_of(*inn);
        if (from.empty() || adopter->province.empty()) continue;
        counts[{from, adopter->province}]++;
    }
    std::vector<Flow> flows;
    for (const auto& [key, n] : counts) flows.push_back({key.first, key.second, n});
    return flows;
}

std::vector<char> members_of(const std::vector<std::size_t>& subset, std::size_t innovations) {
    std::vector<char> in(innovations, 0);
    for (std::size_t i : subset)
        if (i < innovations) in[i] = 1;
    return in;
}

std::map<std::string, std::size_t> facet_counts(
    const std::map<std::string, std::vector<std::size_t>>& groups,
    const std::vector<char>& members) {
    std::map<std::string, std::size_t> counts;
    for (const auto& [key, group] : groups) {
        std::size_t n = 0;
        for (std::size_t i : group) n += i < members.size() && members[i];
        if (n > 0) counts.emplace_hint(counts.end(), key, n);
    }
    return counts;
}

std::vector<ReplicationYear> replications_per_year(const Catalogue& cat) {
    int first = 0, last = 0;
    for (const auto& r : cat.replications) {
        if (r.year <= 0) continue;
        first = first == 0 ? r.year : std::min(first, r.year);
        last = std::max(last, r.year);
    }
    if (first == 0) return {};
    std::vector<ReplicationYear> rows;
    for (int y = first; y <= last; ++y) rows.push_back({y});
    for (const auto& r : cat.replications) {
        if (r.year <= 0) continue;
        auto& row = rows[r.year - first];
        if (r.status == "direncanakan")
            row.direncanakan++;
        else if (r.status == "berjalan")
            row.berjalan++;
        else if (r.status == "selesai")
            row.selesai++;
    }
    return rows;
}

}  // namespace simpul
