// Stage 1, load: read every file of a content folder and parse it into Nodes
// (YAML front matter + Markdown body, .yaml, .json; see parse.hpp). Syntax
// errors become diagnostics with the parser's line and column; nothing is
// validated here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "node.hpp"
#include "parse.hpp"
#include "schema.hpp"

namespace simpul::gen {

enum class Format { Markdown, Yaml, Json };

// One record file (or one item of a data list).
struct Document {
    RecordType type = RecordType::Innovation;
    std::string id;    // file name without extension
    std::string path;  // display path: "<content>/innovations/omspan.md"
    Format format = Format::Markdown;
    Node fields;             // the map of fields (front matter or whole file)
    std::string body;        // Markdown body of a .md file
    int body_line = 0;       // line where the body starts
    std::uint64_t hash = 0;  // of the file's bytes (what a rebuild compares, deps.cpp)
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
};

// Reads and parses the content folder `dir` (shown in messages as `display`).
// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF included), or npos when the text is valid.
std::size_t invalid_utf8_at(const std::string& s);

Content load_content(const std::filesystem::path& dir, const std::string& display,
                     Diagnostics& diags);

}  // namespace simpul::gen
