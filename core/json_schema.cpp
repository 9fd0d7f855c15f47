// FieldSpec -> JSON Schema. Kept in step with validate.cpp's rules: the
// same kinds, ranges, patterns and allowed values.
#include "json_schema.hpp"

namespace simpul {
namespace {

using json = nlohmann::json;

json ref_schema(RefTarget target, const Catalogue* cat) {
    json s;
    if (target == RefTarget::Sdg) {
        s = {{"type", "integer"}, {"minimum", 1}, {"maximum", 17}};
        if (cat && !cat->sdgs.empty()) {
            json values = json::array();
            for (const auto& x : cat->sdgs) values.push_back(x.number);
            s = {{"enum", values}};
        }
        return s;
    }
    if (target == RefTarget::Province) {
        // Kemendagri codes; YAML may write them with or without quotes.
        s = {{"type", json::array({"string", "integer"})}};
        if (cat && !cat->provinces.empty()) {
            json values = json::array();
            for (const auto& p : cat->provinces) {
                values.push_back(p.code);
                values.push_back(std::stoi(p.code));
            }
            s["enum"] = values;
        }
        return s;
    }
    s = {{"type", "string"}, {"pattern", "^[a-z0-9]+(-[a-z0-9]+)*$"}};
    if (!cat) return s;
    json values = json::array();
    if (target == RefTarget::Sector)
        for (const auto& x : cat->sectors) values.push_back(x.id);
    if (target == RefTarget::Program)
        for (const auto& x : cat->programs) values.push_back(x.id);
    if (!values.empty()) s = {{"enum", values}};
    return s;
}

json field_schema(const FieldSpec& f, const Catalogue* cat) {
    json s;
    switch (f.kind) {
        case FieldKind::Text:
        case FieldKind::Markdown:
            s = {{"type", "string"}};
            break;
        case FieldKind::Url:
            s = {{"type", "string"}, {"pattern", "^(https?://[^\\s\"<>]+|mailto:[^\\s\"<>]+)$"}};
            break;
        case FieldKind::Date:
            s = {{"type", "string"}, {"pattern", "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"}};
            break;
        case FieldKind::Year:
        case FieldKind::Int:
            s = {{"type", "integer"}, {"minimum", f.min}, {"maximum", f.max}};
            break;
        case FieldKind::Bool:
            s = {{"type", "boolean"}};
            break;
        case FieldKind::Enum: {
            json values = json::array();
            for (auto c : f.choices) values.push_back(std::string(c));
            s = {{"enum", values}};
            break;
        }
        case FieldKind::Ref:
            s = ref_schema(f.ref, cat);
            break;
        case FieldKind::Slug:
            s = {{"type", "string"}, {"pattern", "^[a-z0-9]+(-[a-z0-9]+)*$"}};
            break;
        case FieldKind::Object: {
            s = {{"type", "object"}};
            if (f.fields.empty()) break;  // `extra:` takes anything
            json props = json::object(), required = json::array();
            for (const auto& child : f.fields) {
                props[std::string(child.name)] = field_schema(child, cat);
                if (child.required) required.push_back(std::string(child.name));
            }
            s["properties"] = props;
            s["additionalProperties"] = false;
            if (!required.empty()) s["required"] = required;
            break;
        }
        case FieldKind::List:
            s = {{"type", "array"}, {"items", field_schema(f.fields[0], cat)}};
            break;
    }
    if (!f.doc.empty()) s["description"] = std::string(f.doc);
    return s;
}

}  // namespace

json json_schema(const RecordSchema& schema, const Catalogue* vocabulary) {
    FieldSpec root{schema.name, FieldKind::Object, true, RefTarget::None, {}, schema.fields, 0, 0,
                   {}};
    json s = field_schema(root, vocabulary);
    json out = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                {"$id", json_schema_file(schema)},
                {"title", "Simpul " + std::string(schema.name) + " record"}};
    out.update(s);
    return out;
}

std::string json_schema_file(const RecordSchema& schema) {
    return std::string(schema.name) + ".schema.json";
}

}  // namespace simpul
