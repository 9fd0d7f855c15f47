// `simpul new <type> <id>`: writes a new record file listing every field of
// its type (from core/schema), required ones marked, allowed values in
// comments, ready to fill in. Never overwrites.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "schema.hpp"

namespace simpul::gen {

// "innovation" -> RecordType::Innovation, for the six record-file types.
std::optional<RecordType> record_type_named(const std::string& name);

// The text of a new record file (Markdown with front matter, or YAML).
// `today` is YYYY-MM-DD, used for `updated`.
std::string scaffold_record(RecordType type, const std::string& today);

// The file extension a new record of this type gets (".md" or ".yaml").
std::string scaffold_extension(RecordType type);

struct NewResult {
    bool ok = false;
    std::filesystem::path path;
    std::string error;  // "path:1:1: error[code]: message" when !ok
};

// Creates <content>/<folder>/<id><ext>; refuses bad ids and existing records.
NewResult create_record(const std::filesystem::path& content, const std::string& content_display,
                        RecordType type, const std::string& id, const std::string& today);

}  // namespace simpul::gen
