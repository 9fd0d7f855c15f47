// Open data: every record as data/catalogue.json (with a versioned JSON Schema,
// data/catalogue.schema.json), the main record types as CSV (UTF-8 with BOM,
// CRLF, RFC 4180 quoting) and data.json, a catalogue of these downloads with
// their licence. Written into the staging folder beside the pages.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "catalogue.hpp"
#include "opendata_reuse.hpp"
#include "write.hpp"

namespace simpul::gen {

// The version of the catalogue.json layout and of the CSV columns. Additions of
// fields raise the minor number, removals or changes the major number.
inline constexpr const char* kOpenDataVersion = "1.0.0";

// One CSV column: its name, what it holds (per language) and how to read it
// from a record.
template <class Record>
struct CsvColumn {
    const char* name;
    const char* doc_id;
    const char* doc_en;
    std::function<std::string(const Catalogue&, const Record&)> value;
};

const std::vector<CsvColumn<Innovation>>& innovation_columns();
const std::vector<CsvColumn<Hub>>& hub_columns();
const std::vector<CsvColumn<Replication>>& replication_columns();
const std::vector<CsvColumn<Event>>& event_columns();

// A CSV file: UTF-8 byte order mark, a header row, CRLF line ends; fields quoted
// when they hold a comma, quote or line break. Text that a spreadsheet would
// run as a formula (starting with = + - @ or a tab) gets a leading apostrophe.
std::string csv_text(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows);

// Every record of the catalogue (schema kOpenDataVersion).
nlohmann::json catalogue_json(const SiteModel& model);
// The text of data/catalogue.json (catalogue_json(), compact, and a line end),
// handed to `out` a record at a time. A record that `reuse` has under the same
// key is copied from there (runs of them at once); `written`, when given, gets
// the key and place in the text of each record whose key is known, and the
// number copied (opendata_reuse.hpp). Returns the text's identity
// (StagedOutput::write_pieces): records count by their key, not their bytes.
std::uint64_t write_catalogue_json(const SiteModel& model, PieceSink& out,
                                   const CatalogueReuse* reuse = nullptr,
                                   CatalogueWritten* written = nullptr);

// The JSON Schema (draft 2020-12) of catalogue_json's output (opendata_schema.cpp).
nlohmann::json catalogue_schema();

// The data.json catalogue of the downloads (Project Open Data metadata v1.1 fields).
nlohmann::json data_catalogue(const SiteModel& model);

// The files of the open data, as (site path, content) pairs.
std::vector<std::pair<std::string, std::string>> open_data_files(const SiteModel& model);
// The same files as (path, function making its text), to make one at a time.
std::vector<std::pair<std::string, std::function<std::string()>>> open_data_makers(
    const SiteModel& model);

// What every entry of catalogue.json is made from: simpul itself and the site's address.
std::uint64_t entry_key_base(const SiteModel& model);
// What innovation `k`'s entry in catalogue.json is made from, as one number (0:
// not known): its file, its agency's file and `base` (entry_key_base()).
std::uint64_t innovation_entry_key(const SiteModel& model, std::size_t k, std::uint64_t base);

// The live preview's innovations.csv rows of its last build, by record path:
// what each row was made from (innovation_entry_key, the data files, the
// innovation's replication count) and its text. A row made from the same is
// taken from here instead of made again.
struct TableMemory {
    std::unordered_map<std::string, std::pair<std::uint64_t, std::string>> innovation_rows;
};

// Writes open_data_files() into the staging folder in two parts, which the
// pipeline runs side by side. write_catalogue_file() writes data/catalogue.json,
// made as it is written, copying the entries of unchanged records from the
// output's (unless --clean); the result holds what the index of the new file
// needs, saved once the output is published (save_catalogue_index, by the
// pipeline). write_open_data_tables() writes the other files, taking the
// innovations.csv rows of unchanged records from `memory` when given (and
// leaving this build's rows there).
CatalogueWritten write_catalogue_file(const SiteModel& model, StagedOutput& out);
void write_open_data_tables(const SiteModel& model, StagedOutput& out,
                            TableMemory* memory = nullptr);

}  // namespace simpul::gen
