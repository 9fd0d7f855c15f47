// Parsing record text into Nodes: YAML through yaml-cpp (front matter,
// .yaml files, data lists), JSON through nlohmann/json's SAX interface so that
// every key keeps its line. Syntax errors become diagnostics with positions.
#include "parse.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

namespace simpul::gen {

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
        if (s[i] == '.')
            ++dots;
        else if (s[i] >= '0' && s[i] <= '9')
            ++digits;
        else
            return false;
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

// Deeper nesting is an error (yaml-cpp stops at the same depth): no record needs
// it, and Nodes are walked and freed recursively.
constexpr std::size_t kMaxDepth = 500;
const char* const kTooDeep = "the data is nested more than 500 levels deep";

// Thrown out of YamlConverter when aliases form a loop or expand without bound.
struct TooComplex {
    int line, col;
    std::string message;
};

struct YamlConverter {
    const std::string& path;
    int line_offset;  // file line of the YAML text's first line, minus one
    Diagnostics& diags;
    // Nodes left to convert: without aliases a text of n bytes never holds more
    // than n + 1, so only aliases (*name) that expand without bound exhaust it.
    std::size_t budget;
    std::size_t depth = 0;

    Node convert(const YAML::Node& y, int fallback_line, int fallback_col) {
        Node n;
        YAML::Mark m = y.Mark();
        bool has_mark = m.line >= 0;
        n.line = has_mark ? m.line + 1 + line_offset : fallback_line;
        n.col = has_mark ? m.column + 1 : fallback_col;
        if (budget-- == 0)
            throw TooComplex{n.line, n.col,
                             "aliases (*name) expand to more data than the file holds; write the "
                             "values out instead"};
        if (depth >= kMaxDepth)
            throw TooComplex{n.line, n.col,
                             std::string(kTooDeep) + " (or an alias (*name) contains itself)"};
        struct Deeper {
            std::size_t& d;
            ~Deeper() { --d; }
        } deeper{++depth};
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

// Where the second document of a YAML text starts, when it has one that is not
// empty. Not YAML::LoadAll: on some texts (",") its parser makes no progress and
// LoadAll collects empty documents until memory runs out (found by fuzz/front_matter).
// Here at most one document per byte is read, and only texts with a line starting
// with '---' or '...' (the only way to start another document) are read twice.
std::optional<YAML::Mark> second_document(const std::string& text) {
    if (text.rfind("---", 0) != 0 && text.rfind("...", 0) != 0 &&
        text.find("\n---") == std::string::npos && text.find("\n...") == std::string::npos)
        return std::nullopt;
    struct Scan : YAML::EventHandler {
        std::size_t documents = 0;
        std::optional<YAML::Mark> found;
        void at(const YAML::Mark& m) {
            if (documents >= 2 && !found) found = m;
        }
        void OnDocumentStart(const YAML::Mark&) override { ++documents; }
        void OnDocumentEnd() override {}
        void OnNull(const YAML::Mark&, YAML::anchor_t) override {}  // an empty document is fine
        void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { at(m); }
        void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                      const std::string&) override {
            at(m);
        }
        void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                             YAML::EmitterStyle::value) override {
            at(m);
        }
        void OnSequenceEnd() override {}
        void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t,
                        YAML::EmitterStyle::value) override {
            at(m);
        }
        void OnMapEnd() override {}
    } scan;
    std::istringstream in(text);
    YAML::Parser parser(in);
    for (std::size_t i = 0; i <= text.size() + 1 && !scan.found; ++i)
        if (!parser.HandleNextDocument(scan)) break;
    return scan.found;
}

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
        if (auto p = msg.find(": "); p != std::string::npos)
            msg = msg.substr(p + 2);
        else if (auto q = msg.find("] "); msg.rfind("[json.exception.", 0) == 0 && q != msg.npos)
            msg = msg.substr(q + 2);  // "[json.exception.out_of_range.406] number overflow ..."
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
        if (stack_.size() >= kMaxDepth) {
            auto [line, col] = lines_.at(here() > 0 ? here() - 1 : 0);
            diags_.error(path_, line, col, "json-syntax", kTooDeep);
            return false;
        }
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

}  // namespace

std::optional<Node> parse_yaml(const std::string& text, const std::string& path, int first_line,
                               Diagnostics& diags) {
    try {
        YAML::Node root = YAML::Load(text);
        // A second document (after a '---' or '...' line) would be dropped unread.
        if (auto second = second_document(text)) {
            YAML::Mark m = *second;
            diags.error(path, m.line >= 0 ? m.line + first_line : first_line,
                        m.column >= 0 ? m.column + 1 : 1, "yaml-syntax",
                        "a second document starts here (after a '---' line); a file holds one "
                        "record, or one list");
            return std::nullopt;
        }
        YamlConverter conv{path, first_line - 1, diags, text.size() + 1000};
        Node n = conv.convert(root, first_line, 1);
        if (n.line == 0) n.line = first_line;
        return n;
    } catch (const TooComplex& e) {
        diags.error(path, e.line, e.col, "yaml-syntax", e.message);
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        int line = e.mark.line >= 0 ? e.mark.line + first_line : first_line;
        int col = e.mark.column >= 0 ? e.mark.column + 1 : 1;
        // yaml-cpp reports its depth limit (500) as "bad file".
        diags.error(path, line, col, "yaml-syntax",
                    e.msg == YAML::ErrorMsg::BAD_FILE ? kTooDeep : e.msg);
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

}  // namespace simpul::gen
