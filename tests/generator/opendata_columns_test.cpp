// Tests for generator/src/opendata_columns.cpp: the CSV columns are unique,
// documented in both languages and read the right values.
#include <doctest/doctest.h>

#include <set>

#include "opendata.hpp"
#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;
using test::fixture_model;

namespace {
template <class R>
void check_documented(const std::vector<CsvColumn<R>>& cols) {
    std::set<std::string> names;
    for (const auto& c : cols) {
        CAPTURE(c.name);
        CHECK(names.insert(c.name).second);
        CHECK(std::string(c.doc_id).size() > 3);
        CHECK(std::string(c.doc_en).size() > 3);
    }
    CHECK(cols.front().name == std::string("id"));
}
template <class R>
std::map<std::string, std::string> row(const Catalogue& cat, const R& r,
                                       const std::vector<CsvColumn<R>>& cols) {
    std::map<std::string, std::string> out;
    for (const auto& c : cols) out[c.name] = c.value(cat, r);
    return out;
}
}  // namespace

TEST_CASE("every CSV column has a unique name and documentation in both languages") {
    check_documented(innovation_columns());
    check_documented(hub_columns());
    check_documented(replication_columns());
    check_documented(event_columns());
}

TEST_CASE("columns read their values from the records") {
    SiteModel m = fixture_model();
    auto inn = row(m.cat, *m.cat.innovation("bank-sampah"), innovation_columns());
    CHECK(inn["province_code"] == "34");
    CHECK(inn["province_name"] == "DI Yogyakarta");
    CHECK(inn["agency_name"] == "Pemerintah Daerah DI Yogyakarta (uji)");
    CHECK(inn["sdgs"] == "1");
    CHECK(inn["digital"] == "false");
    CHECK(inn["awards"] == "kipp 2019: Top 99");
    CHECK(inn["replications"] == "1");
    CHECK(inn["url"] == "inovasi/bank-sampah/index.html");
    CHECK(inn["sources"] == "https://example.org/bank-sampah");
    auto rimba = row(m.cat, *m.cat.innovation("sekolah-rimba"), innovation_columns());
    CHECK(rimba["sectors"] == "lingkungan; tata-kelola");
    CHECK(rimba["year"] == "");
    CHECK(rimba["sources"] == "fixture.txt");  // a seed document when there is no address
    auto hub = row(m.cat, m.cat.hubs[0], hub_columns());
    CHECK(hub["decree_number"] == "94/2020");
    CHECK(hub["partners"] == "kemenpanrb");
    auto rep = row(m.cat, m.cat.replications[0], replication_columns());
    CHECK(rep["origin_province_code"] == "34");
    CHECK(rep["adopter_province_code"] == "63");
    auto ev = row(m.cat, *m.cat.event("fripp-kalsel"), event_columns());
    CHECK(ev["province_code"] == "63");  // from its hub
    CHECK(ev["online"] == "true");
    CHECK(ev["innovations"] == "bank-sampah; layanan-daring");
}
