// Page fingerprints (deps.hpp). A record's own hash is its file's bytes and its
// git history; a page adds the hashes of every record its view reads, kind by
// kind below, mirroring view_records.cpp and view_lists.cpp. A view that starts
// reading another record must say so here: pipeline_test edits every record of
// a fixture and checks each rebuild against a clean build.
#include "deps.hpp"

#include "parallel.hpp"
#include "pieces.hpp"

#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include <link.h>
#include <sys/stat.h>

namespace simpul::gen {
namespace fs = std::filesystem;

std::uint64_t mix(std::uint64_t h, std::uint64_t x) {
    std::uint64_t z = h ^ (x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t text_hash(std::string_view s) {
    return std::hash<std::string_view>{}(s);
}

namespace {

// A file's bytes, under the name it is known by.
std::uint64_t file_hash(const fs::path& p, const std::string& name) {
    std::string bytes;
    if (read_regular_file(p, bytes) != ReadResult::Ok) bytes.clear();  // hashed as empty
    return mix(text_hash(name), text_hash(bytes));
}

// The hashes the views' building blocks stand for (ViewContext in view.cpp).
class Hasher {
  public:
    explicit Hasher(const SiteModel& m) : m_(m), cat_(m.cat) {}

    std::uint64_t record(const Origin& o) const {
        std::uint64_t h = text_hash(o.path);
        if (auto it = m_.source_hashes.find(o.path); it != m_.source_hashes.end())
            h = mix(h, it->second);
        if (auto it = m_.history.find(o.path); it != m_.history.end()) {
            const RecordHistory& r = it->second;
            h = mix(h, text_hash(r.first_published));
            h = mix(h, text_hash(r.last_changed));
            h = mix(h, r.change_count);
            for (const auto& c : r.changes)
                h = mix(mix(mix(h, text_hash(c.date)), text_hash(c.summary)), text_hash(c.commit));
        }
        return h;
    }
    // A missing record (an optional reference left empty) still counts by its id.
    template <class T>
    std::uint64_t of(const T* r, const std::string& id) const {
        return r ? record(r->origin) : mix(1, text_hash(id));
    }
    std::uint64_t agency(const std::string& id) const { return of(cat_.agency(id), id); }
    std::uint64_t hub(const std::string& id) const { return of(cat_.hub(id), id); }
    std::uint64_t event(const std::string& id) const { return of(cat_.event(id), id); }

    // An innovation's card and facet signature, worked out once each (a card
    // shows on many listing pages, a signature counts in many facet panels).
    void precompute(unsigned threads) {
        const std::size_t n = cat_.innovations.size();
        std::vector<std::uint64_t> cards(n), signatures(n);
        parallel_for(n, threads, [&](std::size_t i) {
            cards[i] = card_of(cat_.innovations[i]);
            signatures[i] = signature_of(cat_.innovations[i]);
        });
        cards_ = std::move(cards);
        signatures_ = std::move(signatures);
    }
    std::uint64_t card(std::size_t i) const {
        return cards_.empty() ? card_of(cat_.innovations[i]) : cards_[i];
    }
    std::uint64_t card(const Innovation& inn) const { return card(index_of(inn)); }
    std::uint64_t facet_signature(std::size_t i) const {
        return signatures_.empty() ? signature_of(cat_.innovations[i]) : signatures_[i];
    }
    std::uint64_t replication_row(const Replication& r) const {
        std::uint64_t h = mix(record(r.origin), agency(r.adopter));
        h = mix(h, event(r.event));
        const Innovation* inn = cat_.innovation(r.innovation);
        return mix(h, inn ? card(*inn) : mix(2, text_hash(r.innovation)));
    }
    std::uint64_t event_row(const Event& e) const { return mix(record(e.origin), hub(e.hub)); }
    std::uint64_t hub_row(const Hub& h) const { return mix(record(h.origin), agency(h.agency)); }

  private:
    std::size_t index_of(const Innovation& inn) const {
        return static_cast<std::size_t>(&inn - cat_.innovations.data());
    }
    // agency_ref() reads the agency; province_of() an innovation's agency too.
    std::uint64_t card_of(const Innovation& inn) const {
        return mix(record(inn.origin), agency(inn.agency));
    }
    // What a facet panel counts an innovation under (facets.cpp).
    std::uint64_t signature_of(const Innovation& inn) const {
        std::uint64_t h = mix(text_hash(cat_.province_of(inn)), inn.year);
        for (const auto& s : inn.sectors) h = mix(h, text_hash(s));
        for (int n : inn.sdgs) h = mix(h, static_cast<std::uint64_t>(n) + 7);
        h = mix(mix(h, text_hash(inn.stage)), text_hash(inn.status));
        for (const auto& a : inn.awards) h = mix(h, text_hash(a.program));
        return h;
    }

  public:
    // Rows of every record of `list`, in its order (an index page lists them all):
    // `row` is a member row hash (hub_row), or none for the record's file alone.
    template <class Record>
    std::uint64_t all(std::uint64_t h, const std::vector<Record>& list,
                      std::uint64_t (Hasher::*row)(const Record&) const = nullptr) const {
        for (const Record& r : list) h = mix(h, row ? (this->*row)(r) : record(r.origin));
        return h;
    }
    // Rows of an Index entry: replications, events, hubs or cards.
    template <class Row>
    std::uint64_t rows(std::uint64_t h, const Index& idx, const std::string& key, Row row) const {
        auto it = idx.find(key);
        if (it == idx.end()) return mix(h, 3);
        h = mix(h, it->second.size());
        for (std::size_t i : it->second) h = mix(h, row(i));
        return h;
    }
    std::uint64_t replication_rows(std::uint64_t h, const Index& idx,
                                   const std::string& key) const {
        return rows(h, idx, key,
                    [&](std::size_t i) { return replication_row(cat_.replications[i]); });
    }
    std::uint64_t event_rows(std::uint64_t h, const Index& idx, const std::string& key) const {
        return rows(h, idx, key, [&](std::size_t i) { return event_row(cat_.events[i]); });
    }
    std::uint64_t hub_rows(std::uint64_t h, const Index& idx, const std::string& key) const {
        return rows(h, idx, key, [&](std::size_t i) { return hub_row(cat_.hubs[i]); });
    }
    // The first `n` cards of an Index entry and how many there are in all.
    std::uint64_t first_cards(std::uint64_t h, const Index& idx, const std::string& key,
                              std::size_t n) const {
        auto it = idx.find(key);
        if (it == idx.end()) return mix(h, 4);
        h = mix(h, it->second.size());
        for (std::size_t k = 0; k < it->second.size() && k < n; ++k)
            h = mix(h, card(it->second[k]));
        return h;
    }

    std::uint64_t innovation_page(const Innovation& inn) const {
        std::uint64_t h = card(inn);
        h = replication_rows(h, m_.replications_by_innovation, inn.id);
        h = event_rows(h, m_.events_by_innovation, inn.id);
        return hub_rows(h, m_.hubs_by_province, cat_.province_of(inn));
    }
    std::uint64_t hub_page(const Hub& hub) const {
        std::uint64_t h = hub_row(hub);
        for (const auto& p : hub.partners) h = mix(h, agency(p));
        for (const auto& other : cat_.hubs)  // the cohort
            if (other.established == hub.established) h = mix(h, hub_row(other));
        h = event_rows(h, m_.events_by_hub, hub.id);
        return first_cards(h, m_.facets.at(Facet::Province), hub.province, 10);
    }
    std::uint64_t province_page(const std::string& code) const {
        std::uint64_t h = hub_rows(text_hash(code), m_.hubs_by_province, code);
        h = first_cards(h, m_.facets.at(Facet::Province), code,
                        static_cast<std::size_t>(std::max(1, cat_.site.per_page)));
        h = replication_rows(h, m_.replications_in, code);
        h = replication_rows(h, m_.replications_out, code);
        h = event_rows(h, m_.events_by_province, code);
        return rows(h, m_.agencies_by_province, code,
                    [&](std::size_t i) { return record(cat_.agencies[i].origin); });
    }
    std::uint64_t agency_page(const Agency& a) const {
        std::uint64_t h = record(a.origin);
        h = rows(h, m_.innovations_by_agency, a.id, [&](std::size_t i) { return card(i); });
        h = replication_rows(h, m_.replications_by_adopter, a.id);
        return hub_rows(h, m_.hubs_by_agency, a.id);
    }
    std::uint64_t event_page(const Event& e) const {
        std::uint64_t h = event_row(e);
        for (const auto& id : e.innovations)
            if (const Innovation* inn = cat_.innovation(id)) h = mix(h, card(*inn));
        return replication_rows(h, m_.replications_by_event, e.id);
    }

    // Everything: the pages that list or count every record.
    std::uint64_t catalogue() const {
        // Each record file and its hash, summed: the same in any order, so
        // the paths need no sorting.
        std::uint64_t files = 0;
        for (const auto& [path, hash] : m_.source_hashes) files += mix(text_hash(path), hash);
        std::uint64_t h = mix(5, mix(files, m_.source_hashes.size()));
        for (const auto& [path, r] : m_.history) h = mix(h, record(Origin{path, 1}));
        return h;
    }

  private:
    const SiteModel& m_;
    const Catalogue& cat_;
    std::vector<std::uint64_t> cards_, signatures_;  // precompute(); empty before
};

}  // namespace

std::vector<std::string> program_files() {
    std::vector<std::string> files = {"/proc/self/exe"};
    // The program itself comes first with an empty name; the kernel's vDSO has no file.
    dl_iterate_phdr(
        [](struct dl_phdr_info* info, std::size_t, void* data) {
            if (info->dlpi_name && info->dlpi_name[0] == '/')
                static_cast<std::vector<std::string>*>(data)->push_back(info->dlpi_name);
            return 0;
        },
        &files);
    return files;
}

std::uint64_t files_stamp(const std::vector<std::string>& files) {
    std::uint64_t h = 7;
    for (const auto& f : files) {
        struct stat st {};
        h = mix(h, text_hash(f));
        if (::stat(f.c_str(), &st) == 0) {
            const FileStamp s = stamp_of(st);
            h = mix(mix(mix(h, s.size), static_cast<std::uint64_t>(s.mtime_ns)), s.inode);
        }
    }
    return h;
}

std::uint64_t program_fingerprint() {
    static const std::uint64_t stamp = files_stamp(program_files());
    return stamp;
}

std::uint64_t template_fingerprint(const fs::path& template_dir) {
    std::uint64_t h = program_fingerprint();
    std::error_code ec;
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(template_dir, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
        if (it->is_regular_file(ec)) files.push_back(it->path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files)
        h = mix(h, file_hash(f, f.lexically_relative(template_dir).generic_string()));
    return h;
}

std::uint64_t global_fingerprint(std::uint64_t templates, const SiteModel& model) {
    return mix(templates, model.data_hash);
}

std::vector<std::uint64_t> page_fingerprints(const std::vector<PagePlan>& plans,
                                             const SiteModel& model, std::uint64_t global,
                                             unsigned threads, std::vector<std::uint64_t>* cards) {
    Hasher hasher(model);
    hasher.precompute(threads);
    const Hasher& hash = hasher;
    if (cards) {
        cards->resize(model.cat.innovations.size());
        for (std::size_t i = 0; i < cards->size(); ++i) (*cards)[i] = mix(global, hash.card(i)) | 1;
    }
    const Catalogue& cat = model.cat;
    const std::uint64_t everything = hash.catalogue();
    // A listing's facet panel counts over the whole listing: hashed once per
    // listing, before the pages are (on all threads).
    std::unordered_map<const ListingShared*, std::uint64_t> panels;
    for (const auto& plan : plans) {
        if (plan.kind != PageKind::InnovationList || !plan.shared) continue;
        auto [it, added] = panels.emplace(plan.shared.get(), 0);
        if (!added) continue;
        std::uint64_t p = plan.shared->items.size();
        for (std::size_t i : plan.shared->items) p = mix(p, hash.facet_signature(i));
        it->second = p;
    }
    // A sitemap lists pages' paths, nothing of their records: it changes when
    // a page comes or goes, not when a record's text does.
    std::unordered_map<const SitemapShared*, std::uint64_t> sitemaps;
    for (const auto& plan : plans) {
        if (plan.kind != PageKind::Sitemap || !plan.sitemap) continue;
        auto [it, added] = sitemaps.emplace(plan.sitemap.get(), 0);
        if (!added) continue;
        const SitemapShared& sm = *plan.sitemap;
        std::uint64_t p = mix(sm.per_file, sm.paths.size());
        for (const auto* list : {&sm.languages, &sm.prefixes, &sm.paths})
            for (const auto& s : *list) p = mix(p, text_hash(s));
        it->second = p;
    }
    std::vector<std::uint64_t> out(plans.size());
    parallel_for(plans.size(), threads, [&](std::size_t k) {
        const PagePlan& plan = plans[k];
        std::uint64_t h = mix(mix(global, text_hash(plan.path)), text_hash(plan.lang));
        h = mix(mix(h, static_cast<std::uint64_t>(plan.kind)), text_hash(plan.key));
        switch (plan.kind) {
            case PageKind::Innovation:
                h = mix(h, hash.innovation_page(*cat.innovation(plan.key)));
                break;
            case PageKind::Hub:
                h = mix(h, hash.hub_page(*cat.hub(plan.key)));
                break;
            case PageKind::Province:
                h = mix(h, hash.province_page(plan.key));
                break;
            case PageKind::Agency:
                h = mix(h, hash.agency_page(*cat.agency(plan.key)));
                break;
            case PageKind::Replication:
                h = mix(h, hash.replication_row(*cat.replication(plan.key)));
                break;
            case PageKind::Event:
                h = mix(h, hash.event_page(*cat.event(plan.key)));
                break;
            case PageKind::Regulation:
                h = mix(h, hash.record(cat.regulation(plan.key)->origin));
                break;
            case PageKind::InnovationList: {
                h = mix(mix(h, static_cast<std::uint64_t>(plan.facet)), text_hash(plan.sort));
                h = mix(mix(mix(h, plan.page), plan.pages), plan.total);
                for (std::size_t i : plan.items) h = mix(h, hash.card(i));
                auto it = panels.find(plan.shared.get());
                h = mix(h, it == panels.end() ? 0 : it->second);
                break;
            }
            case PageKind::Sitemap:
                h = mix(mix(h, plan.page), plan.pages);
                h = mix(h, plan.sitemap ? sitemaps.at(plan.sitemap.get()) : everything);
                break;
            // Indexes that list one kind of record, each row made as the
            // record pages' rows are (view.cpp): every row, in catalogue order.
            case PageKind::HubIndex:
                h = hash.all(h, cat.hubs, &Hasher::hub_row);
                break;
            case PageKind::AgencyIndex:
                h = hash.all(h, cat.agencies);
                break;
            case PageKind::ReplicationIndex:  // a page of rows, as a listing's
                h = mix(mix(mix(h, plan.page), plan.pages), plan.total);
                for (std::size_t i : plan.items)
                    h = mix(h, hash.replication_row(cat.replications[i]));
                break;
            case PageKind::EventIndex:
                h = hash.all(h, cat.events, &Hasher::event_row);
                break;
            case PageKind::RegulationIndex:
                h = hash.all(h, cat.regulations);
                break;
            // Pages that show no record, or only how many there are of each kind.
            case PageKind::OpenData:
                for (std::size_t n :
                     {cat.agencies.size(), cat.innovations.size(), cat.hubs.size(),
                      cat.replications.size(), cat.events.size(), cat.regulations.size()})
                    h = mix(h, n);
                break;
            case PageKind::NotFound:
            case PageKind::Robots:
                break;
            default:  // home, statistics, search, feed, province and facet indexes: they count
                      // or list every innovation
                h = mix(h, everything);
                break;
        }
        out[k] = h == 0 ? 1 : h;
    });
    return out;
}

}  // namespace simpul::gen
