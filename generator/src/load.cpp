// Stage 1, load: files -> Nodes. YAML through yaml-cpp, JSON through
// nlohmann/json's SAX interface (so keys keep their line), Markdown bodies
// kept as text for the renderer.
#include "load.hpp"

#include "parallel.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

// ---- YAML ------------------------------------------------------------------

// YAML 1.2 core-schema integers and floats (what yaml-cpp leaves to the caller).
bool is_plain_int(const std::string& s) {
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    if (i == s.size() || s.size() - i > 18) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

bool is_plain_float(const std::string& s) {
    std::size_t i = (!s.empty() && (s[0] == '-' || s[0] == '+')) ? 1 : 0;
    std::size_t digits = 0, dots = 0;
    for (; i < s.size() && s[i] != 'e' && s[i] != 'E'; ++i) {
        if (s[i] == '.') ++dots;
        else if (s[i] >= '0' && s[i] <= '9') ++digits;
        else return false;
    }
    if (dots != 1 || digits == 0) return false;
    if (i == s.size()) return true;
    ++i;  // exponent
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (i == s.size()) return false;
    for (; i < s.size(); ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

void classify_plain_scalar(Node& n) {
    const std::string& s = n.text;
    if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
        n.type = Node::Type::Bool;
        n.bool_value = s[0] == 't' || s[0] == 'T';
    } else if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") {
        n.type = Node::Type::Null;
    } else if (is_plain_int(s)) {
        n.type = Node::Type::Int;
        n.int_value = std::stoll(s);
    } else if (is_plain_float(s)) {
        n.type = Node::Type::Float;
    } else {
        n.type = Node::Type::String;
    }
}

struct YamlConverter {
    const std::string& path;
    int line_offset;  // file line of the YAML text's first line, minus one
    Diagnostics& diags;

    Node convert(const YAML::Node& y, int fallback_line, int fallback_col) {
        Node n;
        YAML::Mark m = y.Mark();
        bool has_mark = m.line >= 0;
        n.line = has_mark ? m.line + 1 + line_offset : fallback_line;
        n.col = has_mark ? m.column + 1 : fallback_col;
        switch (y.Type()) {
            case YAML::NodeType::Undefined:
            case YAML::NodeType::Null:
                n.type = Node::Type::Null;
                break;
            case YAML::NodeType::Scalar:
                n.text = y.Scalar();
                if (y.Tag() == "!")
                    n.type = Node::Type::String;  // quoted or block scalar
                else
                    classify_plain_scalar(n);
                break;
            case YAML::NodeType::Sequence:
                n.type = Node::Type::List;
                for (const auto& item : y) n.items.push_back(convert(item, n.line, n.col));
                break;
            case YAML::NodeType::Map:
                n.type = Node::Type::Map;
                for (const auto& kv : y) {
                    YAML::Mark km = kv.first.Mark();
                    int kl = km.line >= 0 ? km.line + 1 + line_offset : n.line;
                    int kc = km.line >= 0 ? km.column + 1 : n.col;
                    if (!kv.first.IsScalar()) {
                        diags.error(path, kl, kc, "yaml-syntax", "a key must be plain text");
                        continue;
                    }
                    std::string key = kv.first.Scalar();
                    if (n.entry(key)) {
                        diags.error(path, kl, kc, "duplicate-key",
                                    "key '" + key + "' appears more than once");
                        continue;
                    }
                    n.entries.push_back({key, kl, kc, convert(kv.second, kl, kc)});
                }
                break;
        }
        return n;
    }
};

// ---- JSON ------------------------------------------------------------------

// A char iterator that remembers how far nlohmann's lexer has read, so SAX
// events can be given a line and column.
struct CountingIterator {
    using iterator_category = std::forward_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char*;
    using reference = const char&;

    const char* p = nullptr;
    const char** furthest = nullptr;

    reference operator*() const { return *p; }
    CountingIterator& operator++() {
        ++p;
        if (p > *furthest) *furthest = p;
        return *this;
    }
    CountingIterator operator++(int) {
        CountingIterator old = *this;
        ++*this;
        return old;
    }
    bool operator==(const CountingIterator& o) const { return p == o.p; }
    bool operator!=(const CountingIterator& o) const { return p != o.p; }
};

struct LineIndex {
    std::vector<std::size_t> starts{0};
    explicit LineIndex(const std::string& text) {
        for (std::size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') starts.push_back(i + 1);
    }
    std::pair<int, int> at(std::size_t offset) const {
        auto it = std::upper_bound(starts.begin(), starts.end(), offset);
        std::size_t line = static_cast<std::size_t>(it - starts.begin());
        return {static_cast<int>(line), static_cast<int>(offset - starts[line - 1] + 1)};
    }
};

class JsonBuilder : public nlohmann::json_sax<nlohmann::json> {
  public:
    JsonBuilder(const std::string& text, const std::string& path, const char** furthest,
                Diagnostics& diags)
        : text_(text), lines_(text), path_(path), furthest_(furthest), diags_(diags) {}

    std::optional<Node> result;

    bool null() override { return scalar(Node::Type::Null, "null"); }
    bool boolean(bool v) override {
        Node n = make(Node::Type::Bool, v ? "true" : "false");
        n.bool_value = v;
        return add(std::move(n));
    }
    bool number_integer(number_integer_t v) override { return integer(v); }
    bool number_unsigned(number_unsigned_t v) override {
        return integer(static_cast<long long>(v));
    }
    bool number_float(number_float_t, const string_t& s) override {
        return scalar(Node::Type::Float, s);
    }
    bool string(string_t& v) override { return scalar(Node::Type::String, v); }
    bool binary(binary_t&) override { return scalar(Node::Type::Null, ""); }
    bool start_object(std::size_t) override { return open(Node::Type::Map); }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(Node::Type::List); }
    bool end_array() override { return close(); }
    bool key(string_t& k) override {
        // The lexer has just read the closing quote: walk back to the opening one.
        std::size_t end = here();
        std::size_t start = end > 0 ? end - 1 : 0;
        while (start > 0) {
            --start;
            if (text_[start] == '"' && (start == 0 || text_[start - 1] != '\\')) break;
        }
        auto [line, col] = lines_.at(start);
        Node& map = stack_.back();
        if (map.entry(k)) {
            diags_.error(path_, line, col, "duplicate-key",
                         "key '" + k + "' appears more than once");
            skip_next_ = true;
        }
        pending_key_ = {k, line, col, {}};
        return true;
    }
    bool parse_error(std::size_t byte, const std::string&,
                     const nlohmann::detail::exception& ex) override {
        auto [line, col] = lines_.at(byte > 0 ? std::min(byte - 1, text_.size()) : 0);
        std::string msg = ex.what();
        // "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..."
        if (auto p = msg.find(": "); p != std::string::npos) msg = msg.substr(p + 2);
        diags_.error(path_, line, col, "json-syntax", msg);
        return false;
    }

  private:
    std::size_t here() const { return static_cast<std::size_t>(*furthest_ - text_.data()); }

    Node make(Node::Type t, std::string text) {
        Node n;
        n.type = t;
        n.text = std::move(text);
        if (!stack_.empty() && stack_.back().type == Node::Type::Map) {
            n.line = pending_key_.line;
            n.col = pending_key_.col;
        } else {
            auto [line, col] = lines_.at(here() > 0 ? here() - 1 : 0);
            n.line = line;
            n.col = col;
        }
        return n;
    }
    bool scalar(Node::Type t, std::string text) { return add(make(t, std::move(text))); }
    bool integer(long long v) {
        Node n = make(Node::Type::Int, std::to_string(v));
        n.int_value = v;
        return add(std::move(n));
    }
    bool open(Node::Type t) {
        Node n = make(t, "");
        keys_.push_back(pending_key_);
        skips_.push_back(skip_next_);
        skip_next_ = false;
        stack_.push_back(std::move(n));
        return true;
    }
    bool close() {
        Node n = std::move(stack_.back());
        stack_.pop_back();
        pending_key_ = keys_.back();
        keys_.pop_back();
        skip_next_ = skips_.back();
        skips_.pop_back();
        return add(std::move(n));
    }
    bool add(Node n) {
        if (stack_.empty()) {
            result = std::move(n);
        } else if (stack_.back().type == Node::Type::List) {
            stack_.back().items.push_back(std::move(n));
        } else if (skip_next_) {
            skip_next_ = false;
        } else {
            NodeEntry e = pending_key_;
            e.value = std::move(n);
            stack_.back().entries.push_back(std::move(e));
        }
        return true;
    }

    const std::string& text_;
    LineIndex lines_;
    const std::string& path_;
    const char** furthest_;
    Diagnostics& diags_;
    std::vector<Node> stack_;
    std::vector<NodeEntry> keys_;
    std::vector<bool> skips_;
    NodeEntry pending_key_;
    bool skip_next_ = false;
};

// ---- files -----------------------------------------------------------------

bool read_file(const fs::path& p, std::string& out) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return !in.bad();
}

void strip_bom(std::string& text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
}

// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF included), or npos when the text is valid.
std::size_t invalid_utf8_at(const std::string& s) {
    std::size_t i = 0, n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len == 0 || i + len > n) return i;
        unsigned cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 0x2) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string::npos;
}

constexpr std::uintmax_t kMaxFileBytes = 10u * 1024 * 1024;

// Reads a content file with every check a file from many hands needs: links
// must stay inside the content folder, size is capped, text must be UTF-8.
bool read_content_file(const fs::path& file, const fs::path& root, const std::string& shown, std::string& text,
                       Diagnostics& diags) {
    std::error_code ec;
    if (fs::is_symlink(fs::symlink_status(file, ec))) {
        fs::path target = fs::canonical(file, ec);
        if (ec) {
            diags.error(shown, 0, 0, "bad-link", "this link leads nowhere (a loop or a missing file)");
            return false;
        }
        auto rel = target.lexically_relative(root);
        if (rel.empty() || *rel.begin() == "..") {
            diags.error(shown, 0, 0, "outside-content", "this link points outside the content folder; copy the file in instead");
            return false;
        }
    }
    std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > kMaxFileBytes) {
        diags.error(shown, 0, 0, "too-large",
                    "the file is " + std::to_string(size / (1024 * 1024)) + " MB; a record may be at most 10 MB");
        return false;
    }
    if (!read_file(file, text)) {
        diags.error(shown, 0, 0, "read-error", "cannot read the file");
        return false;
    }
    strip_bom(text);
    if (std::size_t bad = invalid_utf8_at(text); bad != std::string::npos) {
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
        std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        int col = static_cast<int>(bad - (line_start == std::string::npos || bad == 0 ? 0 : line_start + 1)) + 1;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
        diags.error(shown, line, col, "encoding", std::string("the file is not valid UTF-8 (byte ") + hex +
                                                      "); save it as UTF-8");
        return false;
    }
    return true;
}

struct FolderInfo {
    std::string_view folder;
    RecordType type;
};

constexpr FolderInfo kRecordFolders[] = {
    {"agencies", RecordType::Agency}, {"innovations", RecordType::Innovation},
    {"hubs", RecordType::Hub},        {"replications", RecordType::Replication},
    {"events", RecordType::Event},    {"regulations", RecordType::Regulation},
};

constexpr FolderInfo kDataFiles[] = {
    {"site.yaml", RecordType::Site},
    {"data/provinces.yaml", RecordType::Province},
    {"data/sectors.yaml", RecordType::Sector},
    {"data/sdgs.yaml", RecordType::Sdg},
    {"data/programs.yaml", RecordType::Program},
};

std::string join(const std::string& display, const std::string& rel) {
    if (display.empty() || display == ".") return rel;
    return display.back() == '/' ? display + rel : display + "/" + rel;
}

// One record file, parsed on its own (so files can be loaded in parallel).
struct LoadedRecord {
    std::optional<Document> doc;  // empty when the file could not be parsed
    Diagnostics diags;
};

void load_record(const fs::path& file, const fs::path& root, RecordType type, const std::string& display_path,
                 LoadedRecord& out) {
    Diagnostics& diags = out.diags;
    std::string ext = file.extension().string();
    Document doc;
    doc.type = type;
    doc.id = file.stem().string();
    doc.path = display_path;
    std::string text;
    if (!read_content_file(file, root, display_path, text, diags)) return;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags.error(display_path, 1, 1, "empty-file", "the file is empty");
        return;
    }
    std::optional<Node> fields;
    if (ext == ".md") {
        doc.format = Format::Markdown;
        auto fm = split_front_matter(text, display_path, diags);
        if (!fm) return;
        fields = parse_yaml(fm->yaml, display_path, 2, diags);
        doc.body = std::move(fm->body);
        doc.body_line = fm->body_line;
    } else if (ext == ".yaml" || ext == ".yml") {
        doc.format = Format::Yaml;
        fields = parse_yaml(text, display_path, 1, diags);
    } else {
        doc.format = Format::Json;
        fields = parse_json(text, display_path, diags);
    }
    if (!fields) return;
    doc.fields = std::move(*fields);
    out.doc = std::move(doc);
}

}  // namespace

std::optional<Node> parse_yaml(const std::string& text, const std::string& path, int first_line,
                               Diagnostics& diags) {
    try {
        YAML::Node root = YAML::Load(text);
        YamlConverter conv{path, first_line - 1, diags};
        Node n = conv.convert(root, first_line, 1);
        if (n.line == 0) n.line = first_line;
        return n;
    } catch (const YAML::Exception& e) {
        int line = e.mark.line >= 0 ? e.mark.line + first_line : first_line;
        int col = e.mark.column >= 0 ? e.mark.column + 1 : 1;
        diags.error(path, line, col, "yaml-syntax", e.msg);
        return std::nullopt;
    }
}

std::optional<Node> parse_json(const std::string& text, const std::string& path,
                               Diagnostics& diags) {
    const char* furthest = text.data();
    JsonBuilder builder(text, path, &furthest, diags);
    CountingIterator first{text.data(), &furthest};
    CountingIterator last{text.data() + text.size(), &furthest};
    bool ok = nlohmann::json::sax_parse(first, last, &builder);
    if (!ok || !builder.result) return std::nullopt;
    return std::move(builder.result);
}

std::optional<FrontMatter> split_front_matter(const std::string& text, const std::string& path,
                                              Diagnostics& diags) {
    auto line_end = [&](std::size_t from) {
        std::size_t e = text.find('\n', from);
        return e == std::string::npos ? text.size() : e;
    };
    auto line_at = [&](std::size_t from) {
        std::string l = text.substr(from, line_end(from) - from);
        if (!l.empty() && l.back() == '\r') l.pop_back();
        return l;
    };
    if (line_at(0) != "---") {
        diags.error(path, 1, 1, "front-matter",
                    "a Markdown record must start with a '---' line opening its front matter");
        return std::nullopt;
    }
    std::size_t pos = line_end(0) + 1;
    int line = 2;
    while (pos <= text.size()) {
        if (line_at(pos) == "---") {
            FrontMatter fm;
            fm.yaml = text.substr(line_end(0) + 1, pos - line_end(0) - 1);
            std::size_t body_start = std::min(line_end(pos) + 1, text.size());
            fm.body = text.substr(body_start);
            fm.body_line = line + 1;
            return fm;
        }
        if (line_end(pos) >= text.size()) break;
        pos = line_end(pos) + 1;
        ++line;
    }
    diags.error(path, 1, 1, "front-matter",
                "the front matter opened on line 1 is never closed with '---'");
    return std::nullopt;
}

Content load_content(const fs::path& dir, const std::string& display, Diagnostics& diags) {
    Content content;
    content.root = display;
    std::error_code root_ec;
    const fs::path root = fs::weakly_canonical(dir, root_ec);
    for (const auto& [rel, type] : kDataFiles) {
        DataFile df;
        df.type = type;
        df.path = join(display, std::string(rel));
        fs::path file = dir / fs::path(std::string(rel));
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(file, ec))) {
            diags.error(df.path, 0, 0, "missing-file", "required file is missing");
        } else {
            std::string text;
            if (read_content_file(file, root, df.path, text, diags)) {
                if (auto n = parse_yaml(text, df.path, 1, diags)) {
                    df.root = std::move(*n);
                    df.present = true;
                }
            }
        }
        content.data[type] = std::move(df);
    }
    struct Job {
        fs::path file;
        RecordType type;
        std::string shown;
    };
    std::vector<Job> jobs;
    for (const auto& [folder, type] : kRecordFolders) {
        fs::path sub = dir / fs::path(std::string(folder));
        std::error_code ec;
        if (!fs::is_directory(sub, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(sub, ec)) {
            std::string name = entry.path().filename().string();
            if (name.empty() || name[0] == '.') continue;
            files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::string rel = std::string(folder) + "/" + file.filename().string();
            std::string shown = join(display, rel);
            std::string ext = file.extension().string();
            bool link = fs::is_symlink(fs::symlink_status(file, ec));
            if (!link && !fs::is_regular_file(file, ec)) {
                diags.error(shown, 0, 0, "unknown-file", "expected a record file, found a folder");
                continue;
            }
            if (ext != ".md" && ext != ".yaml" && ext != ".yml" && ext != ".json") {
                diags.error(shown, 0, 0, "unknown-file",
                            "a record must be a .md, .yaml or .json file");
                continue;
            }
            jobs.push_back({file, type, shown});
        }
    }
    // Parse on all cores; merge in file order so the result never depends on timing.
    std::vector<LoadedRecord> loaded(jobs.size());
    parallel_for(jobs.size(), 0, [&](std::size_t i) {
        load_record(jobs[i].file, root, jobs[i].type, jobs[i].shown, loaded[i]);
    });
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        diags.append(loaded[i].diags);
        if (loaded[i].doc) content.records.push_back(std::move(*loaded[i].doc));
        else content.unparsed.emplace_back(jobs[i].type, jobs[i].file.stem().string());
    }
    return content;
}

}  // namespace simpul::gen
