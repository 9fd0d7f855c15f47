// Tests for core/stats: facet groups, hubs per year, replication flows.
#include "stats.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace simpul;

namespace {

Catalogue sample() {
    Catalogue c;
    c.provinces = {test::province("63", "Kalimantan Selatan"),
                   test::province("34", "DI Yogyakarta")};
    Agency pusat;
    pusat.id = "kemenkeu";
    pusat.level = "pusat";
    Agency diy;
    diy.id = "pemprov-diy";
    diy.level = "provinsi";
    diy.province = "34";
    Agency kalsel;
    kalsel.id = "pemprov-kalsel";
    kalsel.level = "provinsi";
    kalsel.province = "63";
    c.agencies = {pusat, diy, kalsel};
    Innovation a;
    a.id = "a";
    a.agency = "pemprov-diy";
    a.year = 2019;
    a.sectors = {"lingkungan", "pendidikan"};
    a.sdgs = {4, 15};
    a.awards = {{"kipp", 2019, "Top 99"}, {"kipp", 2020, "Top 45"}};
    Innovation b;
    b.id = "b";
    b.agency = "kemenkeu";
    b.sectors = {"keuangan"};
    b.stage = "pelembagaan";
    c.innovations = {b, a};
    Hub h1;
    h1.id = "kalsel";
    h1.kind = "daerah";
    h1.established = 2020;
    Hub h2;
    h2.id = "bali";
    h2.kind = "daerah";
    h2.established = 2021;
    Hub h3;
    h3.id = "lan";
    h3.kind = "kl";
    h3.established = 2023;
    c.hubs = {h1, h2, h3};
    Replication r;
    r.id = "r1";
    r.innovation = "a";
    r.adopter = "pemprov-kalsel";
    Replication r2 = r;
    r2.id = "r2";
    Replication r3;
    r3.id = "r3";
    r3.innovation = "b";  // central innovation: no province, not a flow
    r3.adopter = "pemprov-kalsel";
    c.replications = {r, r2, r3};
    c.finish();
    return c;
}

}  // namespace

TEST_CASE("innovations group by province through their agency") {
    Catalogue c = sample();
    auto g = group_innovations(c, Facet::Province);
    REQUIRE(g.size() == 1);
    REQUIRE(g["34"].size() == 1);
    CHECK(c.innovations[g["34"][0]].id == "a");
}

TEST_CASE("an innovation counts once per facet key even with two awards of one programme") {
    Catalogue c = sample();
    auto g = group_innovations(c, Facet::Program);
    CHECK(g["kipp"].size() == 1);
    auto s = group_innovations(c, Facet::Sector);
    CHECK(s.size() == 3);
    CHECK(group_innovations(c, Facet::Sdg)["15"].size() == 1);
    CHECK(group_innovations(c, Facet::Year).size() == 1);  // b has no year
    CHECK(group_innovations(c, Facet::Stage)["pelembagaan"].size() == 1);
    CHECK(group_innovations(c, Facet::Status).empty());
}

TEST_CASE("hubs per year are cumulative and split daerah / kl, with empty years kept") {
    auto rows = hubs_per_year(sample());
    REQUIRE(rows.size() == 4);  // 2020..2023
    CHECK(rows[0].year == 2020);
    CHECK(rows[0].cumulative_daerah == 1);
    CHECK(rows[1].cumulative_daerah == 2);
    CHECK(rows[2].daerah == 0);
    CHECK(rows[3].kl == 1);
    CHECK(rows[3].cumulative_kl == 1);
    CHECK(rows[3].cumulative_daerah == 2);
    CHECK(hubs_per_year(Catalogue{}).empty());
}

TEST_CASE("replication flows aggregate by province pair and skip unknown sides") {
    auto flows = replication_flows(sample());
    REQUIRE(flows.size() == 1);
    CHECK(flows[0].from_province == "34");
    CHECK(flows[0].to_province == "63");
    CHECK(flows[0].count == 2);
}

TEST_CASE("facet counts over a subset of innovations count each key once per innovation") {
    Catalogue c = sample();
    // c.innovations is sorted by id: [0] = a (DIY, two sectors), [1] = b (central).
    const std::size_t n = c.innovations.size();
    auto counts = [&](Facet f, const std::vector<std::size_t>& subset) {
        return facet_counts(group_innovations(c, f), members_of(subset, n));
    };
    CHECK(counts(Facet::Sector, {0, 1}) == std::map<std::string, std::size_t>{{"keuangan", 1},
                                                                              {"lingkungan", 1},
                                                                              {"pendidikan", 1}});
    CHECK(counts(Facet::Sector, {1}) == std::map<std::string, std::size_t>{{"keuangan", 1}});
    CHECK(counts(Facet::Program, {0}) == std::map<std::string, std::size_t>{{"kipp", 1}});
    CHECK(counts(Facet::Province, {1}).empty());
    CHECK(counts(Facet::Year, {}).empty());
    // An index past the catalogue (a stale listing) counts nowhere.
    CHECK(members_of({1, 7}, n) == std::vector<char>{0, 1});
    CHECK(counts(Facet::Program, {1, 7}).empty());
}

TEST_CASE("replications per year split by status, with empty years kept") {
    Catalogue c = sample();
    c.replications[0].year = 2020;
    c.replications[0].status = "selesai";
    c.replications[1].year = 2022;
    c.replications[1].status = "direncanakan";
    c.replications[2].year = 2022;
    c.replications[2].status = "berjalan";
    auto rows = replications_per_year(c);
    REQUIRE(rows.size() == 3);  // 2020..2022
    CHECK(rows[0].year == 2020);
    CHECK(rows[0].selesai == 1);
    CHECK(rows[1].total() == 0);
    CHECK(rows[2].direncanakan == 1);
    CHECK(rows[2].berjalan == 1);
    CHECK(rows[2].total() == 2);
    CHECK(replications_per_year(sample()).empty());  // years unknown
}
