// The template view: what each page shows, as JSON handed to Mustache (kept
// apart from the model, like Zola's ser.rs). Every link is made relative to
// the page here, so templates never build URLs and the site works under any
// sub-path or from disk.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "render.hpp"

namespace simpul::gen {

using json = nlohmann::json;

// The folder of a facet term's innovation listing: "sektor/kesehatan/".
std::string facet_term_folder(Facet f, const std::string& key, const SiteModel& model);

// The folder of a language's pages below the site root: "" for Indonesian
// (the primary language, as in plan_pages), "en/" for English.
std::string language_prefix(const std::string& lang);

// The site's address with a trailing slash, or "" when site.yaml has no base_url.
std::string site_base(const Site& site);
// The site's title and description in `lang` (English when given, else Indonesian).
std::string site_title(const Site& site, const std::string& lang);
std::string site_description(const Site& site, const std::string& lang);

// From a page at `path` ("inovasi/x/index.html") to the site root: "../../".
std::string root_of(const std::string& path);

class CardCache;

// Builds the whole view of one page (layout fields included). With `cards`,
// innovation cards come as their rendered HTML ({"html": …}); without, as
// their fields (what the tests of views look at).
json build_view(const PagePlan& plan, const SiteModel& model, const json& strings,
                const CardCache* cards = nullptr);

// build_view in parts. The shared view holds the layout's fields that
// depend only on the page's language, depth and section (the site's name and
// licence, the navigation, the site-wide links): pages with the same
// shared_view_key have the same one, so a build converts it once and renders
// each page's own view over it (SharedViews, render.hpp). Feeds, sitemaps,
// robots.txt and the dashboard's page have none (an empty key). An innovation
// listing's page view leaves out its facet panel too (listing_panel_view).
json page_view(const PagePlan& plan, const SiteModel& model, const json& strings,
               const CardCache* cards = nullptr);
json shared_view(const PagePlan& plan, const SiteModel& model, const json& strings);
std::string shared_view_key(const PagePlan& plan, const SiteModel& model);

// The page of one record (innovation, hub, province, agency, replication,
// event, regulation): what the search indexes and Open Graph calls an article.
bool record_page(PageKind k);

// Empty and null fields become false and lists get has_<name> (see view.cpp).
void normalise_view(json& view);

// Shared by view.cpp (record pages) and view_lists.cpp (listings).
class ViewContext {
  public:
    ViewContext(const PagePlan& plan, const SiteModel& model, const json& strings,
                const CardCache* cards = nullptr);

    const PagePlan& plan;
    const SiteModel& model;
    const Catalogue& cat;
    const json& t;     // UI strings of the page's language
    std::string root;  // "../../": from this page to the site root
    const CardCache* card_cache;

    // A link from this page to a site-relative path ("inovasi/x/index.html").
    std::string href(const std::string& site_path) const;
    // A UI string by dotted key ("stage.penciptaan"); the key itself when missing.
    std::string str(const std::string& dotted) const;
    std::string number(long long n) const;           // 1.234 (id) or 1,234 (en)
    std::string date(const std::string& iso) const;  // "27 Oktober 2020", "November 2020"

    json innovation_card(const Innovation& inn) const;
    json replication_row(const Replication& r) const;
    json event_row(const Event& e) const;
    json hub_row(const Hub& h) const;
    json agency_ref(const std::string& agency_id) const;
    json province_ref(const std::string& code) const;
    json sources(const std::vector<Source>& list) const;
    // When the record was first published and last changed, from git (or its
    // `updated` field when the content is not in a repository).
    json history(const Origin& origin, const std::string& updated) const;
    // Cards of innovations, their titles <h`level`> (2 on listings, 3 in a record's page).
    json cards(const std::vector<std::size_t>& innovation_indexes, int level = 3) const;

    std::string province_href(const std::string& code) const;
    // A record body as HTML, its record links ([x](inovasi:id)) made relative to
    // this page; `linked`, when given, tells whether it had any.
    std::string body_html(const std::string& markdown, bool* linked = nullptr) const;
    std::string facet_label(Facet f, const std::string& key) const;
};

// Record pages (view.cpp).
json innovation_view(const ViewContext& v);
json hub_view(const ViewContext& v);
json province_view(const ViewContext& v);
json agency_view(const ViewContext& v);
json replication_view(const ViewContext& v);
json event_view(const ViewContext& v);
json regulation_view(const ViewContext& v);

// Listings and indexes (view_lists.cpp).
json home_view(const ViewContext& v);
json innovation_list_view(const ViewContext& v);
// An innovation listing's facet panel ({"facet_panel": …}): the same on every
// page of the listing, so build_view adds it and a build renders it as a layer.
json listing_panel_view(const ViewContext& v);
json facet_index_view(const ViewContext& v);
json hub_index_view(const ViewContext& v);
json province_index_view(const ViewContext& v);
json agency_index_view(const ViewContext& v);
json replication_index_view(const ViewContext& v);
json event_index_view(const ViewContext& v);
json regulation_index_view(const ViewContext& v);
json sitemap_view(const ViewContext& v);
json search_view(const ViewContext& v);

// The static statistics page (statistics.cpp), the open-data page (opendata.cpp)
// and the Atom feed (feed.cpp).
json statistics_view(const ViewContext& v);
json opendata_view(const ViewContext& v);
json feed_view(const ViewContext& v);

}  // namespace simpul::gen
