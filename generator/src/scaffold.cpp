// Record scaffolds generated from the schema tables (see scaffold.hpp).
#include "scaffold.hpp"

#include <fstream>

#include "diagnostics.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

std::string ref_hint(RefTarget t) {
    switch (t) {
        case RefTarget::Agency:
            return "id of an agency in agencies/";
        case RefTarget::Hub:
            return "id of a hub in hubs/";
        case RefTarget::Innovation:
            return "id of an innovation in innovations/";
        case RefTarget::Event:
            return "id of an event in events/";
        case RefTarget::Province:
            return "Kemendagri province code from data/provinces.yaml, e.g. \"63\"";
        case RefTarget::Sector:
            return "sector id from data/sectors.yaml";
        case RefTarget::Sdg:
            return "SDG number 1-17";
        case RefTarget::Program:
            return "programme id from data/programs.yaml (kipp, iga, labinov, ...)";
        case RefTarget::None:
            break;
    }
    return "";
}

std::string comment_for(const FieldSpec& f) {
    std::string c = f.required ? "(wajib / required)" : "";
    auto add = [&](const std::string& s) {
        if (s.empty()) return;
        c += (c.empty() ? "" : " ") + s;
    };
    // The field's own words, then the allowed values, set apart by "; ".
    std::string doc(f.doc);
    if (!doc.empty() && doc.back() != ';' && doc.back() != ':') doc += ';';
    add(doc);
    if (f.kind == FieldKind::Enum) {
        std::string values;
        for (auto v : f.choices) values += (values.empty() ? "" : " | ") + std::string(v);
        add(values);
    }
    if (f.kind == FieldKind::Ref) add(ref_hint(f.ref));
    if (f.kind == FieldKind::List && f.fields[0].kind == FieldKind::Ref)
        add("list of: " + ref_hint(f.fields[0].ref));
    if (f.kind == FieldKind::Date) add("YYYY-MM-DD (or YYYY-MM, YYYY)");
    if (f.kind == FieldKind::Url) add("https://...");
    if (f.kind == FieldKind::Bool) add("true | false");
    if (!c.empty() && c.back() == ';') c.pop_back();
    return c;
}

std::string placeholder(const FieldSpec& f) {
    switch (f.kind) {
        case FieldKind::Year:
        case FieldKind::Int:
            return "";
        case FieldKind::Bool:
            return "false";
        case FieldKind::List:
            return "[]";
        default:
            return "\"\"";
    }
}

void emit(std::string& out, const FieldSpec& f, const std::string& indent,
          const std::string& today) {
    if (f.name == "body" || f.name == "extra") return;
    std::string prefix = f.required ? indent : indent + "# ";
    std::string comment = comment_for(f);
    auto line = [&](const std::string& value) {
        std::string l = prefix + std::string(f.name) + ":" + (value.empty() ? "" : " " + value);
        if (!comment.empty()) l += "  # " + comment;
        out += l + "\n";
    };
    if (f.name == "updated") {
        out += indent + "updated: \"" + today + "\"  # " + comment + "\n";
        return;
    }
    if (f.kind == FieldKind::Object) {
        line("");
        for (const auto& child : f.fields) emit(out, child, prefix + "  ", today);
        return;
    }
    if (f.kind == FieldKind::List && f.fields[0].kind == FieldKind::Object) {
        // One example item; its optional fields commented out (a source's url stays open).
        line("");
        bool first = true;
        for (const auto& child : f.fields[0].fields) {
            bool open = child.required || child.name == "url";
            std::string value = placeholder(child);
            std::string l = prefix + (first ? "  - " : "    ") + (open ? "" : "# ") +
                            std::string(child.name) + ":" + (value.empty() ? "" : " " + value);
            if (std::string c = comment_for(child); !c.empty()) l += "  # " + c;
            out += l + "\n";
            first = false;
        }
        return;
    }
    line(placeholder(f));
}

std::string body_for(RecordType type) {
    switch (type) {
        case RecordType::Innovation:
            return "## Latar belakang\n\n\n## Inovasi\n\n\n## Dampak\n\n\n## Cara mereplikasi\n\n";
        case RecordType::Hub:
            return "Tentang hub ini (sebutkan sumbernya di `sources`).\n";
        case RecordType::Event:
            return "Jalannya kegiatan (sebutkan sumbernya di `sources`).\n";
        case RecordType::Regulation:
            return "Isi pokok peraturan.\n";
        default:
            return "";
    }
}

}  // namespace

std::optional<RecordType> record_type_named(const std::string& name) {
    for (const auto& s : all_schemas())
        if (s.one_file_per_record && s.name == name) return s.type;
    return std::nullopt;
}

std::string scaffold_extension(RecordType type) {
    return schema_for(type).has_body ? ".md" : ".yaml";
}

std::string scaffold_record(RecordType type, const std::string& today) {
    const RecordSchema& schema = schema_for(type);
    std::string out;
    bool md = scaffold_extension(type) == ".md";
    if (md) out += "---\n";
    out += "# yaml-language-server: $schema=../../public/schema/" + std::string(schema.name) +
           ".schema.json\n";
    out +=
        "# New " + std::string(schema.name) +
        " record. Fill in the (wajib / required) fields; remove the '# ' to use an optional one.\n";
    out += "# Every fact needs a source under 'sources'. Check with: simpul check\n";
    for (const auto& f : schema.fields) emit(out, f, "", today);
    if (md) out += "---\n" + body_for(type);
    return out;
}

NewResult create_record(const fs::path& content, const std::string& display, RecordType type,
                        const std::string& id, const std::string& today) {
    const RecordSchema& schema = schema_for(type);
    std::string folder(schema.folder);
    std::string shown = display + "/" + folder + "/" + id + scaffold_extension(type);
    NewResult r;
    r.path = content / folder / (id + scaffold_extension(type));
    if (!is_safe_id(id)) {
        r.error = format_diagnostic(
            {shown, 1, 1, Severity::Error, "bad-id",
             "record id '" + id + "' must use only a-z, 0-9 and single hyphens between them"});
        return r;
    }
    for (const char* ext : {".md", ".yaml", ".yml", ".json"}) {
        fs::path existing = content / folder / (id + ext);
        if (fs::exists(existing)) {
            r.error = format_diagnostic(
                {display + "/" + folder + "/" + id + ext, 1, 1, Severity::Error, "duplicate-id",
                 std::string(schema.name) + " '" + id + "' already exists"});
            return r;
        }
    }
    fs::create_directories(r.path.parent_path());
    std::ofstream f(r.path, std::ios::binary);
    f << scaffold_record(type, today);
    if (!f) {
        r.error = format_diagnostic(
            {shown, 1, 1, Severity::Error, "write-error", "cannot write the file"});
        return r;
    }
    r.ok = true;
    return r;
}

}  // namespace simpul::gen
