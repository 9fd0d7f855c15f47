// Tests for generator/src/opendata_schema.cpp: the JSON Schema describes
// exactly the fields catalogue_json() writes (the browser-side output test
// also validates the real output with ajv).
#include <doctest/doctest.h>

#include <set>

#include "opendata.hpp"
#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;
using json = nlohmann::json;

namespace {
std::set<std::string> keys(const json& o) {
    std::set<std::string> out;
    for (const auto& [k, v] : o.items()) out.insert(k);
    return out;
}
// The object schema behind a property: a record, a $ref or a nullable oneOf.
const json& resolve(const json& schema, const json& s) {
    if (s.contains("$ref"))
        return resolve(schema, schema["$defs"][s["$ref"].get<std::string>().substr(8)]);
    if (s.contains("oneOf")) return resolve(schema, s["oneOf"][1]);
    return s;
}
// Every object in `value` has exactly the properties its schema lists.
void check(const json& schema, const json& s, const json& value, const std::string& path) {
    CAPTURE(path);
    const json& r = resolve(schema, s);
    if (value.is_object() && r.contains("properties")) {
        CHECK(keys(value) == keys(r["properties"]));
        for (const auto& [k, v] : value.items())
            if (r["properties"].contains(k)) check(schema, r["properties"][k], v, path + "." + k);
    } else if (value.is_array() && r.contains("items")) {
        for (const auto& v : value) check(schema, r["items"], v, path + "[]");
    }
}
}  // namespace

TEST_CASE("the schema is versioned and lists exactly the fields of catalogue.json") {
    json schema = catalogue_schema();
    CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
    CHECK(schema["properties"]["schema_version"]["const"] == kOpenDataVersion);
    CHECK(schema["additionalProperties"] == false);
    for (const char* def : {"innovation", "hub", "replication", "event", "agency", "province",
                            "regulation", "source", "decree", "contact"})
        CHECK_MESSAGE(schema["$defs"].contains(def), def);
    for (const auto& content :
         {test::fixture("valid/basic/content"), test::source_dir() / "content"}) {
        Diagnostics d;
        Content c = load_content(content, "content", d);
        validate_content(c, d);
        REQUIRE_FALSE(d.has_errors());
        check(schema, schema, catalogue_json(build_model(c)), "$");
    }
}
