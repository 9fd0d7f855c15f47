// Stage 4, render: plan every output page (path, kind, which records) and
// render one plan to text through its template. Plans are cheap values, so
// the writer can render and write them one at a time, in any order.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "catalogue.hpp"
#include "templates.hpp"

namespace simpul::gen {

class CardCache;

// What every page of one innovation listing shares (all its pages, in every
// order): the whole selection, and its facet panel made once, on first use.
struct ListingShared {
    std::vector<std::size_t> items;  // innovations of the whole listing
    mutable std::once_flag panel_once;
    mutable nlohmann::json panel;
    // listing_panel_view as a layer its pages render over (render_page).
    mutable std::once_flag layer_once;
    mutable std::unique_ptr<ViewLayer> layer;
};

// The pages a sitemap lists (every language), worked out once in the plan and
// shared by the sitemap's files: location u is language u / paths.size(), page
// u % paths.size(). Past `per_file` locations the sitemap is split into
// sitemap-1.xml, sitemap-2.xml, ... and sitemap.xml becomes their index (the
// protocol allows 50,000 a file; fewer keep each file's rendering small).
inline constexpr std::size_t kSitemapUrls = 10000;
struct SitemapShared {
    std::vector<std::string> languages;
    std::vector<std::string> prefixes;  // per language: "" or "en/"
    std::vector<std::string> paths;     // without the language prefix
    std::size_t per_file = kSitemapUrls;
    std::size_t urls() const { return paths.size() * languages.size(); }
};

struct PagePlan {
    PageKind kind = PageKind::Home;
    std::string path;  // output file, relative to the site root: "inovasi/omspan/index.html"
    std::string lang = "id";
    std::string key;  // record id, facet key or listing id
    Facet facet = Facet::Province;
    int page = 1, pages = 1;         // pagination of listings
    std::vector<std::size_t> items;  // innovations on this listing page (replications on
                                     // a page of the replication index)
    std::size_t total = 0;           // items in the whole listing
    std::string listing;             // listing base folder: "sektor/kesehatan/"
    std::string sort;                // listing order: "" newest first (by year), "nama" by name
    std::shared_ptr<const ListingShared> shared;  // listings only
    // Sitemaps only; page 0 of pages > 1 is the index of the files 1..pages.
    std::shared_ptr<const SitemapShared> sitemap;
};

// The orders a listing is published in; the first is the default (index.html).
const std::vector<std::string>& listing_sorts();

// Every page of the site for one language, in a stable order.
std::vector<PagePlan> plan_pages(const SiteModel& model, const std::string& lang);

// The sitemap's plans for the root language's pages (before the other
// languages' copies): sitemap.xml, or an index and its numbered files.
std::vector<PagePlan> plan_sitemaps(const std::vector<PagePlan>& pages, const Site& site,
                                    const std::string& lang, std::size_t per_file = kSitemapUrls);

// The output path of page `n` (1-based) of a listing under `base` ("inovasi/")
// in order `sort`: "inovasi/index.html", "inovasi/index-2.html",
// "inovasi/index-nama.html", "inovasi/index-nama-2.html".
std::string listing_page_path(const std::string& base, int n, const std::string& sort = {});

// The title order key of every innovation in `lang` (lower-case letters and digits).
std::vector<std::string> title_keys(const Catalogue& cat, const std::string& lang);

// `items` (innovation indexes) in listing order `sort`, by `keys` from title_keys().
std::vector<std::size_t> sorted_innovations(const Catalogue& cat, std::vector<std::size_t> items,
                                            const std::string& sort,
                                            const std::vector<std::string>& keys);

// Every order of listing_sorts(), in `lang`: each innovation's place in it (0
// first; rank[innovation]) and the innovation at each place (order[place]). A
// listing is put in that order by sorting its places, plain numbers.
struct ListingOrder {
    std::vector<std::uint32_t> rank;
    std::vector<std::size_t> order;
};
using ListingRanks = std::vector<ListingOrder>;
ListingRanks listing_ranks(const Catalogue& cat, const std::string& lang);

// The shared views (view.hpp) of a build's pages, each converted once, by
// key, when the first page that has it is rendered (on any thread): pages the
// build takes from the last output need none.
class SharedViews {
  public:
    SharedViews(const SiteModel& model, const SiteTemplate& tmpl) : model_(model), tmpl_(tmpl) {}
    // The layer of `plan`'s shared view; null when it has none.
    const ViewLayer* find(const PagePlan& plan) const;
    std::size_t size() const;

  private:
    const SiteModel& model_;
    const SiteTemplate& tmpl_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, ViewLayer> layers_;  // nodes stay put: pointers hold
};

// One page as text. Pass the build's card cache (every page then shares its
// cards); without one, the page renders its cards itself. With `shared`, the
// page's own view renders over its shared view's layer, the same text.
std::string render_page(const PagePlan& plan, const SiteModel& model, const SiteTemplate& tmpl,
                        const CardCache* cards = nullptr, const SharedViews* shared = nullptr);

}  // namespace simpul::gen
