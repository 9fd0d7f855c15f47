// Tests for core/schema: the contract tables and the lexical checks.
#include "schema.hpp"

#include <doctest/doctest.h>

using namespace simpul;

TEST_CASE("safe ids are lower-case words joined by single hyphens") {
    CHECK(is_safe_id("omspan"));
    CHECK(is_safe_id("si-terpa-daya-jiwa"));
    CHECK(is_safe_id("hub-2020"));
    CHECK_FALSE(is_safe_id(""));
    CHECK_FALSE(is_safe_id("Omspan"));
    CHECK_FALSE(is_safe_id("a_b"));
    CHECK_FALSE(is_safe_id("a--b"));
    CHECK_FALSE(is_safe_id("-a"));
    CHECK_FALSE(is_safe_id("a-"));
    CHECK_FALSE(is_safe_id(".."));
    CHECK_FALSE(is_safe_id("a/b"));
    CHECK_FALSE(is_safe_id("inovasi-\xC3\xA9"));
}

TEST_CASE("dates may be a year, a month or a day, and must exist") {
    CHECK(is_valid_date("2020"));
    CHECK(is_valid_date("2020-11"));
    CHECK(is_valid_date("2020-10-27"));
    CHECK(is_valid_date("2024-02-29"));
    CHECK_FALSE(is_valid_date("2023-02-29"));
    CHECK_FALSE(is_valid_date("2020-13"));
    CHECK_FALSE(is_valid_date("2020-1-5"));
    CHECK_FALSE(is_valid_date("27/10/2020"));
    CHECK_FALSE(is_valid_date("1800"));
}

TEST_CASE("only http, https and mailto addresses are allowed") {
    CHECK(is_allowed_url("https://menpan.go.id/"));
    CHECK(is_allowed_url("http://example.org/a?b=c"));
    CHECK(is_allowed_url("mailto:hub@example.org"));
    CHECK_FALSE(is_allowed_url("javascript:alert(1)"));
    CHECK_FALSE(is_allowed_url("data:text/html,x"));
    CHECK_FALSE(is_allowed_url("https://"));
    CHECK_FALSE(is_allowed_url("https://a b"));
    CHECK_FALSE(is_allowed_url("//example.org"));
}

TEST_CASE("every record type has a schema with its required fields") {
    const RecordSchema& inn = schema_for(RecordType::Innovation);
    CHECK(inn.folder == "innovations");
    CHECK(inn.has_body);
    auto required = [](const RecordSchema& s, std::string_view name) {
        for (const auto& f : s.fields)
            if (f.name == name) return f.required;
        FAIL("no field ", std::string(name));
        return false;
    };
    CHECK(required(inn, "title"));
    CHECK(required(inn, "agency"));
    CHECK(required(inn, "sources"));
    CHECK_FALSE(required(inn, "province"));
    CHECK(required(schema_for(RecordType::Hub), "established"));
    CHECK(required(schema_for(RecordType::Replication), "adopter"));
    CHECK(required(schema_for(RecordType::Event), "date"));
    CHECK(required(schema_for(RecordType::Regulation), "number"));
    CHECK(all_schemas().size() == 11);
}
