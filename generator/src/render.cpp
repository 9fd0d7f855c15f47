// Stage 4, render: the page plan (DESIGN.md "Output") and the call into the
// template for each plan. What goes into a page is decided in view*.cpp.
#include "render.hpp"

#include <algorithm>
#include <cctype>

#include "cards.hpp"
#include "facets.hpp"
#include "view.hpp"

namespace simpul::gen {
namespace {

// Adds the pages of a listing under `base` in the order `sort`: `items`,
// `per_page` a page, in plans made from `proto`.
void paginate(std::vector<PagePlan>& out, const PagePlan& proto, const std::string& base,
              const std::string& sort, const std::vector<std::size_t>& items, int per_page) {
    const int pages = std::max<int>(1, (static_cast<int>(items.size()) + per_page - 1) / per_page);
    for (int p = 1; p <= pages; ++p) {
        PagePlan plan = proto;
        plan.listing = base;
        plan.sort = sort;
        plan.path = listing_page_path(base, p, sort);
        plan.page = p;
        plan.pages = pages;
        plan.total = items.size();
        std::size_t from = static_cast<std::size_t>(p - 1) * per_page;
        std::size_t to = std::min(items.size(), from + per_page);
        plan.items.assign(items.begin() + from, items.begin() + to);
        out.push_back(std::move(plan));
    }
}

// Adds the pages of an innovation listing under `base`, once for every order
// of listing_sorts(); `sorted` holds its innovations in each of them (sort_listings()).
void plan_listing(std::vector<PagePlan>& out, PagePlan proto, const std::string& base,
                  const std::vector<std::size_t>& unsorted, int per_page,
                  const std::vector<std::vector<std::size_t>>& sorted) {
    auto shared = std::make_shared<ListingShared>();
    shared->items = unsorted;
    proto.shared = shared;
    proto.kind = PageKind::InnovationList;
    for (std::size_t s = 0; s < listing_sorts().size(); ++s)
        paginate(out, proto, base, listing_sorts()[s], sorted[s], per_page);
}

// Every listing in every order ([listing][sort] -> innovations): each order is
// walked once, each innovation going to the end of the listings it is in, so
// that no listing is sorted. (An innovation listed twice in one stays twice.)
std::vector<std::vector<std::vector<std::size_t>>> sort_listings(
    const std::vector<const std::vector<std::size_t>*>& listings, const ListingRanks& ranks,
    std::size_t innovations) {
    // The listings each innovation is in, flat: those of i are at [first[i], first[i + 1]).
    std::vector<std::uint32_t> first(innovations + 1, 0);
    for (const auto* l : listings)
        for (std::size_t i : *l) ++first[i + 1];
    for (std::size_t i = 0; i < innovations; ++i) first[i + 1] += first[i];
    std::vector<std::uint32_t> in(first.back()), next(first.begin(), first.end() - 1);
    for (std::uint32_t k = 0; k < listings.size(); ++k)
        for (std::size_t i : *listings[k]) in[next[i]++] = k;

    std::vector<std::vector<std::vector<std::size_t>>> sorted(listings.size());
    for (std::size_t k = 0; k < listings.size(); ++k) {
        sorted[k].resize(ranks.size());
        for (auto& items : sorted[k]) items.reserve(listings[k]->size());
    }
    for (std::size_t s = 0; s < ranks.size(); ++s)
        for (std::size_t i : ranks[s].order)
            for (std::uint32_t at = first[i]; at < first[i + 1]; ++at)
                sorted[in[at]][s].push_back(i);
    return sorted;
}

// A title as a sort key: lower-case ASCII letters and digits, other characters dropped.
std::string sort_key(const std::string& title) {
    std::string key;
    for (unsigned char c : title)
        if (std::isalnum(c))
            key += static_cast<char>(std::tolower(c));
        else if (c >= 0x80)
            key += static_cast<char>(c);  // keep non-ASCII letters in order
    return key;
}

}  // namespace

const std::vector<std::string>& listing_sorts() {
    static const std::vector<std::string> sorts = {"", "nama"};
    return sorts;
}

std::string listing_page_path(const std::string& base, int n, const std::string& sort) {
    std::string name = "index";
    if (!sort.empty()) name += "-" + sort;
    if (n > 1) name += "-" + std::to_string(n);
    return base + name + ".html";
}

std::vector<std::string> title_keys(const Catalogue& cat, const std::string& lang) {
    std::vector<std::string> keys;
    keys.reserve(cat.innovations.size());
    for (const auto& inn : cat.innovations)
        keys.push_back(sort_key(lang != "id" && !inn.title_en.empty() ? inn.title_en : inn.title));
    return keys;
}

std::vector<std::size_t> sorted_innovations(const Catalogue& cat, std::vector<std::size_t> items,
                                            const std::string& sort,
                                            const std::vector<std::string>& keys) {
    std::stable_sort(items.begin(), items.end(), [&](std::size_t a, std::size_t b) {
        const Innovation& x = cat.innovations[a];
        const Innovation& y = cat.innovations[b];
        if (sort.empty() && x.year != y.year) return x.year > y.year;  // unknown (0) last
        if (keys[a] != keys[b]) return keys[a] < keys[b];
        return x.id < y.id;
    });
    return items;
}

ListingRanks listing_ranks(const Catalogue& cat, const std::string& lang) {
    const std::vector<std::string> keys = title_keys(cat, lang);
    std::vector<std::size_t> all(cat.innovations.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    // The titles are compared once: by name (sort "nama"); newest first (sort
    // "") is that order sorted again by year alone, which keeps the rest of it.
    const std::vector<std::size_t> by_name = sorted_innovations(cat, all, "nama", keys);
    ListingRanks ranks;
    for (const auto& sort : listing_sorts()) {
        std::vector<std::size_t> order = by_name;
        if (sort.empty())
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return cat.innovations[a].year > cat.innovations[b].year;  // unknown (0) last
            });
        std::vector<std::uint32_t> rank(order.size());
        for (std::size_t place = 0; place < order.size(); ++place)
            rank[order[place]] = static_cast<std::uint32_t>(place);
        ranks.push_back({std::move(rank), std::move(order)});
    }
    return ranks;
}

std::string facet_term_folder(Facet f, const std::string& key, const SiteModel& model) {
    if (f == Facet::Province) {
        const Province* p = model.cat.province(key);
        return std::string("provinsi/") + (p ? p->slug : key) + "/inovasi/";
    }
    return facet_index_folder(f) + key + "/";
}

std::vector<PagePlan> plan_pages(const SiteModel& model, const std::string& lang) {
    const Catalogue& cat = model.cat;
    const int per_page = std::max(1, cat.site.per_page);
    const std::string prefix = lang == "id" ? "" : lang + "/";
    std::vector<PagePlan> out;
    auto add = [&](PageKind kind, std::string path, std::string key = {}) {
        PagePlan p;
        p.kind = kind;
        p.path = std::move(path);
        p.key = std::move(key);
        p.lang = lang;
        out.push_back(std::move(p));
    };
    PagePlan proto;
    proto.lang = lang;
    // The whole catalogue's orders, made once; each listing takes its
    // innovations in them (sort_listings(): no titles compared again).
    const ListingRanks ranks = listing_ranks(cat, lang);

    add(PageKind::Home, "index.html");
    std::vector<std::size_t> all(cat.innovations.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;

    // Facet term listings (province listings live under provinsi/<slug>/inovasi/),
    // each with the innovations of its group, in both orders.
    struct Term {
        Facet facet;
        std::string key;
        const std::vector<std::size_t>* items;
    };
    static const std::vector<std::size_t> none;
    static constexpr Facet listed[] = {Facet::Province, Facet::Sector,  Facet::Sdg,   Facet::Year,
                                       Facet::Stage,    Facet::Program, Facet::Status};
    std::vector<Term> terms;
    std::vector<std::size_t> first_term;  // where each facet of `listed` starts in terms
    for (Facet f : listed) {
        first_term.push_back(terms.size());
        const Index& groups = model.facets.at(f);
        std::vector<std::string> keys;
        switch (f) {
            case Facet::Province:
                for (const auto& p : cat.provinces) keys.push_back(p.code);
                break;
            case Facet::Sector:
                for (const auto& s : cat.sectors) keys.push_back(s.id);
                break;
            case Facet::Sdg:
                for (const auto& s : cat.sdgs) keys.push_back(std::to_string(s.number));
                break;
            case Facet::Stage:
                keys = {"penciptaan", "pengembangan", "pelembagaan"};
                break;
            case Facet::Status:
                keys = {"berlanjut", "vakum"};
                break;
            case Facet::Program:
                for (const auto& p : cat.programs) keys.push_back(p.id);
                break;
            default:
                for (const auto& [k, v] : groups) keys.push_back(k);
                break;
        }
        for (auto& k : keys) {
            auto it = groups.find(k);
            terms.push_back({f, std::move(k), it == groups.end() ? &none : &it->second});
        }
    }
    first_term.push_back(terms.size());
    std::vector<const std::vector<std::size_t>*> listings;
    for (const auto& t : terms) listings.push_back(t.items);
    const auto sorted = sort_listings(listings, ranks, cat.innovations.size());

    PagePlan all_proto = proto;
    all_proto.key = "all";
    std::vector<std::vector<std::size_t>> in_order;  // the whole catalogue: each order as it is
    for (const auto& o : ranks) in_order.push_back(o.order);
    plan_listing(out, all_proto, "inovasi/", all, per_page, in_order);
    for (const auto& inn : cat.innovations)
        add(PageKind::Innovation, "inovasi/" + inn.id + "/index.html", inn.id);

    add(PageKind::HubIndex, "hub/index.html");
    for (const auto& h : cat.hubs) add(PageKind::Hub, "hub/" + h.id + "/index.html", h.id);

    add(PageKind::ProvinceIndex, "provinsi/index.html");
    for (const auto& p : cat.provinces)
        add(PageKind::Province, "provinsi/" + p.slug + "/index.html", p.code);

    // Facet indexes, each before its term listings.
    for (std::size_t fi = 0; fi < std::size(listed); ++fi) {
        if (listed[fi] != Facet::Province) {
            PagePlan idx = proto;
            idx.kind = PageKind::FacetIndex;
            idx.facet = listed[fi];
            idx.path = facet_index_folder(listed[fi]) + "index.html";
            out.push_back(std::move(idx));
        }
        for (std::size_t k = first_term[fi]; k < first_term[fi + 1]; ++k) {
            PagePlan term = proto;
            term.facet = terms[k].facet;
            term.key = terms[k].key;
            plan_listing(out, term, facet_term_folder(term.facet, term.key, model), *terms[k].items,
                         per_page, sorted[k]);
        }
    }

    add(PageKind::AgencyIndex, "instansi/index.html");
    for (const auto& a : cat.agencies)
        add(PageKind::Agency, "instansi/" + a.id + "/index.html", a.id);
    // The replications, newest first (else in catalogue order), a page of rows at a time.
    std::vector<std::size_t> replications(cat.replications.size());
    for (std::size_t i = 0; i < replications.size(); ++i) replications[i] = i;
    std::stable_sort(replications.begin(), replications.end(), [&](std::size_t a, std::size_t b) {
        return cat.replications[a].year > cat.replications[b].year;
    });
    PagePlan replication_proto = proto;
    replication_proto.kind = PageKind::ReplicationIndex;
    paginate(out, replication_proto, "replikasi/", "", replications, per_page);
    for (const auto& r : cat.replications)
        add(PageKind::Replication, "replikasi/" + r.id + "/index.html", r.id);
    add(PageKind::EventIndex, "agenda/index.html");
    for (const auto& e : cat.events) add(PageKind::Event, "agenda/" + e.id + "/index.html", e.id);
    add(PageKind::RegulationIndex, "regulasi/index.html");
    for (const auto& r : cat.regulations)
        add(PageKind::Regulation, "regulasi/" + r.id + "/index.html", r.id);
    add(PageKind::Search, "cari/index.html");
    add(PageKind::Statistics, "statistik/index.html");
    add(PageKind::OpenData, "data/index.html");
    add(PageKind::NotFound, "404.html");
    add(PageKind::Feed, "feed.xml");
    // One robots.txt and one sitemap (listing every language) at the site root.
    if (prefix.empty()) {
        add(PageKind::Robots, "robots.txt");
        for (auto& p : plan_sitemaps(out, cat.site, lang)) out.push_back(std::move(p));
    }
    for (auto& p : out) p.path = prefix + p.path;
    return out;
}

std::vector<PagePlan> plan_sitemaps(const std::vector<PagePlan>& pages, const Site& site,
                                    const std::string& lang, std::size_t per_file) {
    auto shared = std::make_shared<SitemapShared>();
    shared->languages = site.languages;
    if (shared->languages.empty()) shared->languages = {lang};
    for (const auto& l : shared->languages) shared->prefixes.push_back(l == "id" ? "" : l + "/");
    shared->per_file = std::max<std::size_t>(1, per_file);
    // Not listed: the machine files, the 404 and search pages, listings in another order.
    for (const auto& p : pages)
        if (p.kind != PageKind::Sitemap && p.kind != PageKind::Robots &&
            p.kind != PageKind::NotFound && p.kind != PageKind::Feed &&
            p.kind != PageKind::Search && p.sort.empty())
            shared->paths.push_back(p.path);
    const std::size_t files = (shared->urls() + shared->per_file - 1) / shared->per_file;
    std::vector<PagePlan> out;
    auto add = [&](std::string path, int page) {
        PagePlan p;
        p.kind = PageKind::Sitemap;
        p.path = std::move(path);
        p.lang = lang;
        p.page = page;
        p.pages = static_cast<int>(std::max<std::size_t>(files, 1));
        p.sitemap = shared;
        out.push_back(std::move(p));
    };
    add("sitemap.xml", files > 1 ? 0 : 1);
    for (std::size_t k = 1; files > 1 && k <= files; ++k)
        add("sitemap-" + std::to_string(k) + ".xml", static_cast<int>(k));
    return out;
}

const ViewLayer* SharedViews::find(const PagePlan& plan) const {
    std::string key = shared_view_key(plan, model_);
    if (key.empty()) return nullptr;
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = layers_.find(key);
    if (it == layers_.end())
        it = layers_
                 .emplace(std::move(key),
                          ViewLayer(shared_view(plan, model_, tmpl_.strings(plan.lang))))
                 .first;
    return &it->second;
}

std::size_t SharedViews::size() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return layers_.size();
}

std::string render_page(const PagePlan& plan, const SiteModel& model, const SiteTemplate& tmpl,
                        const CardCache* cards, const SharedViews* shared) {
    if (!cards) {
        CardCache own(tmpl, model.cat.innovations.size());
        return render_page(plan, model, tmpl, &own, shared);
    }
    const json& strings = tmpl.strings(plan.lang);
    const ViewLayer* layer = shared ? shared->find(plan) : nullptr;
    const bool listing = plan.kind == PageKind::InnovationList;
    if (!layer || (listing && !plan.shared))  // (plan_pages gives every listing a ListingShared)
        return tmpl.render(plan.kind, build_view(plan, model, strings, cards), plan.lang);
    std::vector<const ViewLayer*> beneath;
    if (listing) {
        std::call_once(plan.shared->layer_once, [&] {
            plan.shared->layer = std::make_unique<ViewLayer>(
                listing_panel_view(ViewContext(plan, model, strings, cards)));
        });
        beneath.push_back(plan.shared->layer.get());
    }
    beneath.push_back(layer);
    return tmpl.render(plan.kind, page_view(plan, model, strings, cards), plan.lang, beneath);
}

}  // namespace simpul::gen
