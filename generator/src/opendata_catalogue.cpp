// data/catalogue.json: every record of the catalogue as one JSON document (its
// layout in opendata_schema.cpp), written a record at a time, with the records
// unchanged since the last build copied from its file (opendata_reuse.hpp).
// Records are written in catalogue order, so two builds of the same content
// give the same bytes.
#include <functional>

#include "deps.hpp"
#include "opendata.hpp"
#include "opendata_reuse.hpp"
#include "parallel.hpp"
#include "view.hpp"

namespace simpul::gen {
namespace {

using json = nlohmann::json;

// The page of a record: absolute with base_url, else relative to the site root.
std::string page_url(const Catalogue& cat, const std::string& site_path) {
    return site_base(cat.site) + site_path;
}

json text_or_null(const std::string& s) {
    return s.empty() ? json(nullptr) : json(s);
}
json year_or_null(int y) {
    return y > 0 ? json(y) : json(nullptr);
}
json bool_or_null(const std::optional<bool>& b) {
    return b ? json(*b) : json(nullptr);
}

json sources_json(const std::vector<Source>& list) {
    json out = json::array();
    for (const auto& s : list)
        out.push_back({{"title", s.title},
                       {"url", text_or_null(s.url)},
                       {"seed", text_or_null(s.seed)},
                       {"publisher", text_or_null(s.publisher)},
                       {"date", text_or_null(s.date)}});
    return out;
}

json contact_json(const Contact& c) {
    if (c.empty()) return nullptr;
    return {{"name", text_or_null(c.name)},
            {"email", text_or_null(c.email)},
            {"phone", text_or_null(c.phone)},
            {"url", text_or_null(c.url)}};
}

}  // namespace

namespace {

// catalogue.json's record lists, one JSON value per record, made on demand:
// the whole catalogue as one JSON tree would be the largest thing in memory.
struct RecordList {
    const char* name;
    std::size_t size;
    std::function<json(std::size_t)> item;
    // What item(k) is made from, as one number (0: not known): the record's file
    // (its bytes: the body is read from there too), what else the entry shows of
    // other records, the site's address, simpul itself and the list.
    std::function<std::uint64_t(std::size_t)> key;
};

// A record's file, by its path and its bytes' hash; 0 when load did not hash it.
std::uint64_t source_key(const SiteModel& model, const Origin& o) {
    auto it = model.source_hashes.find(o.path);
    return it == model.source_hashes.end() ? 0 : mix(text_hash(o.path), it->second);
}

}  // namespace

std::uint64_t entry_key_base(const SiteModel& model) {
    return mix(program_fingerprint(), text_hash(site_base(model.cat.site)));
}

// An innovation's entry also shows its agency's province.
std::uint64_t innovation_entry_key(const SiteModel& model, std::size_t k, std::uint64_t base) {
    const Innovation& i = model.cat.innovations[k];
    std::uint64_t source = source_key(model, i.origin);
    const Agency* a = model.cat.agency(i.agency);
    std::uint64_t agency = a ? source_key(model, a->origin) : mix(1, text_hash(i.agency));
    return source && agency ? mix(mix(mix(base, text_hash("innovations")), source), agency) : 0;
}

namespace {

std::vector<RecordList> record_lists(const SiteModel& model) {
    const Catalogue& cat = model.cat;
    const std::uint64_t base = entry_key_base(model);
    // Entries that show only their own record's fields (and the site's address).
    auto own = [&model, base](const char* list, auto records) {
        return [&model, base, list, records](std::size_t k) -> std::uint64_t {
            std::uint64_t source = source_key(model, (*records)[k].origin);
            return source ? mix(mix(base, text_hash(list)), source) : 0;
        };
    };
    auto agency = [&cat](std::size_t k) -> json {
        const Agency& a = cat.agencies[k];
        return {{"id", a.id},
                {"name", a.name},
                {"name_en", text_or_null(a.name_en)},
                {"short", text_or_null(a.short_name)},
                {"type", a.type},
                {"level", a.level},
                {"province", text_or_null(a.province)},
                {"url", text_or_null(a.url)},
                {"page", page_url(cat, "instansi/" + a.id + "/index.html")},
                {"sources", sources_json(a.sources)}};
    };
    auto innovation = [&cat, &model](std::size_t k) -> json {
        const Innovation& i = cat.innovations[k];
        json awards = json::array();
        for (const auto& a : i.awards)
            awards.push_back({{"program", a.program}, {"year", a.year}, {"title", a.title}});
        json links = json::array();
        for (const auto& l : i.links) links.push_back({{"title", l.title}, {"url", l.url}});
        return {{"id", i.id},
                {"title", i.title},
                {"title_en", text_or_null(i.title_en)},
                {"summary", i.summary},
                {"summary_en", text_or_null(i.summary_en)},
                {"agency", i.agency},
                {"province", text_or_null(cat.province_of(i))},
                {"year", year_or_null(i.year)},
                {"sectors", i.sectors},
                {"sdgs", i.sdgs},
                {"stage", text_or_null(i.stage)},
                {"status", text_or_null(i.status)},
                {"digital", bool_or_null(i.digital)},
                {"awards", awards},
                {"contact", contact_json(i.contact)},
                {"links", links},
                {"updated", text_or_null(i.updated)},
                {"body", text_or_null(innovation_body(model, k))},
                {"body_en", text_or_null(i.body_en)},
                {"page", page_url(cat, "inovasi/" + i.id + "/index.html")},
                {"sources", sources_json(i.sources)}};
    };
    auto hub = [&cat](std::size_t k) -> json {
        const Hub& h = cat.hubs[k];
        json decree = nullptr;
        if (h.decree)
            decree = {{"number", h.decree->number},
                      {"title", text_or_null(h.decree->title)},
                      {"year", year_or_null(h.decree->year)},
                      {"url", text_or_null(h.decree->url)}};
        return {{"id", h.id},
                {"name", h.name},
                {"name_en", text_or_null(h.name_en)},
                {"kind", h.kind},
                {"province", text_or_null(h.province)},
                {"agency", h.agency},
                {"established", h.established},
                {"decree", decree},
                {"partners", h.partners},
                {"body", text_or_null(h.body)},
                {"page", page_url(cat, "hub/" + h.id + "/index.html")},
                {"sources", sources_json(h.sources)}};
    };
    auto replication = [&cat](std::size_t k) -> json {
        const Replication& r = cat.replications[k];
        return {{"id", r.id},
                {"innovation", r.innovation},
                {"adopter", r.adopter},
                {"year", r.year},
                {"status", r.status},
                {"event", text_or_null(r.event)},
                {"notes", text_or_null(r.notes)},
                {"page", page_url(cat, "replikasi/" + r.id + "/index.html")},
                {"sources", sources_json(r.sources)}};
    };
    auto event = [&cat](std::size_t k) -> json {
        const Event& e = cat.events[k];
        return {{"id", e.id},
                {"title", e.title},
                {"title_en", text_or_null(e.title_en)},
                {"type", e.type},
                {"date", e.date},
                {"status", e.status},
                {"hub", text_or_null(e.hub)},
                {"province", text_or_null(e.province)},
                {"online", bool_or_null(e.online)},
                {"innovations", e.innovations},
                {"body", text_or_null(e.body)},
                {"page", page_url(cat, "agenda/" + e.id + "/index.html")},
                {"sources", sources_json(e.sources)}};
    };
    auto regulation = [&cat](std::size_t k) -> json {
        const Regulation& r = cat.regulations[k];
        return {{"id", r.id},
                {"title", r.title},
                {"title_en", text_or_null(r.title_en)},
                {"number", r.number},
                {"year", r.year},
                {"type", text_or_null(r.type)},
                {"url", text_or_null(r.url)},
                {"body", text_or_null(r.body)},
                {"page", page_url(cat, "regulasi/" + r.id + "/index.html")},
                {"sources", sources_json(r.sources)}};
    };
    auto innovation_key = [&model, base](std::size_t k) {
        return innovation_entry_key(model, k, base);
    };
    return {
        {"agencies", cat.agencies.size(), agency, own("agencies", &cat.agencies)},
        {"innovations", cat.innovations.size(), innovation, innovation_key},
        {"hubs", cat.hubs.size(), hub, own("hubs", &cat.hubs)},
        {"replications", cat.replications.size(), replication,
         own("replications", &cat.replications)},
        {"events", cat.events.size(), event, own("events", &cat.events)},
        {"regulations", cat.regulations.size(), regulation, own("regulations", &cat.regulations)}};
}

// Everything in catalogue.json but the record lists.
json catalogue_head(const SiteModel& model) {
    const Catalogue& cat = model.cat;
    json j;
    j["$schema"] = "catalogue.schema.json";
    j["schema_version"] = kOpenDataVersion;
    j["title"] = cat.site.title;
    j["title_en"] = text_or_null(cat.site.title_en);
    j["description"] = cat.site.description;
    j["licence"] = {{"name", text_or_null(cat.site.licence_name)},
                    {"url", text_or_null(cat.site.licence_url)}};
    j["base_url"] = text_or_null(site_base(cat.site));
    j["counts"] = {{"provinces", cat.provinces.size()}, {"sectors", cat.sectors.size()},
                   {"sdgs", cat.sdgs.size()},           {"programs", cat.programs.size()},
                   {"agencies", cat.agencies.size()},   {"innovations", cat.innovations.size()},
                   {"hubs", cat.hubs.size()},           {"replications", cat.replications.size()},
                   {"events", cat.events.size()},       {"regulations", cat.regulations.size()}};

    json figures = json::array();
    for (const auto& f : cat.site.figures)
        figures.push_back({{"id", f.id},
                           {"label", f.label},
                           {"label_en", text_or_null(f.label_en)},
                           {"value", f.value},
                           {"as_of", f.as_of},
                           {"sources", sources_json(f.sources)}});
    j["figures"] = figures;

    json provinces = json::array();
    for (const auto& p : cat.provinces)
        provinces.push_back({{"code", p.code},
                             {"name", p.name},
                             {"short", p.short_name},
                             {"slug", p.slug},
                             {"capital", text_or_null(p.capital)},
                             {"tile", {{"col", p.tile_col}, {"row", p.tile_row}}},
                             {"kabupaten", p.kabupaten >= 0 ? json(p.kabupaten) : json(nullptr)},
                             {"kota", p.kota >= 0 ? json(p.kota) : json(nullptr)}});
    j["provinces"] = provinces;
    json sectors = json::array();
    for (const auto& s : cat.sectors)
        sectors.push_back({{"id", s.id}, {"name", s.name}, {"name_en", s.name_en}});
    j["sectors"] = sectors;
    json sdgs = json::array();
    for (const auto& s : cat.sdgs)
        sdgs.push_back({{"number", s.number}, {"name", s.name}, {"name_en", s.name_en}});
    j["sdgs"] = sdgs;
    json programs = json::array();
    for (const auto& p : cat.programs)
        programs.push_back({{"id", p.id},
                            {"name", p.name},
                            {"name_en", text_or_null(p.name_en)},
                            {"owner", text_or_null(p.owner)},
                            {"url", text_or_null(p.url)}});
    j["programs"] = programs;

    return j;
}

}  // namespace

json catalogue_json(const SiteModel& model) {
    json j = catalogue_head(model);
    for (const auto& list : record_lists(model)) {
        json items = json::array();
        for (std::size_t k = 0; k < list.size; ++k) items.push_back(list.item(k));
        j[list.name] = std::move(items);
    }
    return j;
}

std::uint64_t write_catalogue_json(const SiteModel& model, PieceSink& out,
                                   const CatalogueReuse* reuse, CatalogueWritten* written) {
    // The same text as catalogue_json().dump(): keys in order (nlohmann's
    // objects sort them), no spaces; each record dumped on its own.
    auto dump = [](const json& v) {
        return v.dump(-1, ' ', false, json::error_handler_t::replace);
    };
    std::uint64_t offset = 0;  // of the next piece in the file
    // The text's identity: each piece's hash in turn, but a record's key (what
    // its text is made from) in place of its text, copied or dumped alike.
    std::uint64_t identity = 0;
    // Every piece, written or copied, counts here: its size and what stands for it.
    auto account = [&](std::uint64_t size, std::uint64_t id) {
        offset += size;
        identity = mix(identity, id);
    };
    auto piece = [&](std::string_view p, std::uint64_t key = 0) {
        out(p);
        account(p.size(), key ? key : text_hash(p));
    };
    // Records copied from the last file are gathered into runs: records that
    // follow one another there (one comma apart) are copied in one go.
    struct Run {
        std::uint64_t from = 0, size = 0;
    } run;
    auto end_run = [&] {
        if (run.size > 0) out.copy(reuse->fd(), run.from, run.size);
        run = {};
    };
    json head = catalogue_head(model);
    std::vector<RecordList> lists = record_lists(model);
    for (const auto& list : lists) head[list.name] = json::array();
    const char* separator = "{";
    for (const auto& item : head.items()) {
        const std::string& key = item.key();
        piece(separator);
        separator = ",";
        piece(dump(key) + ":");
        auto list = std::find_if(lists.begin(), lists.end(),
                                 [&](const RecordList& l) { return key == l.name; });
        if (list == lists.end()) {
            piece(dump(item.value()));
            continue;
        }
        // Records are dumped on all cores, a block at a time, and handed on in
        // order: the text never depends on the thread count.
        piece("[");
        // A record whose key the last build's index knows is copied from its
        // catalogue.json instead (opendata_reuse.hpp).
        constexpr std::size_t block = 1024;
        std::vector<std::string> texts;
        std::vector<std::uint64_t> keys;
        std::vector<std::optional<CatalogueReuse::Span>> kept;
        for (std::size_t from = 0; from < list->size; from += block) {
            texts.assign(std::min(block, list->size - from), {});
            keys.assign(texts.size(), 0);
            kept.assign(texts.size(), std::nullopt);
            parallel_for(texts.size(), 0, [&](std::size_t k) {
                keys[k] = list->key(from + k);
                if (reuse && keys[k]) kept[k] = reuse->find(keys[k]);
                if (!kept[k]) texts[k] = dump(list->item(from + k));
            });
            for (std::size_t k = 0; k < texts.size(); ++k) {
                const std::optional<CatalogueReuse::Span>& span = kept[k];
                if (span && run.size > 0 && span->offset == run.from + run.size + 1) {
                    run.size += 1;  // the comma between, copied with the records
                    account(1, text_hash(","));
                } else {
                    end_run();
                    if (from + k > 0) piece(",");
                    if (span) run.from = span->offset;
                }
                const std::uint64_t size = span ? span->size : texts[k].size();
                if (written && keys[k])
                    written->spans.push_back({keys[k], offset, static_cast<std::uint32_t>(size)});
                if (span) {
                    run.size += size;
                    account(size, keys[k]);
                    if (written) ++written->copied;
                } else {
                    piece(texts[k], keys[k]);
                }
            }
        }
        end_run();
        piece("]");
    }
    piece("}\n");
    return identity;
}

CatalogueWritten write_catalogue_file(const SiteModel& model, StagedOutput& out) {
    const std::string path = "data/catalogue.json";
    CatalogueWritten written;
    // Records unchanged since the last build are copied from its file (not with --clean).
    CatalogueReuse reuse;
    if (!out.clean())
        reuse = CatalogueReuse::open(catalogue_index_path(out.output()), out.output() / path);
    out.write_pieces(path, [&](PieceSink& pieces) {
        return write_catalogue_json(model, pieces, &reuse, &written);
    });
    return written;
}

}  // namespace simpul::gen
