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
#include <vector>

#include "templates.hpp"

namespace simpul::gen {

class ViewContext;

class CardCache {
  public:
    CardCache(const SiteTemplate& tmpl, std::size_t innovations);

    // Thread-safe: the card of innovation `i` as HTML for pages of `v`'s
    // language at `v`'s depth (its links are relative), its title an <h`level`>.
    const std::string& html(const ViewContext& v, std::size_t i, int level) const;

    // Thread-safe: innovation `i`'s (Indonesian) body as HTML for `v`'s page. A
    // body without record links is the same on every page: rendered once for
    // the pages of both languages. One with record links (relative to the
    // page) is rendered for each page.
    std::string body_html(const ViewContext& v, std::size_t i) const;

  private:
    struct Row {
        explicit Row(std::size_t n) : once(n), html(n) {}
        std::vector<std::once_flag> once;
        std::vector<std::string> html;
    };
    Row& row(const std::string& key) const;
    // The card with kMarker where its links start from the site root.
    const std::string& marked(const ViewContext& v, std::size_t i, int level) const;
    const SiteTemplate& tmpl_;
    std::size_t innovations_;
    mutable std::mutex mutex_;
    // "lang level" (marked cards) and "lang level root" (cards of one depth)
    mutable std::map<std::string, std::unique_ptr<Row>> rows_;
    mutable Row bodies_;                     // bodies without record links, by innovation
    mutable std::vector<char> body_linked_;  // 1: the body has record links
};

}  // namespace simpul::gen
