// Tests for core/filter: the cross-filter counts of every dimension, filter
// combinations (AND across dimensions, OR within one), empty selections, hubs,
// replications, events and rates; and agreement with core/stats.
#include "filter.hpp"

#include <doctest/doctest.h>

#include "core/dashboard_fixture.hpp"
#include "stats.hpp"

using namespace simpul;
using namespace simpul::dash;

namespace {

struct Fixture {
    Catalogue cat = test::dashboard_catalogue();
    Data data = from_catalogue(cat, {}, {});
    Engine engine{data};
    Result r;
    Filter f;
    // Provinces by code: 34 DIY = 0, 35 Jatim = 1, 63 Kalsel = 2.
    static constexpr std::uint32_t diy = 0, jatim = 1, kalsel = 2;
    // Sectors in file order: kesehatan 0, pendidikan 1, keuangan 2.
    void run() { engine.compute(f, r); }
    std::uint32_t group(Dim d, std::size_t v) const { return r.groups[Filter::index(d)].at(v); }
    std::uint32_t year(int y) const {
        return r.groups[Filter::index(Dim::Year)].at(y - r.year_min);
    }
    std::vector<std::string> selected_ids() const {
        std::vector<std::string> out;
        for (std::uint32_t i : r.selected) out.emplace_back(data.texts.id(i));
        return out;
    }
};

}  // namespace

TEST_CASE("without a filter every record counts, in every group") {
    Fixture x;
    x.run();
    CHECK(x.r.innovations == 5);
    CHECK(x.selected_ids() == std::vector<std::string>{"diy-tanpa-tahun", "kalsel-pintar", "omspan",
                                                       "sehat-jatim", "sekolah-jatim"});
    CHECK(x.group(Dim::Province, x.diy) == 1);
    CHECK(x.group(Dim::Province, x.jatim) == 2);
    CHECK(x.group(Dim::Province, x.kalsel) == 1);
    CHECK(x.group(Dim::Sector, 0) == 3);
    CHECK(x.group(Dim::Sector, 1) == 2);
    CHECK(x.group(Dim::Sector, 2) == 1);
    CHECK(x.group(Dim::Sdg, 3) == 2);
    CHECK(x.group(Dim::Sdg, 4) == 2);
    CHECK(x.group(Dim::Stage, 0) == 1);
    CHECK(x.group(Dim::Stage, 1) == 1);
    CHECK(x.group(Dim::Stage, 2) == 2);
    CHECK(x.group(Dim::Status, 0) == 2);
    CHECK(x.group(Dim::Status, 1) == 1);
    CHECK(x.year(2016) == 1);
    CHECK(x.year(2019) == 1);
    CHECK(x.year(2020) == 2);
    CHECK(x.group(Dim::Award, 0) == 1);  // programmes by id: iga 0, kipp 1
    CHECK(x.group(Dim::Award, 1) == 2);  // kipp, counted once per innovation
    CHECK(x.group(Dim::Kind, 0) == 4);
    CHECK(x.group(Dim::Kind, 1) == 1);
    CHECK(x.r.hubs == 4);
    CHECK(x.r.hubs_daerah == 3);
    CHECK(x.r.hubs_kl == 1);
    CHECK(x.r.replications == 4);
    CHECK(x.r.events == 2);
    CHECK(x.r.provinces_covered == 3);
    REQUIRE(x.r.flows.size() == 2);
    CHECK(x.r.flows[0].from == x.jatim);
    CHECK(x.r.flows[0].to == x.kalsel);
    CHECK(x.r.flows[0].count == 2);
    CHECK(x.r.flows[1].from == x.kalsel);
    CHECK(x.r.flows[1].to == x.diy);
}

TEST_CASE("the counts agree with core/stats, which the static pages use") {
    Fixture x;
    x.run();
    const std::pair<Facet, Dim> pairs[] = {
        {Facet::Province, Dim::Province}, {Facet::Sector, Dim::Sector}, {Facet::Sdg, Dim::Sdg},
        {Facet::Stage, Dim::Stage},       {Facet::Status, Dim::Status}, {Facet::Year, Dim::Year},
        {Facet::Program, Dim::Award}};
    for (const auto& [facet, dim] : pairs) {
        auto groups = group_innovations(x.cat, facet);
        std::size_t total = 0;
        for (auto v : x.r.groups[Filter::index(dim)]) total += v;
        std::size_t expected = 0;
        for (const auto& [key, rows] : groups) expected += rows.size();
        CHECK(total == expected);
    }
    for (const auto& [code, rows] : group_innovations(x.cat, Facet::Province)) {
        std::size_t p = x.cat.province(code) - x.cat.provinces.data();
        CHECK(x.group(Dim::Province, p) == rows.size());
    }
    auto hubs = hubs_per_year(x.cat);
    REQUIRE(hubs.size() == x.r.hubs_per_year.size());
    for (std::size_t i = 0; i < hubs.size(); ++i) {
        CHECK(hubs[i].year == x.r.hubs_per_year[i].year);
        CHECK(hubs[i].cumulative_daerah ==
              static_cast<int>(x.r.hubs_per_year[i].cumulative_daerah));
        CHECK(hubs[i].cumulative_kl == static_cast<int>(x.r.hubs_per_year[i].cumulative_kl));
    }
    auto flows = replication_flows(x.cat);
    CHECK(flows.size() == x.r.flows.size());
}

TEST_CASE("one province: the other panels narrow, the province panel keeps every province") {
    Fixture x;
    x.f.toggle(Dim::Province, x.jatim);
    x.run();
    CHECK(x.r.innovations == 2);
    CHECK(x.selected_ids() == std::vector<std::string>{"sehat-jatim", "sekolah-jatim"});
    CHECK(x.group(Dim::Province, x.diy) == 1);  // its own filter is ignored
    CHECK(x.group(Dim::Province, x.kalsel) == 1);
    CHECK(x.group(Dim::Sector, 0) == 2);
    CHECK(x.group(Dim::Sector, 1) == 1);
    CHECK(x.group(Dim::Sector, 2) == 0);
    CHECK(x.year(2019) == 1);
    CHECK(x.year(2016) == 0);
    CHECK(x.r.hubs == 1);
    CHECK(x.r.replications == 3);  // two from Jatim, one into Jatim
    REQUIRE(x.r.flows.size() == 1);
    CHECK(x.r.flows[0].count == 2);
    CHECK(x.r.events == 0);
    CHECK(x.r.provinces_covered == 1);
    // Map measures ignore the province filter.
    CHECK(x.r.replications_in[x.kalsel] == 2);
    CHECK(x.r.replications_in[x.jatim] == 1);
    CHECK(x.r.hubs_by_province[x.diy] == 1);
}

TEST_CASE("values of one dimension combine with OR, dimensions with AND") {
    Fixture x;
    x.f.toggle(Dim::Province, x.jatim);
    x.f.toggle(Dim::Province, x.kalsel);
    x.run();
    CHECK(x.r.innovations == 3);
    x.f.toggle(Dim::Sector, 1);  // pendidikan
    x.run();
    CHECK(x.selected_ids() == std::vector<std::string>{"kalsel-pintar", "sekolah-jatim"});
    CHECK(x.group(Dim::Sector, 0) == 2);          // kesehatan, under the province filter only
    CHECK(x.group(Dim::Province, x.jatim) == 1);  // under the sector filter only
    CHECK(x.group(Dim::Province, x.diy) == 0);
    x.f.toggle(Dim::Province, x.kalsel);  // toggling again removes the value
    x.run();
    CHECK(x.selected_ids() == std::vector<std::string>{"sekolah-jatim"});
    CHECK(x.f.values(Dim::Province) == std::vector<std::uint32_t>{x.jatim});
}

TEST_CASE("an empty selection counts nothing but keeps each panel's own alternatives") {
    Fixture x;
    x.f.toggle(Dim::Province, x.diy);
    x.f.toggle(Dim::Sector, 2);  // keuangan: only the central OM-SPAN
    x.run();
    CHECK(x.r.innovations == 0);
    CHECK(x.r.selected.empty());
    CHECK(x.group(Dim::Sector, 0) == 1);  // what DIY has
    for (std::size_t p = 0; p < 3; ++p) CHECK(x.group(Dim::Province, p) == 0);
    for (std::size_t s = 0; s < 3; ++s) CHECK(x.group(Dim::Stage, s) == 0);
    CHECK(x.r.replications == 0);
    CHECK(x.r.flows.empty());
}

TEST_CASE("the year filter drops unknown years; hubs per year ignore it") {
    Fixture x;
    x.f.toggle(Dim::Year, 2020);
    x.run();
    CHECK(x.selected_ids() == std::vector<std::string>{"kalsel-pintar", "sekolah-jatim"});
    CHECK(x.r.hubs == 2);
    CHECK(x.r.replications == 0);
    CHECK(x.r.events == 1);
    REQUIRE(x.r.hubs_per_year.size() == 4);
    CHECK(x.r.hubs_per_year[3].cumulative_daerah == 3);
    CHECK(x.r.hubs_per_year[3].cumulative_kl == 1);
    x.f.set(Dim::Year, {1999});
    x.run();
    CHECK(x.r.innovations == 0);
    CHECK(x.r.hubs == 0);
}

TEST_CASE("the kind filter splits regional and central records") {
    Fixture x;
    x.f.toggle(Dim::Kind, 1);
    x.run();
    CHECK(x.selected_ids() == std::vector<std::string>{"omspan"});
    CHECK(x.r.hubs == 1);
    CHECK(x.r.hubs_kl == 1);
    CHECK(x.r.hubs_daerah == 0);
    CHECK(x.r.replications == 1);  // OM-SPAN into Jatim
    CHECK(x.r.flows.empty());      // a central innovation has no province of origin
}

TEST_CASE("replications follow their innovation's filters") {
    Fixture x;
    x.f.toggle(Dim::Sector, 0);  // kesehatan
    x.run();
    CHECK(x.r.replications == 2);
    x.f.clear();
    x.f.toggle(Dim::Award, 0);  // iga: Kalsel Pintar
    x.run();
    CHECK(x.r.replications == 1);
    REQUIRE(x.r.flows.size() == 1);
    CHECK(x.r.flows[0].to == x.diy);
}

TEST_CASE("rates per kabupaten/kota only where the number is known") {
    Fixture x;
    CHECK(rate_per_regency(x.data, x.jatim, 2) == doctest::Approx(2.0 / 38));
    CHECK(rate_per_regency(x.data, x.diy, 1) == doctest::Approx(1.0 / 5));
    CHECK(rate_per_regency(x.data, x.kalsel, 1) < 0);
    CHECK(rate_per_regency(x.data, 99, 1) < 0);
}

TEST_CASE("the filter keeps values sorted and unique") {
    Filter f;
    CHECK(f.empty());
    f.set(Dim::Sdg, {4, 3, 4});
    CHECK(f.values(Dim::Sdg) == std::vector<std::uint32_t>{3, 4});
    CHECK(f.has(Dim::Sdg, 3));
    CHECK_FALSE(f.has(Dim::Sdg, 5));
    f.clear(Dim::Sdg);
    CHECK(f.empty());
}

TEST_CASE("the selection is in row order, which is title order, texts in or not") {
    Catalogue cat = test::dashboard_catalogue();
    for (auto& inn : cat.innovations)
        if (inn.id == "diy-tanpa-tahun") inn.title = "Zebra DIY";  // first by id, last by title
    Data data = from_catalogue(cat, {}, {});
    REQUIRE(data.texts.id(4) == "diy-tanpa-tahun");
    Engine engine(data);
    Filter province;
    province.toggle(Dim::Province, data.innovations.province[4]);  // DIY: no other there
    Result r;
    engine.compute(Filter{}, r);
    CHECK(r.selected == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
    engine.compute(province, r);
    CHECK(r.selected == std::vector<std::uint32_t>{4});
    data.texts = Texts{};  // as decode() leaves it, before decode_texts()
    engine.compute(Filter{}, r);
    CHECK(r.selected == std::vector<std::uint32_t>{0, 1, 2, 3, 4});
}
