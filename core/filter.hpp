// The cross-filter engine of the dashboard, over the columnar dash::Data:
// counts by province, sector, SDG, stage, status, year, award and kind under
// a filter set (each dimension's counts ignore that dimension's own filter, as
// in crossfilter), cumulative hubs per year, replication flows and rates per
// kabupaten/kota. One pass over the innovations; no allocation once warmed up.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "datafile.hpp"

namespace simpul::dash {

enum class Dim : std::uint8_t { Province, Sector, Sdg, Stage, Status, Year, Award, Kind };
inline constexpr std::size_t kDims = 8;
// Stable names, used in the URL and in CSV headers.
inline constexpr std::array<const char*, kDims> kDimNames = {"prov",   "sector", "sdg",   "stage",
                                                             "status", "year",   "award", "kind"};

// Values per dimension: province index, sector index, SDG number, stage code,
// status code, year, programme index, kind code. Values of one dimension are
// alternatives (OR); dimensions combine with AND.
class Filter {
  public:
    const std::vector<std::uint32_t>& values(Dim d) const { return sel_[index(d)]; }
    bool active(Dim d) const { return !sel_[index(d)].empty(); }
    bool has(Dim d, std::uint32_t v) const;
    bool empty() const;
    void toggle(Dim d, std::uint32_t v);  // adds or removes one value
    void set(Dim d, std::vector<std::uint32_t> values);
    void clear(Dim d) { sel_[index(d)].clear(); }
    void clear() {
        for (auto& s : sel_) s.clear();
    }
    bool operator==(const Filter&) const = default;
    static std::size_t index(Dim d) { return static_cast<std::size_t>(d); }

  private:
    std::array<std::vector<std::uint32_t>, kDims> sel_;  // sorted, unique
};

struct HubYear {
    int year = 0;
    std::uint32_t daerah = 0, kl = 0;                        // established that year
    std::uint32_t cumulative_daerah = 0, cumulative_kl = 0;  // up to that year
};

struct Flow {
    std::uint8_t from = kNone, to = kNone;  // province indexes
    std::uint32_t count = 0;
};

// Everything the panels show, for one filter.
struct Result {
    // Innovations per value of each dimension, ignoring that dimension's filter.
    // Sizes: provinces, sectors, 33 (SDG number), 3, 2, years (index year - year_min), programs, 2.
    std::array<std::vector<std::uint32_t>, kDims> groups;
    int year_min = 0, year_max = -1;  // the span of `groups[Year]` and `hubs_per_year`

    std::uint32_t innovations = 0;        // passing every filter
    std::vector<std::uint32_t> selected;  // their rows (rows are in title order)
    std::uint32_t hubs = 0, hubs_daerah = 0, hubs_kl = 0;
    std::uint32_t replications = 0, events = 0;
    std::uint32_t provinces_covered = 0;  // provinces with a selected innovation or hub
    std::vector<HubYear> hubs_per_year;   // ignoring the year filter, cumulative
    std::vector<Flow> flows;              // selected replications between provinces, most first
    // Per province (map measures), each under every filter but the province one.
    std::vector<std::uint32_t> hubs_by_province, replications_in;
};

// Replications and events follow the filters that apply to them: a replication
// passes when its innovation passes every innovation filter but province and
// year, its year passes the year filter, and its origin or adopter province is
// selected. Hubs follow province, year and kind; events follow province and year.
class Engine {
  public:
    explicit Engine(const Data& data);
    // Recomputes `out` for `filter` (reusing its memory).
    void compute(const Filter& filter, Result& out);
    const Data& data() const { return data_; }
    int year_min() const { return year_min_; }
    int year_max() const { return year_max_; }

  private:
    const Data& data_;
    int year_min_ = 0, year_max_ = -1;
    std::vector<std::uint8_t> pass_;  // per innovation: bit d set when dimension d rejects it
};

// Innovations per kabupaten/kota of a province; negative when the number of
// kabupaten/kota is not known.
double rate_per_regency(const Data& d, std::size_t province, std::uint32_t count);

}  // namespace simpul::dash
