// Stage 1, load: read every file of a content folder and parse it into Nodes
// (YAML front matter + Markdown body, .yaml, .json). Syntax errors become
// diagnostics with the parser's line and column; nothing is validated here.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"
#include "node.hpp"
#include "schema.hpp"

namespace simpul::gen {

enum class Format { Markdown, Yaml, Json };

// One record file (or one item of a data list).
struct Document {
    RecordType type = RecordType::Innovation;
    std::string id;    // file name without extension
    std::string path;  // display path: "<content>/innovations/omspan.md"
    Format format = Format::Markdown;
    Node fields;        // the map of fields (front matter or whole file)
    std::string body;   // Markdown body of a .md file
    int body_line = 0;  // line where the body starts
};

// A data file: site.yaml (a map) or data/*.yaml (a list of maps).
struct DataFile {
    RecordType type = RecordType::Site;
    std::string path;
    Node root;
    bool present = false;
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
Content load_content(const std::filesystem::path& dir, const std::string& display,
                     Diagnostics& diags);

// Parsing helpers, exposed for tests and fuzzing. `first_line` is the file line
// of the text's first line (front matter starts on line 2).
std::optional<Node> parse_yaml(const std::string& text, const std::string& path, int first_line,
                               Diagnostics& diags);
std::optional<Node> parse_json(const std::string& text, const std::string& path,
                               Diagnostics& diags);

struct FrontMatter {
    std::string yaml;  // between the --- lines
    std::string body;  // after the closing ---
    int body_line = 0;
};
// Splits a Markdown record; reports a missing or unclosed front matter block.
std::optional<FrontMatter> split_front_matter(const std::string& text, const std::string& path,
                                              Diagnostics& diags);

}  // namespace simpul::gen
