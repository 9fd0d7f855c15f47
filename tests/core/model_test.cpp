// Tests for core/model: canonical order and look-ups.
#include "model.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace simpul;

TEST_CASE("finish() sorts records and indexes them by id") {
    Catalogue c;
    c.provinces = {test::province("63", "Kalimantan Selatan"), test::province("11", "Aceh")};
    Innovation z;
    z.id = "zebra";
    Innovation a;
    a.id = "alpha";
    a.agency = "pemprov-aceh";
    c.innovations = {z, a};
    Agency ag;
    ag.id = "pemprov-aceh";
    ag.province = "11";
    c.agencies = {ag};
    Replication r2, r1;
    r2.id = "r2";
    r2.innovation = "alpha";
    r1.id = "r1";
    r1.innovation = "alpha";
    c.replications = {r2, r1};
    Regulation reg;
    reg.id = "permen";
    c.regulations = {reg};
    c.finish();
    CHECK(c.provinces[0].code == "11");
    CHECK(c.innovations[0].id == "alpha");
    REQUIRE(c.innovation("zebra") != nullptr);
    CHECK(c.innovation("zebra")->id == "zebra");
    CHECK(c.innovation("nope") == nullptr);
    CHECK(c.province("63")->name == "Kalimantan Selatan");
    CHECK(c.province_of(*c.innovation("alpha")) == "11");
    CHECK(c.province_of(*c.innovation("zebra")).empty());
    CHECK(c.replications[0].id == "r1");
    REQUIRE(c.replication("r2") != nullptr);
    CHECK(c.replication("r2") == &c.replications[1]);
    CHECK(c.replication("r3") == nullptr);
    CHECK(c.regulation("permen")->id == "permen");
    CHECK(c.regulation("uu") == nullptr);
    CHECK(c.replication_count("alpha") == 2);
    CHECK(c.replication_count("zebra") == 0);
}
