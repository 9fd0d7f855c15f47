// The JSON Schema (draft 2020-12) of data/catalogue.json: the documented,
// versioned layout of the open data. Kept beside catalogue_json() (opendata_catalogue.cpp);
// the tests validate the real output against it.
#include "opendata.hpp"

namespace simpul::gen {
namespace {

using json = nlohmann::json;

json str(const char* doc) {
    return {{"type", "string"}, {"description", doc}};
}
json opt_str(const char* doc) {
    return {{"type", json::array({"string", "null"})}, {"description", doc}};
}
json integer(const char* doc) {
    return {{"type", "integer"}, {"description", doc}};
}
json opt_int(const char* doc) {
    return {{"type", json::array({"integer", "null"})}, {"description", doc}};
}
json opt_bool(const char* doc) {
    return {{"type", json::array({"boolean", "null"})}, {"description", doc}};
}
json strings(const char* doc) {
    return {{"type", "array"}, {"items", {{"type", "string"}}}, {"description", doc}};
}
json ref(const char* def) {
    return {{"$ref", std::string("#/$defs/") + def}};
}
json list_of(const char* def, const char* doc) {
    return {{"type", "array"}, {"items", ref(def)}, {"description", doc}};
}

// An object whose every property is required (absent values are null) and
// that allows no other property.
json record(const char* doc, json properties) {
    json required = json::array();
    for (const auto& [k, v] : properties.items()) required.push_back(k);
    return {{"type", "object"},
            {"description", doc},
            {"properties", std::move(properties)},
            {"required", required},
            {"additionalProperties", false}};
}

}  // namespace

json catalogue_schema() {
    json defs;
    defs["source"] =
        record("Where a record's facts come from.",
               {{"title", str("Title of the article or document")},
                {"url", opt_str("Public address")},
                {"seed", opt_str("Seed document file name")},
                {"publisher", opt_str("Publisher")},
                {"date", opt_str("Date on the source (YYYY, YYYY-MM or YYYY-MM-DD)")}});
    defs["figure"] = record("A headline figure with its sources.",
                            {{"id", str("Figure id")},
                             {"label", str("Label in Indonesian")},
                             {"label_en", opt_str("Label in English")},
                             {"value", integer("The number")},
                             {"as_of", integer("Year the number refers to")},
                             {"sources", list_of("source", "Sources")}});
    defs["province"] =
        record("One of Indonesia's 38 provinces.",
               {{"code", str("Ministry of Home Affairs code, \"11\"..\"96\"")},
                {"name", str("Name")},
                {"short", str("Short name")},
                {"slug", str("URL slug")},
                {"capital", opt_str("Capital")},
                {"tile", record("Tile-map position (0-based)",
                                {{"col", integer("Column")}, {"row", integer("Row")}})},
                {"kabupaten", opt_int("Number of regencies, null when unsourced")},
                {"kota", opt_int("Number of cities, null when unsourced")}});
    defs["sector"] = record("A public-service sector.", {{"id", str("Sector id")},
                                                         {"name", str("Name in Indonesian")},
                                                         {"name_en", str("Name in English")}});
    defs["sdg"] = record("A Sustainable Development Goal.", {{"number", integer("1..17")},
                                                             {"name", str("Name in Indonesian")},
                                                             {"name_en", str("Name in English")}});
    defs["program"] = record("An award programme or competition.",
                             {{"id", str("Programme id")},
                              {"name", str("Name")},
                              {"name_en", opt_str("Name in English")},
                              {"owner", opt_str("Agency id of the organiser")},
                              {"url", opt_str("Address")}});
    defs["agency"] = record(
        "A government agency, university or partner.",
        {{"id", str("Record id")},
         {"name", str("Name")},
         {"name_en", opt_str("Name in English")},
         {"short", opt_str("Abbreviation")},
         {"type",
          str("kementerian, lembaga, pemprov, pemkab, pemkot, perguruan-tinggi or lainnya")},
         {"level", str("pusat, provinsi, kabupaten or kota")},
         {"province", opt_str("Province code; null for central agencies")},
         {"url", opt_str("Website")},
         {"page",
          str("Its page on the site (absolute with base_url, else relative to the site root)")},
         {"sources", list_of("source", "Sources")}});
    defs["award"] = record("An award won.", {{"program", str("Programme id")},
                                             {"year", integer("Year")},
                                             {"title", str("Title of the award")}});
    defs["link"] = record("A link.", {{"title", str("Title")}, {"url", str("Address")}});
    defs["contact"] = {
        {"oneOf", json::array({{{"type", "null"}},
                               record("Who to contact.", {{"name", opt_str("Name")},
                                                          {"email", opt_str("E-mail")},
                                                          {"phone", opt_str("Phone")},
                                                          {"url", opt_str("Website")}})})}};
    defs["innovation"] = record(
        "A public-service innovation.",
        {{"id", str("Record id")},
         {"title", str("Title")},
         {"title_en", opt_str("Title in English")},
         {"summary", str("Summary")},
         {"summary_en", opt_str("Summary in English")},
         {"agency", str("Owning agency id")},
         {"province", opt_str("Province code of the innovation, else of its agency")},
         {"year", opt_int("Year launched")},
         {"sectors", strings("Sector ids")},
         {"sdgs",
          {{"type", "array"}, {"items", {{"type", "integer"}}}, {"description", "SDG numbers"}}},
         {"stage", opt_str("penciptaan, pengembangan or pelembagaan")},
         {"status", opt_str("berlanjut or vakum")},
         {"digital", opt_bool("Digital service")},
         {"awards", list_of("award", "Awards")},
         {"contact", ref("contact")},
         {"links", list_of("link", "Links")},
         {"updated", opt_str("Last updated (YYYY-MM-DD)")},
         {"body", opt_str("Description (Markdown, Indonesian)")},
         {"body_en", opt_str("Description in English (Markdown)")},
         {"page", str("Its page on the site")},
         {"sources", list_of("source", "Sources")}});
    defs["decree"] = {{"oneOf", json::array({{{"type", "null"}},
                                             record("The decree that established a hub.",
                                                    {{"number", str("Number")},
                                                     {"title", opt_str("Title")},
                                                     {"year", opt_int("Year")},
                                                     {"url", opt_str("Address")}})})}};
    defs["hub"] = record("A JIPP hub.", {{"id", str("Record id")},
                                         {"name", str("Name")},
                                         {"name_en", opt_str("Name in English")},
                                         {"kind", str("daerah (regional) or kl (ministry/agency)")},
                                         {"province", opt_str("Province code (regional hubs)")},
                                         {"agency", str("Host agency id")},
                                         {"established", integer("Year established")},
                                         {"decree", ref("decree")},
                                         {"partners", strings("Partner agency ids")},
                                         {"body", opt_str("Description (Markdown)")},
                                         {"page", str("Its page on the site")},
                                         {"sources", list_of("source", "Sources")}});
    defs["replication"] = record("An agency adopting another's innovation.",
                                 {{"id", str("Record id")},
                                  {"innovation", str("Innovation id")},
                                  {"adopter", str("Adopting agency id")},
                                  {"year", integer("Year")},
                                  {"status", str("direncanakan, berjalan or selesai")},
                                  {"event", opt_str("Event id where it was agreed")},
                                  {"notes", opt_str("Notes")},
                                  {"page", str("Its page on the site")},
                                  {"sources", list_of("source", "Sources")}});
    defs["event"] = record("A forum, discussion or visit.",
                           {{"id", str("Record id")},
                            {"title", str("Title")},
                            {"title_en", opt_str("Title in English")},
                            {"type", str("fripp, fgd, kunjungan or lainnya")},
                            {"date", str("YYYY, YYYY-MM or YYYY-MM-DD")},
                            {"status", str("terlaksana or dijadwalkan")},
                            {"hub", opt_str("Organising hub id")},
                            {"province", opt_str("Province code")},
                            {"online", opt_bool("Held online")},
                            {"innovations", strings("Innovation ids presented")},
                            {"body", opt_str("Description (Markdown)")},
                            {"page", str("Its page on the site")},
                            {"sources", list_of("source", "Sources")}});
    defs["regulation"] =
        record("A regulation or decree.", {{"id", str("Record id")},
                                           {"title", str("Title")},
                                           {"title_en", opt_str("Title in English")},
                                           {"number", str("Number")},
                                           {"year", integer("Year")},
                                           {"type", opt_str("Type")},
                                           {"url", opt_str("Address of the document")},
                                           {"body", opt_str("Description (Markdown)")},
                                           {"page", str("Its page on the site")},
                                           {"sources", list_of("source", "Sources")}});

    json counts = json::object();
    for (const char* k : {"provinces", "sectors", "sdgs", "programs", "agencies", "innovations",
                          "hubs", "replications", "events", "regulations"})
        counts[k] = integer("Number of records");
    json schema = record(
        "Every record of the Simpul catalogue of public-service innovations (JIPP/JIPPNas).",
        {{"$schema", str("This schema's address, relative to the file")},
         {"schema_version",
          {{"const", kOpenDataVersion},
           {"description", "Version of this layout: minor for additions, major for changes"}}},
         {"title", str("Site title")},
         {"title_en", opt_str("Site title in English")},
         {"description", str("Site description")},
         {"licence",
          record("Licence of the data", {{"name", opt_str("Name")}, {"url", opt_str("Address")}})},
         {"base_url", opt_str("The site's address, when configured")},
         {"counts", record("Records per type", counts)},
         {"figures", list_of("figure", "Headline figures")},
         {"provinces", list_of("province", "Provinces")},
         {"sectors", list_of("sector", "Sectors")},
         {"sdgs", list_of("sdg", "SDGs")},
         {"programs", list_of("program", "Award programmes")},
         {"agencies", list_of("agency", "Agencies")},
         {"innovations", list_of("innovation", "Innovations")},
         {"hubs", list_of("hub", "JIPP hubs")},
         {"replications", list_of("replication", "Replications")},
         {"events", list_of("event", "Events")},
         {"regulations", list_of("regulation", "Regulations")}});
    json out = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                {"title", "Simpul catalogue.json " + std::string(kOpenDataVersion)}};
    out.update(schema);
    out["$defs"] = defs;
    return out;
}

}  // namespace simpul::gen
