// Statistics over a Catalogue: innovations grouped by a facet (province,
// sector, SDG, stage, status, year, award programme), hubs per year and
// replication flows. Listing pages and the statistics use the same groups.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "model.hpp"

namespace simpul {

enum class Facet { Province, Sector, Sdg, Stage, Status, Year, Program };

// Keys of one innovation under a facet (an innovation has several sectors,
// SDGs and awards; one province, stage, status and year). Empty when unknown.
std::vector<std::string> facet_keys(const Catalogue& cat, const Innovation& inn, Facet facet);

// Indexes into cat.innovations for every key of the facet, in catalogue order.
std::map<std::string, std::vector<std::size_t>> group_innovations(const Catalogue& cat,
                                                                  Facet facet);

struct HubYear {
    int year = 0;
    int daerah = 0, kl = 0;                        // established that year
    int cumulative_daerah = 0, cumulative_kl = 0;  // up to and including that year
};
// One row per year from the first to the last establishment year.
std::vector<HubYear> hubs_per_year(const Catalogue& cat);

struct Flow {
    std::string from_province, to_province;  // innovation's province -> adopter's province
    int count = 0;
};
// Replications aggregated between provinces; rows with an unknown side are skipped.
std::vector<Flow> replication_flows(const Catalogue& cat);

// ---- added for the static statistik/ page and the listing facets -------------

// Which of the catalogue's `innovations` are in `subset` (a listing): one flag
// per innovation; indexes past the catalogue are in none.
std::vector<char> members_of(const std::vector<std::size_t>& subset, std::size_t innovations);

// How many innovations flagged in `members` (members_of) are in each group of
// `groups` (group_innovations of one facet), keys with none left out; an
// innovation with several sectors counts once per sector. Each group is
// walked once, so a listing's panel costs the same whatever its size.
std::map<std::string, std::size_t> facet_counts(
    const std::map<std::string, std::vector<std::size_t>>& groups,
    const std::vector<char>& members);

struct ReplicationYear {
    int year = 0;
    int direncanakan = 0, berjalan = 0, selesai = 0;  // by status
    int total() const { return direncanakan + berjalan + selesai; }
};
// One row per year from the first to the last replication year (empty when none).
std::vector<ReplicationYear> replications_per_year(const Catalogue& cat);

}  // namespace simpul
