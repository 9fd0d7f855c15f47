// The Atom feed (RFC 4287) of the newest innovations, one per language
// (feed.xml, en/feed.xml), capped at kFeedEntries. Without base_url the links
// are relative to the feed (RFC 4287 allows relative references) and the ids,
// which must be absolute, are name-based urn:uuid values (RFC 9562 version 8),
// so they stay the same from build to build.
#include "feed.hpp"

#include <algorithm>

#include <cstdint>
#include <cstdio>

#include "view.hpp"

namespace simpul::gen {
namespace {

std::uint64_t fnv1a(const std::string& s, std::uint64_t h = 1469598103934665603ULL) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return h;
}

// A full date ("2020-05-01") from a content date of any precision, or "".
std::string full_date(const std::string& d) {
    if (d.size() == 10) return d;
    if (d.size() == 7) return d + "-01";
    if (d.size() == 4) return d + "-01-01";
    return {};
}

}  // namespace

std::string name_uuid(const std::string& name) {
    std::uint64_t hi = fnv1a(name), lo = fnv1a(name, hi ^ 0x9e3779b97f4a7c15ULL);
    hi = (hi & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000008000ULL;  // version 8
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;  // RFC 9562 variant
    char buf[48];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                  static_cast<unsigned>((hi >> 16) & 0xFFFF), static_cast<unsigned>(hi & 0xFFFF),
                  static_cast<unsigned>(lo >> 48),
                  static_cast<unsigned long long>(lo & 0xFFFFFFFFFFFFULL));
    return std::string("urn:uuid:") + buf;
}

std::string entry_date(const Innovation& inn) {
    if (std::string d = full_date(inn.updated); !d.empty()) return d + "T00:00:00Z";
    std::string newest;
    for (const auto& s : inn.sources) newest = std::max(newest, full_date(s.date));
    if (!newest.empty()) return newest + "T00:00:00Z";
    if (inn.year > 0) return std::to_string(inn.year) + "-01-01T00:00:00Z";
    return "1970-01-01T00:00:00Z";
}

json feed_view(const ViewContext& v) {
    const Catalogue& cat = v.cat;
    const bool en = v.plan.lang == "en";
    const std::string base = site_base(cat.site);
    const std::string prefix = language_prefix(v.plan.lang);
    // Links from the feed's own folder (relative) or absolute with base_url.
    auto link = [&](const std::string& p) { return base.empty() ? p : base + prefix + p; };
    auto id_of = [&](const std::string& p) {
        return base.empty() ? name_uuid("simpul|" + cat.site.title + "|" + prefix + p)
                            : base + prefix + p;
    };
    std::string site_title = en && !cat.site.title_en.empty() ? cat.site.title_en : cat.site.title;
    json entries = json::array();
    std::string updated;
    for (std::size_t k = 0; k < v.model.newest_innovations.size() && k < kFeedEntries; ++k) {
        const Innovation& inn = cat.innovations[v.model.newest_innovations[k]];
        std::string path = "inovasi/" + inn.id + "/index.html";
        std::string date = entry_date(inn);
        updated = std::max(updated, date);
        json categories = json::array();
        for (const auto& s : inn.sectors) categories.push_back(v.facet_label(Facet::Sector, s));
        const Agency* a = cat.agency(inn.agency);
        entries.push_back(
            {{"title", en && !inn.title_en.empty() ? inn.title_en : inn.title},
             {"summary", en && !inn.summary_en.empty() ? inn.summary_en : inn.summary},
             {"summary_lang", en && inn.summary_en.empty() ? "id" : v.plan.lang},
             {"href", link(path)},
             {"id", id_of(path)},
             {"updated", date},
             {"author", a ? (en && !a->name_en.empty() ? a->name_en : a->name) : site_title},
             {"categories", categories}});
    }
    if (updated.empty()) updated = "1970-01-01T00:00:00Z";
    return {{"lang", v.plan.lang},
            {"title", site_title + " — " + v.str("feed.title")},
            {"subtitle", en && !cat.site.description_en.empty() ? cat.site.description_en
                                                                : cat.site.description},
            {"id", id_of("feed.xml")},
            {"self_href", link("feed.xml")},
            {"alternate_href", link("index.html")},
            {"updated", updated},
            {"rights", cat.site.licence_name.empty() ? json(false) : json(cat.site.licence_name)},
            {"entries", entries}};
}

}  // namespace simpul::gen
