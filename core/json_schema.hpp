// JSON Schemas (draft-07) of every record type, generated from the field
// tables in schema.cpp, so editors can validate records as people type.
// Closed vocabularies (provinces, sectors, SDGs, programmes) come from the
// catalogue when one is given.
#pragma once

#include <nlohmann/json.hpp>

#include "model.hpp"
#include "schema.hpp"

namespace simpul {

// The schema of one record type's fields (a record file, or one item of a data list).
nlohmann::json json_schema(const RecordSchema& schema, const Catalogue* vocabulary = nullptr);

// The file name a schema is published under: "innovation.schema.json".
std::string json_schema_file(const RecordSchema& schema);

}  // namespace simpul
