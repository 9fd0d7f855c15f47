// Tests for generator/src/opendata.cpp: CSV quoting, catalogue.json and
// data.json for the fixture, and the real content's files holding every record.
#include "opendata.hpp"

#include <doctest/doctest.h>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;
using json = nlohmann::json;

namespace {
SiteModel model_of(const std::filesystem::path& content) {
    Diagnostics d;
    Content c = load_content(content, "content", d);
    validate_content(c, d);
    REQUIRE_FALSE(d.has_errors());
    return build_model(c);
}

// RFC 4180 reader (quoted fields, doubled quotes, CRLF), for checking the output.
std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> rows(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty()) rows.pop_back();
    return rows;
}

std::map<std::string, std::string> files_of(const SiteModel& m) {
    std::map<std::string, std::string> out;
    for (auto& [path, content] : open_data_files(m)) out[path] = content;
    return out;
}
}  // namespace

TEST_CASE("CSV: BOM, CRLF, quoting and formula-like text defused") {
    std::string csv = csv_text({"a", "b"}, {{"x,y", "say \"hi\""}, {"=SUM(A1)", "line\nbreak"}});
    CHECK(csv ==
          "\xEF\xBB\xBF"
          "a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n'=SUM(A1),\"line\nbreak\"\r\n");
    auto rows = parse_csv(csv.substr(3));
    REQUIRE(rows.size() == 3);
    CHECK(rows[1] == std::vector<std::string>{"x,y", "say \"hi\""});
    CHECK(rows[2] == std::vector<std::string>{"'=SUM(A1)", "line\nbreak"});
}

TEST_CASE("catalogue.json holds every record of the fixture with derived fields") {
    SiteModel m = model_of(test::fixture("valid/basic/content"));
    json j = catalogue_json(m);
    CHECK(j["schema_version"] == kOpenDataVersion);
    CHECK(j["$schema"] == "catalogue.schema.json");
    CHECK(j["counts"]["innovations"] == 3);
    CHECK(j["innovations"].size() == 3);
    CHECK(j["hubs"].size() == 1);
    CHECK(j["replications"].size() == 1);
    CHECK(j["events"].size() == 2);
    CHECK(j["regulations"].size() == 1);
    CHECK(j["agencies"].size() == 3);
    CHECK(j["provinces"].size() == 2);
    const json& daring = j["innovations"][1];
    CHECK(daring["id"] == "layanan-daring");
    CHECK(daring["province"] == nullptr);  // a central agency's innovation
    CHECK(daring["body_en"] == "English **test** text.");
    CHECK(daring["page"] == "inovasi/layanan-daring/index.html");
    CHECK(j["innovations"][0]["province"] == "34");
    CHECK(j["innovations"][0]["awards"][0] ==
          json{{"program", "kipp"}, {"year", 2019}, {"title", "Top 99"}});
    CHECK(j["licence"]["name"] == "CC BY 4.0");
}

TEST_CASE("catalogue.json written a record at a time is catalogue_json() as compact text") {
    SiteModel m = model_of(simpul::test::fixture("valid/basic/content"));
    TextPieces pieces;
    write_catalogue_json(m, pieces);
    const std::string& text = pieces.text();
    CHECK(text == catalogue_json(m).dump(-1, ' ', false, json::error_handler_t::replace) + "\n");
    CHECK(pieces.pieces() > m.cat.innovations.size());  // never the whole text at once
    CHECK(files_of(m).at("data/catalogue.json") == text);
}

TEST_CASE("data.json lists every download with its media type and the licence") {
    SiteModel m = model_of(test::fixture("valid/basic/content"));
    json d = data_catalogue(m);
    CHECK(d["conformsTo"] == "https://project-open-data.cio.gov/v1.1/schema");
    const json& ds = d["dataset"][0];
    CHECK(ds["license"] == "https://creativecommons.org/licenses/by/4.0/");
    CHECK(ds["modified"] == "2026-11-22");
    std::vector<std::string> urls;
    for (const auto& x : ds["distribution"]) urls.push_back(x["downloadURL"]);
    CHECK(urls == std::vector<std::string>{"data/catalogue.json", "data/innovations.csv",
                                           "data/hubs.csv", "data/replications.csv",
                                           "data/events.csv"});
    CHECK(ds["distribution"][1]["mediaType"] == "text/csv");
    m.cat.site.base_url = "https://example.org/";
    CHECK(data_catalogue(m)["dataset"][0]["distribution"][0]["downloadURL"] ==
          "https://example.org/data/catalogue.json");
}

TEST_CASE("the real content's CSV and JSON files parse and hold every record") {
    SiteModel m = model_of(test::source_dir() / "content");
    auto files = files_of(m);
    CHECK(files.size() == 7);
    json cat = json::parse(files.at("data/catalogue.json"));
    CHECK(cat["innovations"].size() == m.cat.innovations.size());
    CHECK(cat["hubs"].size() == m.cat.hubs.size());
    CHECK(cat["replications"].size() == m.cat.replications.size());
    CHECK(cat["events"].size() == m.cat.events.size());
    CHECK(cat["agencies"].size() == m.cat.agencies.size());
    CHECK(cat["regulations"].size() == m.cat.regulations.size());
    CHECK(cat["provinces"].size() == 38);
    CHECK(json::parse(files.at("data.json"))["dataset"].size() == 1);
    CHECK(json::parse(files.at("data/catalogue.schema.json"))["$schema"] ==
          "https://json-schema.org/draft/2020-12/schema");

    auto check_csv = [&](const std::string& file, const auto& records, std::size_t columns) {
        CAPTURE(file);
        const std::string& text = files.at(file);
        REQUIRE(text.rfind("\xEF\xBB\xBF", 0) == 0);
        auto rows = parse_csv(text.substr(3));
        REQUIRE(rows.size() == records.size() + 1);
        CHECK(rows[0][0] == "id");
        for (std::size_t i = 0; i < records.size(); ++i) {
            CHECK(rows[i + 1].size() == columns);
            CHECK(rows[i + 1][0] == records[i].id);
        }
        return rows;
    };
    auto inn = check_csv("data/innovations.csv", m.cat.innovations, innovation_columns().size());
    check_csv("data/hubs.csv", m.cat.hubs, hub_columns().size());
    check_csv("data/replications.csv", m.cat.replications, replication_columns().size());
    check_csv("data/events.csv", m.cat.events, event_columns().size());
    // The OM-SPAN row: its title with a comma-free value, its sources as addresses.
    for (const auto& row : inn)
        if (row[0] == "omspan") {
            CHECK(row[1] == m.cat.innovation("omspan")->title);
            CHECK(row.back().find("https://nusakini.com/") == 0);
        }
}
