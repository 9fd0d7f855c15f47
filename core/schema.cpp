// The field tables of the content contract (DESIGN.md "Content contract"),
// plus the small lexical checks (ids, dates, URLs) that validation applies.
#include "schema.hpp"

#include <array>
#include <cctype>

namespace simpul {
namespace {

using K = FieldKind;

FieldSpec text(std::string_view name, bool required = false, std::string_view doc = {}) {
    return {name, K::Text, required, RefTarget::None, {}, {}, 0, 0, doc};
}
FieldSpec markdown(std::string_view name, std::string_view doc = {}) {
    return {name, K::Markdown, false, RefTarget::None, {}, {}, 0, 0, doc};
}
FieldSpec url(std::string_view name, bool required = false, std::string_view doc = {}) {
    return {name, K::Url, required, RefTarget::None, {}, {}, 0, 0, doc};
}
FieldSpec year(std::string_view name, bool required = false, std::string_view doc = {}) {
    return {name, K::Year, required, RefTarget::None, {}, {}, 1900, 2100, doc};
}
FieldSpec integer(std::string_view name, long long min, long long max, bool required = false,
                  std::string_view doc = {}) {
    return {name, K::Int, required, RefTarget::None, {}, {}, min, max, doc};
}
FieldSpec boolean(std::string_view name, std::string_view doc = {}) {
    return {name, K::Bool, false, RefTarget::None, {}, {}, 0, 0, doc};
}
FieldSpec date(std::string_view name, bool required = false, std::string_view doc = {}) {
    return {name, K::Date, required, RefTarget::None, {}, {}, 0, 0, doc};
}
FieldSpec choice(std::string_view name, std::vector<std::string_view> choices, bool required,
                 std::string_view doc = {}) {
    return {name, K::Enum, required, RefTarget::None, std::move(choices), {}, 0, 0, doc};
}
FieldSpec ref(std::string_view name, RefTarget target, bool required = false,
              std::string_view doc = {}) {
    return {name, K::Ref, required, target, {}, {}, 0, 0, doc};
}
FieldSpec slug(std::string_view name, bool required, std::string_view doc = {}) {
    return {name, K::Slug, required, RefTarget::None, {}, {}, 0, 0, doc};
}
FieldSpec object(std::string_view name, std::vector<FieldSpec> fields, bool required = false,
                 std::string_view doc = {}) {
    return {name, K::Object, required, RefTarget::None, {}, std::move(fields), 0, 0, doc};
}
FieldSpec list(std::string_view name, FieldSpec item, bool required = false,
               std::string_view doc = {}) {
    return {name, K::List, required, RefTarget::None, {}, {std::move(item)}, 0, 0, doc};
}

FieldSpec sources_field() {
    return list("sources",
                object("source", {text("title", true, "title of the article or document"),
                                  url("url", false, "public address"),
                                  text("seed", false, "seed document file name"), text("publisher"),
                                  date("date", false, "date on the page")}),
                true, "where the facts come from: a public URL or a seed document");
}

std::vector<RecordSchema> build_schemas() {
    std::vector<RecordSchema> s;
    s.push_back(
        {RecordType::Site,
         "site",
         "site.yaml",
         false,
         false,
         {text("title", true), text("title_en"), text("description", true), text("description_en"),
          list("languages", choice("language", {"id", "en"}, true), true),
          integer("per_page", 1, 1000, false, "innovations per listing page"),
          object("licence", {text("name", true), url("url")}),
          object("contact", {text("name"), text("email"), url("url")}),
          text("base_url", false, "absolute address of the published site, if known"),
          list("figures", object("figure", {slug("id", true), text("label", true), text("label_en"),
                                            integer("value", 0, 1000000000, true),
                                            year("as_of", true), sources_field()})),
          markdown("about"), markdown("about_en"),
          list("about_sources", sources_field().fields[0])}});
    s.push_back({RecordType::Province,
                 "province",
                 "data/provinces.yaml",
                 false,
                 false,
                 {text("code", true, "Kemendagri code, \"11\"..\"96\""), text("name", true),
                  text("short", true), slug("slug", true), text("capital"),
                  object("tile", {integer("col", 0, 30, true), integer("row", 0, 30, true)}, true),
                  integer("kabupaten", 0, 100), integer("kota", 0, 100),
                  list("sources", sources_field().fields[0])}});
    s.push_back({RecordType::Sector,
                 "sector",
                 "data/sectors.yaml",
                 false,
                 false,
                 {slug("id", true), text("name", true), text("name_en", true)}});
    s.push_back({RecordType::Sdg,
                 "sdg",
                 "data/sdgs.yaml",
                 false,
                 false,
                 {integer("number", 1, 17, true), text("name", true), text("name_en", true)}});
    s.push_back({RecordType::Program,
                 "program",
                 "data/programs.yaml",
                 false,
                 false,
                 {slug("id", true), text("name", true), text("name_en"),
                  ref("owner", RefTarget::Agency), url("url")}});
    s.push_back({RecordType::Agency,
                 "agency",
                 "agencies",
                 true,
                 false,
                 {text("name", true), text("name_en"), text("short"),
                  choice("type",
                         {"kementerian", "lembaga", "pemprov", "pemkab", "pemkot",
                          "perguruan-tinggi", "lainnya"},
                         true),
                  choice("level", {"pusat", "provinsi", "kabupaten", "kota"}, true),
                  ref("province", RefTarget::Province, false, "required unless level is pusat"),
                  url("url"), sources_field(), object("extra", {})}});
    s.push_back(
        {RecordType::Innovation,
         "innovation",
         "innovations",
         true,
         true,
         {text("title", true),
          text("title_en"),
          text("summary", true),
          text("summary_en"),
          ref("agency", RefTarget::Agency, true),
          ref("province", RefTarget::Province, false, "required unless the agency is central"),
          year("year", false, "year launched"),
          list("sectors", ref("sector", RefTarget::Sector), false, "only sectors a source names;"),
          list("sdgs", ref("sdg", RefTarget::Sdg)),
          choice("stage", {"penciptaan", "pengembangan", "pelembagaan"}, false),
          choice("status", {"berlanjut", "vakum"}, false),
          boolean("digital"),
          list("awards", object("award", {ref("program", RefTarget::Program, true),
                                          year("year", true), text("title", true)})),
          object("contact", {text("name"), text("email"), text("phone"), url("url")}),
          list("links", object("link", {text("title", true), url("url", true)})),
          sources_field(),
          date("updated"),
          markdown("body"),
          markdown("body_en", "English text of the body, shown on English pages"),
          object("extra", {})}});
    s.push_back({RecordType::Hub,
                 "hub",
                 "hubs",
                 true,
                 true,
                 {text("name", true), text("name_en"), choice("kind", {"daerah", "kl"}, true),
                  ref("province", RefTarget::Province, false, "required for kind daerah"),
                  ref("agency", RefTarget::Agency, true), year("established", true),
                  object("decree", {text("number", true), text("title"), year("year"), url("url")}),
                  list("partners", ref("partner", RefTarget::Agency)), sources_field(),
                  markdown("body"), object("extra", {})}});
    s.push_back(
        {RecordType::Replication,
         "replication",
         "replications",
         true,
         false,
         {ref("innovation", RefTarget::Innovation, true), ref("adopter", RefTarget::Agency, true),
          year("year", true), choice("status", {"direncanakan", "berjalan", "selesai"}, true),
          ref("event", RefTarget::Event), text("notes"), sources_field(), object("extra", {})}});
    s.push_back({RecordType::Event,
                 "event",
                 "events",
                 true,
                 true,
                 {text("title", true), text("title_en"),
                  choice("type", {"fripp", "fgd", "kunjungan", "lainnya"}, true),
                  date("date", true), choice("status", {"terlaksana", "dijadwalkan"}, false),
                  ref("hub", RefTarget::Hub), ref("province", RefTarget::Province),
                  boolean("online"), list("innovations", ref("innovation", RefTarget::Innovation)),
                  sources_field(), markdown("body"), object("extra", {})}});
    s.push_back(
        {RecordType::Regulation,
         "regulation",
         "regulations",
         true,
         true,
         {text("title", true), text("title_en"), text("number", true), year("year", true),
          text("type"), url("url"), sources_field(), markdown("body"), object("extra", {})}});
    return s;
}

}  // namespace

const std::vector<RecordSchema>& all_schemas() {
    static const std::vector<RecordSchema> schemas = build_schemas();
    return schemas;
}

const RecordSchema& schema_for(RecordType type) {
    for (const auto& s : all_schemas())
        if (s.type == type) return s;
    return all_schemas().front();
}

const char* ref_target_name(RefTarget t) {
    switch (t) {
        case RefTarget::None:
            return "none";
        case RefTarget::Agency:
            return "agency";
        case RefTarget::Hub:
            return "hub";
        case RefTarget::Innovation:
            return "innovation";
        case RefTarget::Event:
            return "event";
        case RefTarget::Province:
            return "province";
        case RefTarget::Sector:
            return "sector";
        case RefTarget::Sdg:
            return "SDG";
        case RefTarget::Program:
            return "program";
    }
    return "?";
}

bool is_safe_id(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    char prev = 0;
    for (char c : id) {
        bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && prev == '-')) return false;
        prev = c;
    }
    return true;
}

bool is_valid_date(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t n) {
        if (s.size() < from + n) return false;
        for (std::size_t i = from; i < from + n; ++i)
            if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
        return true;
    };
    auto num = [&](std::size_t from, std::size_t n) {
        return std::stoi(std::string(s.substr(from, n)));
    };
    if (!(s.size() == 4 || s.size() == 7 || s.size() == 10) || !digits(0, 4)) return false;
    int y = num(0, 4);
    if (y < 1900 || y > 2100) return false;
    if (s.size() == 4) return true;
    if (s[4] != '-' || !digits(5, 2)) return false;
    int m = num(5, 2);
    if (m < 1 || m > 12) return false;
    if (s.size() == 7) return true;
    if (s[7] != '-' || !digits(8, 2)) return false;
    static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int d = num(8, 2);
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int max_day = (m == 2 && !leap) ? 28 : days[m - 1];
    return d >= 1 && d <= max_day;
}

std::size_t control_char_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return i;
    }
    return std::string_view::npos;
}

bool is_allowed_url(std::string_view s) {
    auto starts = [&](std::string_view p) { return s.substr(0, p.size()) == p; };
    std::size_t rest = 0;
    if (starts("https://"))
        rest = 8;
    else if (starts("http://"))
        rest = 7;
    else if (starts("mailto:"))
        rest = 7;
    else
        return false;
    if (s.size() <= rest) return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f || c == '"' || c == '<' || c == '>')
            return false;
    return true;
}

}  // namespace simpul
