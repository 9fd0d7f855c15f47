// Innovation cards (site-template/innovation-card.html) rendered once per
// language and heading level, then shared by every page that lists the
// innovation: a card appears on a dozen listing pages or more (every order,
// every facet), so rendering it once is most of what listings cost. Its links
// are rendered from a marker root, replaced by each page depth's own root.
// Innovation bodies, the same on both languages' pages, are kept here too.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "model.hpp"
#include "templates.hpp"

namespace simpul::gen {

class ViewContext;

// The live preview's cards of its last builds, by "<lang> <level> <record path>":
// what each was made from (its key) and its marked HTML.
struct CardMemory {
    std::unordered_map<std::string, std::pair<std::uint64_t, std::string>> cards;
    std::uint64_t paths = 0;  // the innovations' paths, in order, when cards were last forgotten
};

class CardCache {
  public:
    CardCache(const SiteTemplate& tmpl, std::size_t innovations);
    // With the preview's memory: a card whose key (keys[i]: what innovation i's
    // card is made from, never 0) is the one kept there is taken from it, not
    // rendered. keep() adds this build's cards to the memory afterwards.
    CardCache(const SiteTemplate& tmpl, const Catalogue& cat, const CardMemory* memory,
              std::vector<std::uint64_t> keys);
    // Adds the cards made or taken in this build to `memory` (not while pages
    // render), and forgets those of innovations no longer in the catalogue.
    void keep(CardMemory& memory);

    // Thread-safe: the card of innovation `i` as HTML for pages of `v`'s
    // language at `v`'s depth (its links are relative), its title an <h`level`>.
    // Kept once per language and level; the page's root is filled in per call.
    std::string html(const ViewContext& v, std::size_t i, int level) const;

    // Thread-safe: innovation `i`'s (Indonesian) body as HTML for `v`'s page. A
    // body without record links is the same on every page: rendered once for
    // the pages of all languages that show it, and let go after the last of
    // them. One with record links (relative to the page) is rendered per page.
    std::string body_html(const ViewContext& v, std::size_t i) const;

  private:
    struct Row {
        explicit Row(std::size_t n) : once(n), html(n) {}
        std::vector<std::once_flag> once;
        std::vector<std::string> html;
    };
    Row& row(const std::string& key) const;
    // A card's fields (ViewContext::innovation_card) through the card template.
    std::string render(nlohmann::json card, int level, const std::string& lang) const;
    // The card with kMarker where its links start from the site root; empty
    // when the card's text holds the marker (rendered for each page then).
    const std::string& marked(const ViewContext& v, std::size_t i, int level) const;
    const SiteTemplate& tmpl_;
    std::size_t innovations_;
    const Catalogue* cat_ = nullptr;      // with a memory: whose innovations the keys are
    const CardMemory* memory_ = nullptr;  // read only while pages render
    std::vector<std::uint64_t> keys_;
    mutable std::mutex mutex_;
    mutable std::map<std::string, std::unique_ptr<Row>> rows_;  // marked cards by "lang level"
    mutable Row bodies_;                     // bodies without record links, by innovation
    mutable std::vector<char> body_linked_;  // 1: the body has record links
    mutable std::vector<int> body_readers_;  // pages still to show the kept body
    mutable std::mutex bodies_mutex_;
};

}  // namespace simpul::gen
