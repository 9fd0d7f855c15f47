// Tests for core/json_schema: schemas follow the field tables.
#include "json_schema.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace simpul;

TEST_CASE("an innovation schema: required fields, closed object, enums, patterns") {
    auto s = json_schema(schema_for(RecordType::Innovation));
    CHECK(s["$schema"] == "http://json-schema.org/draft-07/schema#");
    CHECK(s["type"] == "object");
    CHECK(s["additionalProperties"] == false);
    CHECK(s["required"] == nlohmann::json::array({"title", "summary", "agency", "sources"}));
    CHECK(s["properties"]["stage"]["enum"] ==
          nlohmann::json::array({"penciptaan", "pengembangan", "pelembagaan"}));
    CHECK(s["properties"]["year"]["minimum"] == 1900);
    CHECK(s["properties"]["sources"]["items"]["required"] == nlohmann::json::array({"title"}));
    CHECK(s["properties"]["extra"] == nlohmann::json{{"type", "object"}});
    CHECK(json_schema_file(schema_for(RecordType::Innovation)) == "innovation.schema.json");
}

TEST_CASE("closed vocabularies come from the catalogue when given") {
    Catalogue c;
    c.sectors = {{"kesehatan", "Kesehatan", "Health"}};
    c.provinces = {test::province("63", "Kalimantan Selatan")};
    c.sdgs = {{3, "Kehidupan Sehat dan Sejahtera", "Good Health and Well-being"}};
    c.finish();
    auto s = json_schema(schema_for(RecordType::Innovation), &c);
    CHECK(s["properties"]["sectors"]["items"]["enum"] == nlohmann::json::array({"kesehatan"}));
    CHECK(s["properties"]["province"]["enum"] == nlohmann::json::array({"63", 63}));
    CHECK(s["properties"]["sdgs"]["items"]["enum"] == nlohmann::json::array({3}));
}
