// The site template folder: Mustache templates (one explicit table from page
// kind to file), the layout that wraps every HTML page, the UI strings of each
// language (i18n/<lang>.yaml) and static assets copied as they are.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "diagnostics.hpp"

namespace kainjow::mustache {
template <typename string_type>
class basic_mustache;
template <typename string_type>
class basic_data;
}  // namespace kainjow::mustache

namespace simpul::gen {

enum class PageKind {
    Home,
    InnovationList,
    Innovation,
    HubIndex,
    Hub,
    ProvinceIndex,
    Province,
    FacetIndex,
    AgencyIndex,
    Agency,
    ReplicationIndex,
    Replication,
    EventIndex,
    Event,
    RegulationIndex,
    Regulation,
    NotFound,
    Sitemap,
    Robots,
    Search,      // cari/: the Pagefind search page (a browse page without JavaScript)
    Statistics,  // statistik/: static SVG charts with tables
    OpenData,    // data/index.html: the downloads and their licence
    Feed,        // feed.xml: Atom feed of the newest innovations
    Dashboard,   // dasbor/: the WebAssembly dashboard's own page (its view: dashboard.cpp)
};

// Templates rendered by the generator into pages' views, not pages themselves.
enum class Partial {
    InnovationCard,  // innovation-card.html: one innovation in a list of cards
};

struct TemplateInfo {
    PageKind kind;
    const char* file;  // relative to the template folder
    bool html;         // wrapped in layout.html
};

// The one table from page kind to template file.
const std::vector<TemplateInfo>& template_table();
const TemplateInfo& template_info(PageKind kind);

// The UI string at a dotted key of a language's strings ("nav.home"), or null
// when there is none or it is not text.
const nlohmann::json* ui_string(const nlohmann::json& strings, std::string_view dotted);

// View fields converted to the templates' data once, to render beneath many
// pages' own views (SiteTemplate::render): a page then renders as if they were
// in its view, its own fields first.
class ViewLayer {
  public:
    explicit ViewLayer(nlohmann::json fields);

  private:
    friend class SiteTemplate;
    std::shared_ptr<const kainjow::mustache::basic_data<std::string>> data_;
};

class SiteTemplate {
  public:
    SiteTemplate();
    ~SiteTemplate();
    SiteTemplate(SiteTemplate&&) noexcept;
    SiteTemplate& operator=(SiteTemplate&&) noexcept;

    // Loads every template of the table, the layout and i18n/<lang>.yaml for each
    // language. Problems (missing file, Mustache syntax) go to `diags`.
    static SiteTemplate load(const std::filesystem::path& dir, const std::string& display,
                             const std::vector<std::string>& languages, Diagnostics& diags);

    // Renders `view` through the template of `kind` (and the layout for HTML pages);
    // {{t.…}} names the UI strings of `lang`. Pass the view as an rvalue where
    // it is not needed after: its text is moved into the template's data.
    // `beneath` holds fields the view leaves out, nearest the view first.
    std::string render(PageKind kind, nlohmann::json view, const std::string& lang = "id",
                       const std::vector<const ViewLayer*>& beneath = {}) const;

    // Renders `view` through a partial template (no layout).
    std::string render_partial(Partial partial, nlohmann::json view, const std::string& lang) const;

    const nlohmann::json& strings(const std::string& lang) const;
    // Files under assets/, relative to it, sorted.
    const std::vector<std::filesystem::path>& assets() const { return assets_; }
    const std::filesystem::path& dir() const { return dir_; }

  private:
    using Mustache = kainjow::mustache::basic_mustache<std::string>;
    // A language's templates, its UI strings written into them (bake_strings).
    struct Compiled {
        std::map<PageKind, std::unique_ptr<Mustache>> pages;
        std::unique_ptr<Mustache> layout;
        std::map<Partial, std::unique_ptr<Mustache>> partials;
    };
    const Compiled& compiled(const std::string& lang) const;
    std::filesystem::path dir_;
    Compiled plain_;  // as written: languages without strings
    std::map<std::string, Compiled> by_lang_;
    std::map<std::string, nlohmann::json> strings_;
    // {"t": strings} as Mustache data, per language.
    std::map<std::string, kainjow::mustache::basic_data<std::string>> strings_data_;
    std::vector<std::filesystem::path> assets_;
};

}  // namespace simpul::gen
