// The content contract as data: for every record type, its folder and fields
// (kind, required, allowed values, what a reference points to). Validation,
// scaffolding and JSON Schemas all read these tables; nothing restates them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace simpul {

enum class RecordType {
    Site,
    Province,
    Sector,
    Sdg,
    Program,  // site.yaml and data/*.yaml
    Agency,
    Innovation,
    Hub,
    Replication,
    Event,
    Regulation,  // one file per record
};

enum class FieldKind {
    Text,      // a single-line or multi-line string
    Markdown,  // a string rendered with cmark
    Url,       // http(s):// or mailto:
    Date,      // YYYY, YYYY-MM or YYYY-MM-DD
    Year,      // 1900..2100
    Int,       // a whole number within [min, max]
    Bool,
    Enum,    // one of `choices`
    Ref,     // the id of another record (see `ref`)
    Slug,    // a safe id: ^[a-z0-9]+(-[a-z0-9]+)*$
    Object,  // a map with `fields`
    List,    // a list of `fields[0]`
};

// What a Ref field points to.
enum class RefTarget { None, Agency, Hub, Innovation, Event, Province, Sector, Sdg, Program };

struct FieldSpec {
    std::string_view name;
    FieldKind kind = FieldKind::Text;
    bool required = false;
    RefTarget ref = RefTarget::None;
    std::vector<std::string_view> choices;  // Enum
    std::vector<FieldSpec> fields;          // Object: its fields; List: fields[0] is the item
    long long min = 0, max = 0;             // Int
    std::string_view doc;                   // one line for humans (scaffolds, schemas)
};

struct RecordSchema {
    RecordType type;
    std::string_view name;    // "innovation"
    std::string_view folder;  // "innovations" (or "data/sectors.yaml", "site.yaml")
    bool one_file_per_record = true;
    bool has_body = false;  // Markdown body (front matter file, or `body` field)
    std::vector<FieldSpec> fields;
};

const RecordSchema& schema_for(RecordType type);
// Every record type, in a fixed order (data files first, then record folders).
const std::vector<RecordSchema>& all_schemas();

const char* ref_target_name(RefTarget t);  // "agency", "province", ...

// True when `id` matches ^[a-z0-9]+(-[a-z0-9]+)*$.
bool is_safe_id(std::string_view id);
// True for YYYY, YYYY-MM or YYYY-MM-DD with a valid month and day.
bool is_valid_date(std::string_view s);
// True for absolute http://, https:// and mailto: URLs without spaces or control characters.
bool is_allowed_url(std::string_view s);
// The offset of the first control character (C0 but tab, line feed and carriage
// return, or DEL), or npos: invisible in editors, forbidden in XML, errors in HTML.
std::size_t control_char_at(std::string_view s);

}  // namespace simpul
