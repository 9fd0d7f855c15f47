// Stage 2, validate: a generic walk of each Node against its FieldSpec table,
// plus the rules that span records (ids, duplicates, references, the
// "required unless central" conditions).
#include "validate.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "markdown.hpp"
#include "parallel.hpp"

namespace simpul::gen {
namespace {

// The ids that exist, per reference target.
using IdSet = std::unordered_set<std::string>;
using IdSets = std::map<RefTarget, IdSet>;

RefTarget target_of(RecordType t) {
    switch (t) {
        case RecordType::Agency:
            return RefTarget::Agency;
        case RecordType::Innovation:
            return RefTarget::Innovation;
        case RecordType::Hub:
            return RefTarget::Hub;
        case RecordType::Event:
            return RefTarget::Event;
        case RecordType::Province:
            return RefTarget::Province;
        case RecordType::Sector:
            return RefTarget::Sector;
        case RecordType::Sdg:
            return RefTarget::Sdg;
        case RecordType::Program:
            return RefTarget::Program;
        default:
            return RefTarget::None;
    }
}

// The key that identifies an item of a data list.
std::string_view id_key(RecordType t) {
    switch (t) {
        case RecordType::Province:
            return "code";
        case RecordType::Sdg:
            return "number";
        default:
            return "id";
    }
}

std::string where_defined(RefTarget t) {
    switch (t) {
        case RefTarget::Province:
            return "data/provinces.yaml";
        case RefTarget::Sector:
            return "data/sectors.yaml";
        case RefTarget::Sdg:
            return "data/sdgs.yaml";
        case RefTarget::Program:
            return "data/programs.yaml";
        case RefTarget::Agency:
            return "agencies/";
        case RefTarget::Hub:
            return "hubs/";
        case RefTarget::Innovation:
            return "innovations/";
        case RefTarget::Event:
            return "events/";
        case RefTarget::None:
            break;
    }
    return "";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1])});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// Absent, null, "" or []: a required field left blank counts as missing.
bool is_blank(const Node* n) {
    if (!n || n->type == Node::Type::Null) return true;
    if (n->type == Node::Type::String)
        return n->text.find_first_not_of(" \t\r\n") == std::string::npos;
    return n->type == Node::Type::List && n->items.empty();
}

std::string describe(const Node& n) {
    if (n.is_scalar()) return std::string(node_type_name(n.type)) + " '" + n.text + "'";
    return node_type_name(n.type);
}

class Validator {
  public:
    Validator(const IdSets& ids, Diagnostics& diags) : ids_(ids), diags_(diags) {}

    // Checks a map of fields against `fields`.
    void check_map(const std::string& path, const Node& map, const std::vector<FieldSpec>& fields,
                   std::string_view what, bool allow_any_keys = false) {
        if (map.type != Node::Type::Map) {
            diags_.error(path, map.line, map.col, "wrong-type",
                         std::string(what) + " must be a map of fields, found " + describe(map));
            return;
        }
        for (const auto& e : map.entries) {
            auto spec = std::find_if(fields.begin(), fields.end(),
                                     [&](const FieldSpec& f) { return f.name == e.key; });
            if (spec == fields.end()) {
                if (!allow_any_keys) unknown(path, e, fields, what);
                continue;
            }
            check_value(path, e.value, *spec, e.line, e.col);
        }
        for (const auto& f : fields)
            if (f.required && is_blank(map.get(f.name)))
                diags_.error(path, map.line, map.col, "missing-field",
                             std::string(what) + " is missing the required field '" +
                                 std::string(f.name) + "'");
    }

  private:
    void unknown(const std::string& path, const NodeEntry& e, const std::vector<FieldSpec>& fields,
                 std::string_view what) {
        std::string msg = "unknown field '" + e.key + "' in " + std::string(what);
        std::string_view best;
        std::size_t best_d = 3;
        for (const auto& f : fields) {
            std::size_t d = edit_distance(e.key, f.name);
            if (d < best_d) best_d = d, best = f.name;
        }
        if (!best.empty())
            msg += " (did you mean '" + std::string(best) + "'?)";
        else
            msg += " (put extra information under 'extra:')";
        diags_.error(path, e.line, e.col, "unknown-field", msg);
    }

    void wrong(const std::string& path, int line, int col, const FieldSpec& f, std::string expected,
               const Node& v) {
        diags_.error(
            path, line, col, "wrong-type",
            "field '" + std::string(f.name) + "' must be " + expected + ", found " + describe(v));
    }

    void check_value(const std::string& path, const Node& v, const FieldSpec& f, int line,
                     int col) {
        if (v.type == Node::Type::Null || (v.type == Node::Type::String && is_blank(&v)))
            return;  // left blank: "required" is checked by the caller
        if (v.line > 0 && f.kind != FieldKind::Object && f.kind != FieldKind::List)
            line = v.line, col = v.col;
        const std::string name(f.name);
        switch (f.kind) {
            case FieldKind::Text:
            case FieldKind::Markdown:
                if (v.type != Node::Type::String) {
                    wrong(path, line, col, f, "text", v);
                } else if (std::size_t at = control_char_at(v.text); at != std::string::npos) {
                    char code[8];
                    std::snprintf(code, sizeof code, "U+%04X",
                                  static_cast<unsigned char>(v.text[at]));
                    diags_.error(path, line, col, "control-char",
                                 "field '" + name + "' contains an invisible control character (" +
                                     code + "); delete it");
                }
                break;
            case FieldKind::Url:
                if (v.type != Node::Type::String)
                    wrong(path, line, col, f, "an address (text)", v);
                else if (!is_allowed_url(v.text))
                    diags_.error(path, line, col, "bad-url",
                                 "field '" + name +
                                     "' must be an http://, https:// or mailto: address, found '" +
                                     v.text + "'");
                break;
            case FieldKind::Date:
                if (!v.is_scalar())
                    wrong(path, line, col, f, "a date YYYY-MM-DD", v);
                else if (!is_valid_date(v.text))
                    diags_.error(path, line, col, "bad-date",
                                 "field '" + name +
                                     "' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), found '" +
                                     v.text + "'");
                break;
            case FieldKind::Year:
            case FieldKind::Int:
                if (v.type != Node::Type::Int)
                    wrong(path, line, col, f,
                          f.kind == FieldKind::Year ? "a year (a whole number)" : "a whole number",
                          v);
                else if (v.int_value < f.min || v.int_value > f.max)
                    diags_.error(path, line, col, "bad-value",
                                 "field '" + name + "' must be between " + std::to_string(f.min) +
                                     " and " + std::to_string(f.max) + ", found " + v.text);
                break;
            case FieldKind::Bool:
                if (v.type != Node::Type::Bool) wrong(path, line, col, f, "true or false", v);
                break;
            case FieldKind::Enum:
                if (v.type != Node::Type::String ||
                    std::find(f.choices.begin(), f.choices.end(), v.text) == f.choices.end()) {
                    std::string list;
                    for (auto c : f.choices) list += (list.empty() ? "" : ", ") + std::string(c);
                    if (!v.is_scalar()) {
                        wrong(path, line, col, f, "one of " + list, v);
                        break;
                    }
                    diags_.error(
                        path, line, col, "bad-value",
                        "field '" + name + "' must be one of " + list + "; found '" + v.text + "'");
                }
                break;
            case FieldKind::Slug:
                if (!v.is_scalar())
                    wrong(path, line, col, f, "a safe id (text)", v);
                else if (v.type != Node::Type::String || !is_safe_id(v.text))
                    diags_.error(path, line, col, "bad-id",
                                 "field '" + name +
                                     "' must be a safe id (a-z, 0-9 and single hyphens), found '" +
                                     v.text + "'");
                break;
            case FieldKind::Ref:
                check_ref(path, v, f, line, col);
                break;
            case FieldKind::Object:
                check_map(path, v, f.fields, "'" + name + "'", f.fields.empty());
                if (f.name == "source" || f.name == "sources") break;
                break;
            case FieldKind::List:
                if (v.type != Node::Type::List) {
                    wrong(path, line, col, f, "a list", v);
                    break;
                }
                for (const auto& item : v.items) {
                    check_value(path, item, f.fields[0], item.line ? item.line : line,
                                item.line ? item.col : col);
                    if (f.fields[0].name == "source" && item.type == Node::Type::Map &&
                        !item.get("url") && !item.get("seed"))
                        diags_.error(
                            path, item.line, item.col, "missing-field",
                            "a source needs a 'url' or a 'seed' (the seed document's file name)");
                }
                break;
        }
    }

    void check_ref(const std::string& path, const Node& v, const FieldSpec& f, int line, int col) {
        bool numeric = f.ref == RefTarget::Sdg;
        if (numeric ? v.type != Node::Type::Int : !v.is_scalar() || v.type == Node::Type::Bool) {
            wrong(path, line, col, f, numeric ? "an SDG number (1-17)" : "an id (text)", v);
            return;
        }
        const auto& set = ids_.at(f.ref);
        if (set.count(v.text)) return;
        std::string what = ref_target_name(f.ref);
        diags_.error(path, line, col, "unresolved-ref",
                     (f.ref == RefTarget::Province ? "province code '" : what + " '") + v.text +
                         "' does not exist (see " + where_defined(f.ref) + ")");
    }

    const IdSets& ids_;
    Diagnostics& diags_;
};

const Node* field(const Document& d, std::string_view key) {
    const Node* n = d.fields.get(key);
    return n && n->type != Node::Type::Null ? n : nullptr;
}

// "required unless central" rules that depend on another record.
void check_conditional(const Document& d,
                       const std::unordered_map<std::string, const Document*>& agencies,
                       Diagnostics& diags) {
    auto require_province = [&](const std::string& why) {
        if (!field(d, "province"))
            diags.error(d.path, d.fields.line, d.fields.col, "missing-field",
                        std::string(schema_for(d.type).name) +
                            " is missing the field 'province' (" + why + ")");
    };
    if (d.type == RecordType::Agency) {
        const Node* level = field(d, "level");
        if (level && level->text != "pusat") require_province("required unless level is pusat");
    } else if (d.type == RecordType::Hub) {
        const Node* kind = field(d, "kind");
        if (kind && kind->text == "daerah") require_province("required for a hub of kind daerah");
    } else if (d.type == RecordType::Innovation) {
        const Node* agency = field(d, "agency");
        if (!agency) return;
        auto it = agencies.find(agency->text);
        if (it == agencies.end()) return;
        const Node* level = field(*it->second, "level");
        if (level && level->text != "pusat")
            require_province("required because agency '" + agency->text + "' is not central");
    }
}

// [teks](inovasi:omspan) in a body must point at an existing record.
void check_record_links(const Content& content, const IdSets& ids, Diagnostics& diags) {
    // The ids a record link of each kind may point at.
    IdSet regulations, replications, province_slugs;
    for (const auto& d : content.records) {
        if (d.type == RecordType::Regulation) regulations.insert(d.id);
        if (d.type == RecordType::Replication) replications.insert(d.id);
    }
    if (auto it = content.data.find(RecordType::Province); it != content.data.end())
        for (const auto& p : it->second.root.items)
            if (const Node* slug = p.get("slug")) province_slugs.insert(slug->text);
    const std::map<std::string, const IdSet*> targets = {
        {"inovasi", &ids.at(RefTarget::Innovation)},
        {"hub", &ids.at(RefTarget::Hub)},
        {"instansi", &ids.at(RefTarget::Agency)},
        {"agenda", &ids.at(RefTarget::Event)},
        {"regulasi", &regulations},
        {"replikasi", &replications},
        {"provinsi", &province_slugs}};
    // Bodies are parsed on all cores (cmark: most of this stage's time; the
    // innovations' bodies, left in their files, were parsed by load); the
    // diagnostics follow in record order.
    std::vector<std::vector<RecordLink>> links(content.records.size());
    std::vector<int> first_lines(content.records.size());
    parallel_for(content.records.size(), 0, [&](std::size_t i) {
        const auto& d = content.records[i];
        const std::string* body = &d.body;
        first_lines[i] = d.body_line;
        if (!d.body_source.empty()) {  // left in its file: load found its links
            links[i] = d.body_links;
            return;
        }
        if (const Node* b = field(d, "body"); b && body->empty()) {
            body = &b->text;
            first_lines[i] = b->line;
        }
        if (!body->empty()) links[i] = record_links(*body);
    });
    for (std::size_t i = 0; i < content.records.size(); ++i) {
        for (const auto& link : links[i]) {
            auto kind = targets.find(link.kind);
            if (kind != targets.end() && kind->second->count(link.id)) continue;
            diags.error(content.records[i].path, first_lines[i] + link.line - 1, 1, "broken-link",
                        "record link '" + link.kind + ":" + link.id +
                            "' points to a record that does not exist");
        }
    }
}

// Advice for editors (shown by `simpul check`): a site without its address,
// agencies nothing refers to, and innovations without the fields readers filter by.
void check_recommendations(const Content& content, Diagnostics& diags) {
    if (auto site = content.data.find(RecordType::Site);
        site != content.data.end() && site->second.present) {
        const DataFile& df = site->second;
        const NodeEntry* base = df.root.entry("base_url");
        if (!base || is_blank(&base->value))
            diags.warning(df.path, base ? base->line : 1, base ? base->col : 1, "no-base-url",
                          "site has no 'base_url': sitemap.xml and feed.xml then hold relative "
                          "addresses, which search engines and feed readers do not follow; set it "
                          "to the address the site is published at");
    }
    std::set<std::string> used;
    auto use = [&](const Node* n) {
        if (!n) return;
        if (n->type == Node::Type::List)
            for (const auto& i : n->items) used.insert(i.text);
        else if (n->is_scalar())
            used.insert(n->text);
    };
    for (const auto& d : content.records) {
        use(field(d, "agency"));
        use(field(d, "adopter"));
        use(field(d, "partners"));
    }
    if (auto it = content.data.find(RecordType::Program); it != content.data.end())
        for (const auto& p : it->second.root.items) use(p.get("owner"));
    for (const auto& d : content.records) {
        if (d.type == RecordType::Agency && !used.count(d.id))
            diags.warning(d.path, 1, 1, "orphan",
                          "agency '" + d.id + "' is not used by any record");
        if (d.type != RecordType::Innovation || d.fields.type != Node::Type::Map) continue;
        for (const char* name : {"year", "stage", "status"})
            if (!field(d, name))
                diags.warning(d.path, d.fields.line, d.fields.col, "recommended",
                              std::string("innovation has no '") + name + "' (recommended)");
    }
}

// What a record's own findings depend on besides its file (ValidationMemory).
std::uint64_t validation_context(const Content& content) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    auto add = [&](std::uint64_t v) { h = (h ^ v) * 0x100000001b3ULL; };
    const std::hash<std::string> text;
    for (const auto& d : content.records) {
        add(text(d.path));
        if (d.type == RecordType::Agency) add(d.hash);
    }
    for (const auto& [type, id] : content.unparsed) add(text(id) + static_cast<int>(type));
    for (const auto& [type, df] : content.data) add(df.present ? df.hash : 1);
    return h;
}

}  // namespace

void validate_content(const Content& content, Diagnostics& diags, bool advice,
                      ValidationMemory* memory) {
    IdSets ids;
    for (RefTarget t : {RefTarget::Agency, RefTarget::Hub, RefTarget::Innovation, RefTarget::Event,
                        RefTarget::Province, RefTarget::Sector, RefTarget::Sdg, RefTarget::Program})
        ids[t];

    // Data lists: shape, item ids, duplicates.
    for (const auto& [type, df] : content.data) {
        if (!df.present) continue;
        const RecordSchema& schema = schema_for(type);
        if (type == RecordType::Site) continue;  // checked after all ids are known
        if (df.root.type != Node::Type::List) {
            diags.error(df.path, df.root.line, df.root.col, "wrong-type",
                        "this file must be a list of " + std::string(schema.name) +
                            " entries, found " + describe(df.root));
            continue;
        }
        std::map<std::string, int> seen;
        for (const auto& item : df.root.items) {
            const Node* key = item.get(id_key(type));
            if (!key || !key->is_scalar()) continue;
            if (auto [it, fresh] = seen.emplace(key->text, key->line); !fresh)
                diags.error(df.path, key->line, key->col, "duplicate-id",
                            std::string(schema.name) + " '" + key->text +
                                "' is already defined on line " + std::to_string(it->second));
            ids[target_of(type)].insert(key->text);
        }
    }

    // Record files: ids from file names, duplicates across formats.
    std::map<RecordType, std::unordered_map<std::string, const Document*>> by_id;
    std::unordered_map<std::string, const Document*> agencies;
    for (const auto& d : content.records) {
        if (!is_safe_id(d.id)) {
            std::string msg =
                "record id '" + d.id +
                "' (the file name) must use only a-z, 0-9 and single hyphens between them";
            std::string lower = d.id;
            std::transform(lower.begin(), lower.end(), lower.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            for (const auto& other : content.records)
                if (&other != &d && other.type == d.type && other.id == lower) {
                    msg += " (it differs from '" + lower +
                           "' only by case, which breaks on case-insensitive disks)";
                    break;
                }
            diags.error(d.path, 1, 1, "bad-id", msg);
            continue;
        }
        auto [it, fresh] = by_id[d.type].emplace(d.id, &d);
        if (!fresh) {
            diags.error(d.path, 1, 1, "duplicate-id",
                        std::string(schema_for(d.type).name) + " id '" + d.id +
                            "' is also defined by " + it->second->path);
            continue;
        }
        if (RefTarget t = target_of(d.type); t != RefTarget::None) ids[t].insert(d.id);
        if (d.type == RecordType::Agency) agencies[d.id] = &d;
    }

    for (const auto& [type, id] : content.unparsed)
        if (RefTarget t = target_of(type); t != RefTarget::None) ids[t].insert(id);

    // Field checks, now that every id is known.
    Validator v(ids, diags);
    for (const auto& [type, df] : content.data) {
        if (!df.present) continue;
        const RecordSchema& schema = schema_for(type);
        if (type == RecordType::Site) {
            v.check_map(df.path, df.root, schema.fields, "site.yaml");
            // base_url starts every absolute link (canonical, og:url, sitemap, feed).
            const Node* base = df.root.get("base_url");
            if (base && base->type == Node::Type::String && !is_blank(base) &&
                (base->text.rfind("mailto:", 0) == 0 || !is_allowed_url(base->text)))
                diags.error(df.path, base->line, base->col, "bad-url",
                            "field 'base_url' must be an http:// or https:// address, found '" +
                                base->text + "'");
        } else if (df.root.type == Node::Type::List) {
            for (const auto& item : df.root.items)
                v.check_map(df.path, item, schema.fields, std::string(schema.name) + " entry");
        }
    }
    // Each record's fields, on all cores; the diagnostics follow in record order.
    // (The preview's memory: those of a record unchanged in an unchanged context.)
    const std::uint64_t context = memory ? validation_context(content) : 0;
    if (memory && memory->context != context) *memory = {context, {}};
    std::vector<Diagnostics> found(content.records.size());
    std::vector<char> checked(content.records.size(), 0);
    parallel_for(content.records.size(), 0, [&](std::size_t i) {
        const Document& d = content.records[i];
        if (memory)
            if (auto it = memory->records.find(d.path);
                it != memory->records.end() && it->second.first == d.hash) {
                found[i] = it->second.second;
                return;
            }
        const RecordSchema& schema = schema_for(d.type);
        Validator(ids, found[i])
            .check_map(d.path, d.fields, schema.fields, std::string(schema.name));
        if (d.fields.type == Node::Type::Map) check_conditional(d, agencies, found[i]);
        checked[i] = 1;
    });
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (memory && checked[i])
            memory->records[content.records[i].path] = {content.records[i].hash, found[i]};
        diags.append(found[i]);
    }
    check_record_links(content, ids, diags);
    if (advice) check_recommendations(content, diags);
}

}  // namespace simpul::gen
