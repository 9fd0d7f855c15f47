// Stage 1, load: read every file of a content folder and parse it into Nodes
// (YAML front matter + Markdown body, .yaml, .json; see parse.hpp). Syntax
// errors become diagnostics with the parser's line and column; nothing is
// validated here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "diagnostics.hpp"
#include "markdown.hpp"
#include "node.hpp"
#include "parse.hpp"
#include "pieces.hpp"
#include "schema.hpp"

namespace simpul::gen {

enum class Format { Markdown, Yaml, Json };

// Where an innovation's Markdown body is: its file, read again when the page is
// rendered (read_body). Bodies are most of a large catalogue's bytes, so the
// build holds only the bodies of the pages being rendered, not all of them.
struct BodySource {
    std::filesystem::path file;  // empty: the body is kept in memory instead
    std::string path;            // display path, for messages
    std::size_t offset = 0;      // where the body starts in the file's text (BOM removed)
    std::uint64_t hash = 0;      // of the file's text, checked when it is read again
    bool empty() const { return file.empty(); }
    bool operator==(const BodySource&) const = default;
};

// A body's file changed (or went away) between load and render: the page would
// not match the rest of the model, so the build stops and asks to run again.
struct ChangedDuringBuild : std::runtime_error {
    explicit ChangedDuringBuild(std::string display_path)
        : std::runtime_error("the file changed while the site was being built"),
          path(std::move(display_path)) {}
    std::string path;
};

// The body `src` points at, read again from its file; throws ChangedDuringBuild
// when the file is no longer the one load read.
std::string read_body(const BodySource& src);

// One record file (or one item of a data list).
struct Document {
    RecordType type = RecordType::Innovation;
    std::string id;    // file name without extension
    std::string path;  // display path: "<content>/innovations/omspan.md"
    Format format = Format::Markdown;
    Node fields;             // the map of fields (front matter or whole file)
    std::string body;        // Markdown body of a .md file (empty when left in the file)
    BodySource body_source;  // an innovation's body, left in its file (body is empty)
    std::vector<RecordLink> body_links;  // the record links of a body left in its file
    int body_line = 0;                   // line where the body starts
    std::uint64_t hash = 0;              // of the file's bytes (what a rebuild compares, deps.cpp)
    FileStamp stamp;  // of the file, when it loaded with no diagnostic (else unknown)
    bool operator==(const Document&) const = default;
};

// A data file: site.yaml (a map) or data/*.yaml (a list of maps).
struct DataFile {
    RecordType type = RecordType::Site;
    std::string path;
    Node root;
    bool present = false;
    std::uint64_t hash = 0;  // of the file's bytes
};

struct Content {
    std::string root;                     // display form of the content folder, e.g. "content"
    std::map<RecordType, DataFile> data;  // Site, Province, Sector, Sdg, Program
    std::vector<Document> records;        // sorted by (type, id, path)
    // Records whose file could not be parsed: their ids still exist, so that
    // one syntax error does not cascade into "does not exist" errors elsewhere.
    std::vector<std::pair<RecordType, std::string>> unparsed;
    std::size_t cached = 0;  // of records: taken from the load cache, not parsed
    // What load found in each record folder (in load.cpp's folder order), by
    // name, sorted; hidden names left out. The preview remembers it.
    std::vector<std::vector<std::string>> listing;
    // The data files that loaded without a word to say from a regular file (the
    // preview remembers them).
    std::vector<RecordType> clean_data;
};

class LoadCache;

// The records of the live preview's last build, by display path, each with its
// file's stamp (records that loaded without a word to say, from files settled
// as the load cache's are). While a file's stamp holds, load takes its record
// from here, moved out: the build gives them back when it is done with them.
struct ContentMemory {
    std::unordered_map<std::string, Document> records;
    // When set: every file changed since load read these records, by its path
    // relative to the content folder ("innovations/omspan.md"), as the
    // preview's watcher saw them (inotify). Load then takes the record of any
    // other file without a look at the file.
    std::optional<std::unordered_set<std::string>> changed;
    // The last load's listing of the record folders and its clean data files
    // (Content::listing, clean_data): while `changed` is set, load lists only
    // the names it holds again, and reads again only the data files it names.
    std::optional<std::vector<std::vector<std::string>>> listing;
    std::map<RecordType, DataFile> data;
};

// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF included), or npos when the text is valid.
std::size_t invalid_utf8_at(const std::string& s);

// Reads and parses the content folder `dir` (shown in messages as `display`).
// Records whose file is unchanged since `cache` was written are taken from it,
// or from `memory` (taken first).
Content load_content(const std::filesystem::path& dir, const std::string& display,
                     Diagnostics& diags, const LoadCache* cache = nullptr,
                     ContentMemory* memory = nullptr);

}  // namespace simpul::gen
