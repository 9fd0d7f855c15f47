// Loading the template folder and rendering through kainjow mustache. Views are
// built as JSON (view.cpp) and converted to Mustache data here.
#include "templates.hpp"

#include <yaml-cpp/yaml.h>

#include <kainjow/mustache.hpp>
#include <optional>

#include "load.hpp"
#include "pieces.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;
namespace mstch = kainjow::mustache;

namespace {

const std::vector<TemplateInfo> kTemplates = {
    {PageKind::Home, "index.html", true},
    {PageKind::InnovationList, "innovation-list.html", true},
    {PageKind::Innovation, "innovation.html", true},
    {PageKind::HubIndex, "hubs.html", true},
    {PageKind::Hub, "hub.html", true},
    {PageKind::ProvinceIndex, "provinces.html", true},
    {PageKind::Province, "province.html", true},
    {PageKind::FacetIndex, "facet-index.html", true},
    {PageKind::AgencyIndex, "agencies.html", true},
    {PageKind::Agency, "agency.html", true},
    {PageKind::ReplicationIndex, "replications.html", true},
    {PageKind::Replication, "replication.html", true},
    {PageKind::EventIndex, "events.html", true},
    {PageKind::Event, "event.html", true},
    {PageKind::RegulationIndex, "regulations.html", true},
    {PageKind::Regulation, "regulation.html", true},
    {PageKind::NotFound, "404.html", true},
    {PageKind::Sitemap, "sitemap.xml", false},
    {PageKind::Robots, "robots.txt", false},
    {PageKind::Search, "search.html", true},
    {PageKind::Statistics, "statistics.html", true},
    {PageKind::OpenData, "opendata.html", true},
    {PageKind::Feed, "feed.xml", false},
    {PageKind::Dashboard, "dashboard.html", false},
};

const std::vector<std::pair<Partial, const char*>> kPartials = {
    {Partial::InnovationCard, "innovation-card.html"},
};

// Templates other templates include by name ({{> pager_nav}}): the page links
// of a paginated listing (its view's `pager`). Each is written into the
// templates that include it when they are loaded (kainjow would parse it again
// at every page that shows it).
const std::vector<std::pair<const char*, const char*>> kIncludes = {
    {"pager_nav", "pager.html"},
};

bool read_text(const fs::path& p, std::string& out) {
    return read_regular_file(p, out) == ReadResult::Ok;
}

std::string join(const std::string& display, const std::string& rel) {
    return display.empty() ? rel : display + "/" + rel;
}

// Text as Mustache data, moved in: kainjow's string constructor copies.
mstch::data text_data(std::string&& text) {
    mstch::data d{mstch::data::type::string};
    const_cast<std::string&>(d.string_value()) = std::move(text);
    return d;
}

// `j` as Mustache data, its text moved out of it and its containers emptied
// as they are converted (`j` is left hollow, and freed without nlohmann's
// destroy() moving each subtree onto a stack first). A child is added through
// operator[] (one look-up), not set() and push_back(), which copy the value
// they are given and so a whole subtree at every level. A list is reserved
// first: kainjow's data has no noexcept move, so a growing vector copies
// every element, subtrees and all, each time it reallocates.
mstch::data to_data(nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::object: {
            mstch::data d{mstch::data::type::object};
            auto& fields = j.get_ref<nlohmann::json::object_t&>();
            for (auto& [k, v] : fields)
                if (!v.is_null()) d[k] = to_data(v);
            fields.clear();
            return d;
        }
        case nlohmann::json::value_t::array: {
            mstch::data d{mstch::data::type::list};
            auto& items = j.get_ref<nlohmann::json::array_t&>();
            auto& list = const_cast<mstch::list&>(d.list_value());
            list.reserve(items.size());
            for (auto& v : items) list.push_back(to_data(v));
            items.clear();
            return d;
        }
        case nlohmann::json::value_t::string:
            return text_data(std::move(j.get_ref<std::string&>()));
        case nlohmann::json::value_t::boolean:
            return mstch::data{j.get<bool>()};
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float:
            return mstch::data{j.dump()};
        default:
            return mstch::data{false};
    }
}

// Where a template renders to: kainjow's render(ctx) writes into an
// ostringstream and copies its text out; this appends to the text it returns.
struct TextSink {
    std::string text;
    TextSink& operator<<(const std::string& piece) {
        text += piece;
        return *this;
    }
};

std::string render_text(mstch::mustache& m, mstch::context<std::string>& ctx,
                        std::size_t expected = 0) {
    TextSink sink;
    sink.text.reserve(expected);
    m.render(ctx, sink);
    return std::move(sink.text);
}

// The bottom of every render's context: {"t": the UI strings of `lang`}.
const mstch::data& strings_of(const std::map<std::string, mstch::data>& all,
                              const std::string& lang) {
    static const mstch::data none{mstch::data::type::object};
    auto it = all.find(lang);
    return it == all.end() ? none : it->second;
}

// YAML (i18n strings) to JSON, keeping only maps, lists and text.
nlohmann::json yaml_to_json(const Node& n) {
    switch (n.type) {
        case Node::Type::Map: {
            nlohmann::json o = nlohmann::json::object();
            for (const auto& e : n.entries) o[e.key] = yaml_to_json(e.value);
            return o;
        }
        case Node::Type::List: {
            nlohmann::json a = nlohmann::json::array();
            for (const auto& i : n.items) a.push_back(yaml_to_json(i));
            return a;
        }
        case Node::Type::Null:
            return nullptr;
        default:
            return n.text;
    }
}

// The text of a template file, or nothing (with a diagnostic) when it is
// missing or not valid Mustache.
std::optional<std::string> template_text(const fs::path& file, const std::string& shown,
                                         Diagnostics& diags) {
    std::string text;
    if (!read_text(file, text)) {
        diags.error(shown, 0, 0, "missing-template", "template file is missing");
        return std::nullopt;
    }
    mstch::mustache m(text);
    if (!m.is_valid()) {
        diags.error(shown, 0, 0, "template-syntax", m.error_message());
        return std::nullopt;
    }
    return text;
}

// The same escaping as kainjow's html_escape (& < > " '), which appends one
// character at a time; this one copies the runs between them whole. Record
// text is escaped on every page, so it adds up.
std::string escape_html(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    std::size_t run = 0;  // start of the characters not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char* entity = nullptr;
        switch (s[i]) {
            case '&':
                entity = "&amp;";
                break;
            case '<':
                entity = "&lt;";
                break;
            case '>':
                entity = "&gt;";
                break;
            case '"':
                entity = "&quot;";
                break;
            case '\'':
                entity = "&apos;";
                break;
            default:
                continue;
        }
        out.append(s, run, i - run);
        out += entity;
        run = i + 1;
    }
    out.append(s, run);
    return out;
}

// `text` with its {{t.…}} and {{{t.…}}} tags replaced by the UI strings they
// name, escaped as Mustache escapes them: the strings are the same on every
// page of a language, so pages need not look them up one by one (about a
// fifth of every page's tags). Tags whose string is missing or holds a brace
// stay for Mustache to resolve (sections, {{#t.…}}, are never replaced).
std::string bake_strings(const std::string& text, const nlohmann::json& strings) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    std::size_t pos = 0;
    for (std::size_t open; (open = text.find("{{", pos)) != std::string::npos;) {
        const bool triple = text.compare(open, 3, "{{{") == 0;
        const std::size_t name = open + (triple ? 3 : 2);
        const std::string close = triple ? "}}}" : "}}";
        std::size_t end = text.compare(name, 2, "t.") == 0 ? text.find(close, name) : name;
        const nlohmann::json* value = nullptr;
        if (end != name && end != std::string::npos)
            value = ui_string(strings, std::string_view(text).substr(name + 2, end - name - 2));
        const std::string* s = value ? &value->get_ref<const std::string&>() : nullptr;
        if (!s || s->find_first_of("{}") != std::string::npos) {
            out.append(text, pos, name - pos);  // not a UI string: kept as it is
            pos = name;
            continue;
        }
        out.append(text, pos, open - pos);
        out += triple ? *s : escape_html(*s);
        pos = end + close.size();
    }
    out.append(text, pos);
    return out;
}

// `text` with each {{> name}} of `includes` replaced by that template's text.
std::string inline_includes(const std::string& text,
                            const std::map<std::string, std::string>& includes) {
    std::string out;
    std::size_t pos = 0;
    for (std::size_t open; (open = text.find("{{>", pos)) != std::string::npos;) {
        const std::size_t close = text.find("}}", open);
        if (close == std::string::npos) break;
        std::string name = text.substr(open + 3, close - open - 3);
        name.erase(0, name.find_first_not_of(' '));
        name.erase(name.find_last_not_of(' ') + 1);
        auto it = includes.find(name);
        out.append(text, pos, (it == includes.end() ? close + 2 : open) - pos);
        if (it != includes.end()) out += it->second;
        pos = close + 2;
    }
    out.append(text, pos);
    return out;
}

std::unique_ptr<mstch::mustache> compile_text(const std::string& text) {
    auto m = std::make_unique<mstch::mustache>(text);
    if (!m->is_valid()) return nullptr;
    m->set_custom_escape(escape_html);
    return m;
}

}  // namespace

const nlohmann::json* ui_string(const nlohmann::json& strings, std::string_view dotted) {
    // Each part is looked up as a view of `dotted` (nlohmann's objects compare
    // keys with std::less<>): views ask for strings on every page.
    const nlohmann::json* node = &strings;
    for (;;) {
        const std::size_t dot = dotted.find('.');
        if (!node->is_object()) return nullptr;
        auto it = node->find(dotted.substr(0, dot));
        if (it == node->end()) return nullptr;
        node = &*it;
        if (dot == std::string_view::npos) break;
        dotted.remove_prefix(dot + 1);
    }
    return node->is_string() ? node : nullptr;
}

const std::vector<TemplateInfo>& template_table() {
    return kTemplates;
}

const TemplateInfo& template_info(PageKind kind) {
    for (const auto& t : kTemplates)
        if (t.kind == kind) return t;
    return kTemplates.front();
}

SiteTemplate::SiteTemplate() = default;
SiteTemplate::~SiteTemplate() = default;
SiteTemplate::SiteTemplate(SiteTemplate&&) noexcept = default;
SiteTemplate& SiteTemplate::operator=(SiteTemplate&&) noexcept = default;

SiteTemplate SiteTemplate::load(const fs::path& dir, const std::string& display,
                                const std::vector<std::string>& languages, Diagnostics& diags) {
    SiteTemplate st;
    st.dir_ = dir;
    for (const auto& lang : languages) {
        std::string rel = "i18n/" + lang + ".yaml";
        std::string text;
        if (!read_text(dir / rel, text)) {
            diags.error(join(display, rel), 0, 0, "missing-template", "UI strings file is missing");
            continue;
        }
        if (auto n = parse_yaml(text, join(display, rel), 1, diags)) {
            st.strings_[lang] = yaml_to_json(*n);
            nlohmann::json copy = st.strings_[lang];
            mstch::data t{mstch::data::type::object};
            t["t"] = to_data(copy);
            st.strings_data_.emplace(lang, std::move(t));
        }
    }
    std::map<std::string, std::string> includes;
    for (const auto& [name, file] : kIncludes)
        if (auto text = template_text(dir / file, join(display, file), diags))
            includes.emplace(name, std::move(*text));
    // Each template as written, and once per language with its strings baked in.
    auto add = [&](const std::string& file, auto&& place) {
        auto text = template_text(dir / file, join(display, file), diags);
        if (!text) return;
        text = inline_includes(*text, includes);
        place(st.plain_) = compile_text(*text);
        for (const auto& [lang, strings] : st.strings_) {
            auto baked = compile_text(bake_strings(*text, strings));
            place(st.by_lang_[lang]) = baked ? std::move(baked) : compile_text(*text);
        }
    };
    add(
        "layout.html", [](Compiled & c) -> auto& { return c.layout; });
    for (const auto& t : kTemplates)
        add(
            t.file, [&](Compiled & c) -> auto& { return c.pages[t.kind]; });
    for (const auto& p : kPartials)  // (clang 14 cannot capture a structured binding)
        add(
            p.second, [&](Compiled & c) -> auto& { return c.partials[p.first]; });
    std::error_code ec;
    if (fs::is_directory(dir / "assets", ec)) {
        for (const auto& e : fs::recursive_directory_iterator(dir / "assets", ec))
            if (e.is_regular_file()) st.assets_.push_back(fs::relative(e.path(), dir / "assets"));
        std::sort(st.assets_.begin(), st.assets_.end());
    }
    return st;
}

const SiteTemplate::Compiled& SiteTemplate::compiled(const std::string& lang) const {
    auto it = by_lang_.find(lang);
    return it == by_lang_.end() ? plain_ : it->second;
}

std::string SiteTemplate::render_partial(Partial partial, nlohmann::json view,
                                         const std::string& lang) const {
    mstch::data data = to_data(view);
    mstch::context<std::string> ctx(&strings_of(strings_data_, lang));
    ctx.push(&data);
    return render_text(*compiled(lang).partials.at(partial), ctx);
}

ViewLayer::ViewLayer(nlohmann::json fields)
    : data_(std::make_shared<const mstch::data>(to_data(fields))) {}

std::string SiteTemplate::render(PageKind kind, nlohmann::json view, const std::string& lang,
                                 const std::vector<const ViewLayer*>& beneath) const {
    // The page's data on top of the language's UI strings ({{t.…}}), which are
    // converted once per build and shared by every page instead of copied in,
    // as are the fields `beneath` (between the two).
    mstch::data page = to_data(view);
    mstch::context<std::string> ctx(&strings_of(strings_data_, lang));
    for (auto layer = beneath.rbegin(); layer != beneath.rend(); ++layer)
        ctx.push((*layer)->data_.get());
    ctx.push(&page);
    const Compiled& c = compiled(lang);
    std::string body = render_text(*c.pages.at(kind), ctx);
    if (!template_info(kind).html) return body;
    const std::size_t expected = body.size() + 8192;  // the layout's own text
    mstch::data content{mstch::data::type::object};
    content["content"] = text_data(std::move(body));
    ctx.push(&content);
    return render_text(*c.layout, ctx, expected);
}

const nlohmann::json& SiteTemplate::strings(const std::string& lang) const {
    static const nlohmann::json empty = nlohmann::json::object();
    auto it = strings_.find(lang);
    return it == strings_.end() ? empty : it->second;
}

}  // namespace simpul::gen
