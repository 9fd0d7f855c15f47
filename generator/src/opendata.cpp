// Open data files: the CSV tables, data.json (the catalogue of downloads) and
// the data page's view; catalogue.json (every record) is opendata_catalogue.cpp's.
// Records are written in catalogue order, so two builds of the same content
// give the same bytes.
#include "opendata.hpp"

#include <functional>

#include "deps.hpp"
#include "view.hpp"

namespace simpul::gen {
namespace {

using json = nlohmann::json;

// Appends a CSV field: quoted when needed; formula-like text defused with an apostrophe.
void append_csv_field(std::string& out, std::string_view v) {
    const bool defuse = !v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' ||
                                       v[0] == '\t' || v[0] == '\r');
    const bool quote = v.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote) out += '"';
    if (defuse) out += '\'';
    // The text between quotes copied whole, each quote doubled.
    for (std::size_t at; quote && (at = v.find('"')) != std::string_view::npos;) {
        out.append(v.substr(0, at + 1)) += '"';
        v.remove_prefix(at + 1);
    }
    out.append(v);
    if (quote) out += '"';
}

// Appends one line of CSV: the fields `field(0)` .. `field(n - 1)`.
template <class Field>
void append_csv_line(std::string& out, std::size_t n, const Field& field) {
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0) out += ',';
        append_csv_field(out, field(i));
    }
    out += "\r\n";
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Made a line at a time, straight into the file's text.
template <class Record>
std::string csv_of(const Catalogue& cat, const std::vector<Record>& records,
                   const std::vector<CsvColumn<Record>>& columns) {
    std::string out(kUtf8Bom);
    append_csv_line(out, columns.size(), [&](std::size_t i) { return columns[i].name; });
    for (const auto& r : records)
        append_csv_line(out, columns.size(),
                        [&](std::size_t i) { return columns[i].value(cat, r); });
    return out;
}

}  // namespace

std::string csv_text(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) {
    std::string out(kUtf8Bom);
    append_csv_line(out, header.size(), [&](std::size_t i) { return std::string_view(header[i]); });
    for (const auto& r : rows)
        append_csv_line(out, r.size(), [&](std::size_t i) { return std::string_view(r[i]); });
    return out;
}

json data_catalogue(const SiteModel& model) {
    const Catalogue& cat = model.cat;
    const std::string base = site_base(cat.site);
    // The newest `updated` date of any innovation: the data's modification date.
    std::string modified;
    for (const auto& i : cat.innovations) modified = std::max(modified, i.updated);
    auto dist = [&](const std::string& file, const char* media, const char* format,
                    const std::string& title) {
        json d = {{"@type", "dcat:Distribution"},
                  {"downloadURL", base + "data/" + file},
                  {"mediaType", media},
                  {"format", format},
                  {"title", title}};
        if (file == "catalogue.json") {
            d["describedBy"] = base + "data/catalogue.schema.json";
            d["describedByType"] = "application/schema+json";
        } else {
            d["describedBy"] = base + "data/index.html";
            d["describedByType"] = "text/html";
        }
        return d;
    };
    json dataset = {
        {"@type", "dcat:Dataset"},
        {"identifier", base + "data/catalogue.json"},
        {"title", cat.site.title},
        {"description", cat.site.description},
        {"keyword", json::array({"inovasi pelayanan publik", "JIPP", "JIPPNas", "replikasi",
                                 "public service innovation"})},
        {"accessLevel", "public"},
        {"publisher", {{"@type", "org:Organization"}, {"name", cat.site.title}}},
        {"language", cat.site.languages},
        {"landingPage", base + "data/index.html"},
        {"version", kOpenDataVersion},
        {"distribution",
         json::array({dist("catalogue.json", "application/json", "JSON",
                           "Seluruh catatan katalog / every record of the catalogue"),
                      dist("innovations.csv", "text/csv", "CSV", "Inovasi / innovations"),
                      dist("hubs.csv", "text/csv", "CSV", "Hub JIPP / JIPP hubs"),
                      dist("replications.csv", "text/csv", "CSV", "Replikasi / replications"),
                      dist("events.csv", "text/csv", "CSV", "Agenda / events")})}};
    if (!cat.site.licence_url.empty()) dataset["license"] = cat.site.licence_url;
    if (!cat.site.licence_name.empty()) dataset["rights"] = cat.site.licence_name;
    if (!modified.empty()) dataset["modified"] = modified;
    if (!cat.site.contact.email.empty())
        dataset["contactPoint"] = {{"@type", "vcard:Contact"},
                                   {"fn", cat.site.contact.name},
                                   {"hasEmail", "mailto:" + cat.site.contact.email}};
    return {{"conformsTo", "https://project-open-data.cio.gov/v1.1/schema"},
            {"describedBy", "https://project-open-data.cio.gov/v1.1/schema/catalog.json"},
            {"@context", "https://project-open-data.cio.gov/v1.1/schema/catalog.jsonld"},
            {"@type", "dcat:Catalog"},
            {"dataset", json::array({dataset})}};
}

std::vector<std::pair<std::string, std::function<std::string()>>> open_data_makers(
    const SiteModel& model) {
    const Catalogue& cat = model.cat;
    return {
        {"data/catalogue.json",
         [&] {
             TextPieces text;
             write_catalogue_json(model, text);
             return std::move(text.text());
         }},
        {"data/catalogue.schema.json", [] { return catalogue_schema().dump(2) + "\n"; }},
        {"data/innovations.csv",
         [&] { return csv_of(cat, cat.innovations, innovation_columns()); }},
        {"data/hubs.csv", [&] { return csv_of(cat, cat.hubs, hub_columns()); }},
        {"data/replications.csv",
         [&] { return csv_of(cat, cat.replications, replication_columns()); }},
        {"data/events.csv", [&] { return csv_of(cat, cat.events, event_columns()); }},
        {"data.json", [&] { return data_catalogue(model).dump(2) + "\n"; }},
    };
}

std::vector<std::pair<std::string, std::string>> open_data_files(const SiteModel& model) {
    std::vector<std::pair<std::string, std::string>> files;
    for (const auto& [path, make] : open_data_makers(model)) files.emplace_back(path, make());
    return files;
}

namespace {

// innovations.csv as csv_of() makes it, each row of an unchanged innovation
// taken from `memory`, which is left holding this build's rows.
std::string innovations_csv(const SiteModel& model, TableMemory& memory) {
    const Catalogue& cat = model.cat;
    const auto& columns = innovation_columns();
    std::string out(kUtf8Bom);
    append_csv_line(out, columns.size(), [&](std::size_t i) { return columns[i].name; });
    TableMemory next;
    next.innovation_rows.reserve(cat.innovations.size());
    const std::uint64_t base = entry_key_base(model);
    for (std::size_t k = 0; k < cat.innovations.size(); ++k) {
        const Innovation& inn = cat.innovations[k];
        std::uint64_t key = innovation_entry_key(model, k, base);
        if (key != 0) key = mix(mix(key, model.data_hash), cat.replication_count(inn.id)) | 1;
        auto kept =
            key ? memory.innovation_rows.find(inn.origin.path) : memory.innovation_rows.end();
        if (kept != memory.innovation_rows.end() && kept->second.first == key) {
            out += kept->second.second;
            next.innovation_rows.insert(memory.innovation_rows.extract(kept));
            continue;
        }
        const std::size_t start = out.size();
        append_csv_line(out, columns.size(),
                        [&](std::size_t i) { return columns[i].value(cat, inn); });
        if (key != 0) next.innovation_rows[inn.origin.path] = {key, out.substr(start)};
    }
    memory = std::move(next);
    return out;
}

}  // namespace

void write_open_data_tables(const SiteModel& model, StagedOutput& out, TableMemory* memory) {
    // One file at a time: none need sit in memory beside the others.
    for (const auto& [path, make] : open_data_makers(model)) {
        if (path == "data/catalogue.json") continue;
        out.write(path, memory && path == "data/innovations.csv" ? innovations_csv(model, *memory)
                                                                 : make());
    }
}

namespace {

template <class Record>
json column_docs(const ViewContext& v, const std::vector<CsvColumn<Record>>& columns) {
    json out = json::array();
    for (const auto& c : columns)
        out.push_back({{"name", c.name}, {"doc", v.plan.lang == "id" ? c.doc_id : c.doc_en}});
    return out;
}

}  // namespace

json opendata_view(const ViewContext& v) {
    const Catalogue& cat = v.cat;
    auto n = [&](std::size_t count) { return v.number(static_cast<long long>(count)); };
    auto download = [&](const std::string& file, const char* format, const std::string& label,
                        std::size_t records) {
        return json{{"file", file},
                    {"href", v.root + "data/" + file},
                    {"format", format},
                    {"label", label},
                    {"records", n(records)}};
    };
    std::size_t all = cat.agencies.size() + cat.innovations.size() + cat.hubs.size() +
                      cat.replications.size() + cat.events.size() + cat.regulations.size();
    json downloads = json::array(
        {download("catalogue.json", "JSON", v.str("opendata.catalogue"), all),
         download("innovations.csv", "CSV", v.str("nav.innovations"), cat.innovations.size()),
         download("hubs.csv", "CSV", v.str("nav.hubs"), cat.hubs.size()),
         download("replications.csv", "CSV", v.str("nav.replications"), cat.replications.size()),
         download("events.csv", "CSV", v.str("nav.events"), cat.events.size())});
    json tables = json::array(
        {{{"file", "innovations.csv"},
          {"id", "kolom-inovasi"},
          {"columns", column_docs(v, innovation_columns())}},
         {{"file", "hubs.csv"}, {"id", "kolom-hub"}, {"columns", column_docs(v, hub_columns())}},
         {{"file", "replications.csv"},
          {"id", "kolom-replikasi"},
          {"columns", column_docs(v, replication_columns())}},
         {{"file", "events.csv"},
          {"id", "kolom-agenda"},
          {"columns", column_docs(v, event_columns())}}});
    return {{"page_title", v.str("opendata.title")},
            {"version", kOpenDataVersion},
            {"downloads", downloads},
            {"tables", tables},
            {"schema_href", v.root + "data/catalogue.schema.json"},
            {"dcat_href",
             v.root + "data.json"},  // not data_json_href: the layout's link to catalogue.json
            {"licence_name", cat.site.licence_name},
            {"licence_url", cat.site.licence_url}};
}

}  // namespace simpul::gen
