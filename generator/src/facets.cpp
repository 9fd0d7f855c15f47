// Facet names, terms and counts for the listing pages' facet panel and the
// search page's browse groups (Datasette-style facets, as static links).
#include "facets.hpp"

#include <algorithm>

namespace simpul::gen {
namespace {

constexpr std::size_t kPanelTerms = 8;  // terms shown per facet before "all ..."

// Facets whose terms read best in their natural order (years, stages, statuses)
// rather than by count.
bool natural_order(Facet f) {
    return f == Facet::Year || f == Facet::Stage || f == Facet::Status;
}

}  // namespace

const std::vector<Facet>& all_facets() {
    static const std::vector<Facet> facets = {Facet::Province, Facet::Sector, Facet::Sdg,
                                              Facet::Year,     Facet::Stage,  Facet::Program,
                                              Facet::Status};
    return facets;
}

const char* facet_name(Facet f) {
    switch (f) {
        case Facet::Province:
            return "province";
        case Facet::Sector:
            return "sector";
        case Facet::Sdg:
            return "sdg";
        case Facet::Year:
            return "year";
        case Facet::Stage:
            return "stage";
        case Facet::Program:
            return "program";
        case Facet::Status:
            return "status";
    }
    return "";
}

const char* facet_search_filter(Facet f) {
    return f == Facet::Program ? "award" : facet_name(f);
}

std::string facet_index_folder(Facet f) {
    switch (f) {
        case Facet::Sector:
            return "sektor/";
        case Facet::Sdg:
            return "sdg/";
        case Facet::Year:
            return "tahun/";
        case Facet::Stage:
            return "tahap/";
        case Facet::Program:
            return "penghargaan/";
        case Facet::Status:
            return "status/";
        case Facet::Province:
            return "provinsi/";
    }
    return "";
}

std::vector<std::pair<std::string, std::size_t>> facet_terms(const ViewContext& v, Facet f) {
    const Index& groups = v.model.facets.at(f);
    auto count = [&](const std::string& k) {
        auto it = groups.find(k);
        return it == groups.end() ? std::size_t{0} : it->second.size();
    };
    std::vector<std::pair<std::string, std::size_t>> out;
    switch (f) {
        case Facet::Province:
            for (const auto& p : v.cat.provinces) out.emplace_back(p.code, count(p.code));
            break;
        case Facet::Sector:
            for (const auto& s : v.cat.sectors) out.emplace_back(s.id, count(s.id));
            break;
        case Facet::Sdg:
            for (const auto& s : v.cat.sdgs)
                out.emplace_back(std::to_string(s.number), count(std::to_string(s.number)));
            break;
        case Facet::Stage:
            for (const char* s : {"penciptaan", "pengembangan", "pelembagaan"})
                out.emplace_back(s, count(s));
            break;
        case Facet::Program:
            for (const auto& p : v.cat.programs) out.emplace_back(p.id, count(p.id));
            break;
        case Facet::Status:
            for (const char* s : {"berlanjut", "vakum"}) out.emplace_back(s, count(s));
            break;
        case Facet::Year:
            for (auto it = groups.rbegin(); it != groups.rend(); ++it)
                out.emplace_back(it->first, it->second.size());
            break;
    }
    return out;
}

json facet_panel(const ViewContext& v, const std::vector<std::size_t>& items) {
    const PagePlan& plan = v.plan;
    const bool whole = items.size() == v.cat.innovations.size();
    const std::vector<char> members =
        whole ? std::vector<char>{} : members_of(items, v.cat.innovations.size());
    json groups = json::array();
    for (Facet f : all_facets()) {
        std::map<std::string, std::size_t> counts;
        if (!whole) counts = facet_counts(v.model.facets.at(f), members);
        std::vector<std::pair<std::string, std::size_t>> terms;
        for (const auto& [key, total] : facet_terms(v, f)) {
            std::size_t n = whole ? total : (counts.count(key) ? counts[key] : 0);
            if (n > 0) terms.emplace_back(key, n);
        }
        if (terms.empty()) continue;
        if (!natural_order(f))
            std::stable_sort(terms.begin(), terms.end(),
                             [](const auto& a, const auto& b) { return a.second > b.second; });
        json list = json::array();
        for (std::size_t i = 0; i < terms.size() && i < kPanelTerms; ++i) {
            const auto& [key, n] = terms[i];
            bool current = plan.key != "all" && plan.facet == f && plan.key == key;
            list.push_back({{"label", v.facet_label(f, key)},
                            {"count", v.number(static_cast<long long>(n))},
                            {"href", v.href(facet_term_folder(f, key, v.model) + "index.html")},
                            {"current", current}});
        }
        json group = {{"name", facet_name(f)},
                      {"label", v.str(std::string("facet.") + facet_name(f))},
                      {"terms", list},
                      {"more", terms.size() > kPanelTerms},
                      {"more_count", v.number(static_cast<long long>(terms.size()))},
                      {"index_href", v.href(facet_index_folder(f) + "index.html")}};
        groups.push_back(group);
    }
    return groups;
}

json browse_groups(const ViewContext& v) {
    json groups = json::array();
    for (Facet f : all_facets()) {
        json terms = json::array();
        for (const auto& [key, n] : facet_terms(v, f)) {
            if (n == 0) continue;
            terms.push_back({{"label", v.facet_label(f, key)},
                             {"count", v.number(static_cast<long long>(n))},
                             {"href", v.href(facet_term_folder(f, key, v.model) + "index.html")}});
        }
        if (terms.empty()) continue;
        groups.push_back({{"name", facet_name(f)},
                          {"label", v.str(std::string("facet.") + facet_name(f))},
                          {"terms", terms},
                          {"index_href", v.href(facet_index_folder(f) + "index.html")}});
    }
    return groups;
}

}  // namespace simpul::gen
