// The card cache: a row of cards per language, depth and heading level, each
// card rendered on first use (std::call_once, so two threads never render the
// same card and a card never changes once made).
#include "cards.hpp"

#include "view.hpp"

namespace simpul::gen {

namespace {

// Stands for the page's root in a marked card. The loader rejects control
// characters in content files; a card whose text still holds one (a YAML
// escape) is rendered for each depth instead.
constexpr char kMarker = '\x01';

bool holds_marker(const json& j) {
    if (j.is_string()) return j.get_ref<const std::string&>().find(kMarker) != std::string::npos;
    if (j.is_structured())
        for (const auto& [key, value] : j.items())
            if (key != "href" && holds_marker(value)) return true;
    return false;
}

}  // namespace

CardCache::CardCache(const SiteTemplate& tmpl, std::size_t innovations)
    : tmpl_(tmpl), innovations_(innovations), bodies_(innovations), body_linked_(innovations) {}

CardCache::Row& CardCache::row(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = rows_[key];
    if (!slot) slot = std::make_unique<Row>(innovations_);
    return *slot;
}

const std::string& CardCache::marked(const ViewContext& v, std::size_t i, int level) const {
    Row& r = row(v.plan.lang + " " + std::to_string(level));
    std::call_once(r.once[i], [&] {
        ViewContext at_marker = v;
        at_marker.root = std::string(1, kMarker);
        json card = at_marker.innovation_card(v.cat.innovations[i]);
        if (holds_marker(card)) return;  // left empty: rendered for each depth
        card["level"] = std::to_string(level);
        normalise_view(card);
        r.html[i] = tmpl_.render_partial(Partial::InnovationCard, card, v.plan.lang);
    });
    return r.html[i];
}

const std::string& CardCache::html(const ViewContext& v, std::size_t i, int level) const {
    Row& r = row(v.plan.lang + " " + std::to_string(level) + " " + v.root);
    std::call_once(r.once[i], [&] {
        const std::string& card = marked(v, i, level);
        if (card.empty()) {
            json own = v.innovation_card(v.cat.innovations[i]);
            own["level"] = std::to_string(level);
            normalise_view(own);
            r.html[i] = tmpl_.render_partial(Partial::InnovationCard, own, v.plan.lang);
            return;
        }
        std::string& out = r.html[i];
        out.reserve(card.size() + 64);
        for (char c : card)
            if (c == kMarker)
                out += v.root;
            else
                out += c;
    });
    return r.html[i];
}

std::string CardCache::body_html(const ViewContext& v, std::size_t i) const {
    const std::string& markdown = v.cat.innovations[i].body;
    std::call_once(bodies_.once[i], [&] {
        bool linked = false;
        std::string html = v.body_html(markdown, &linked);
        if (linked)
            body_linked_[i] = 1;
        else
            bodies_.html[i] = std::move(html);
    });
    return body_linked_[i] ? v.body_html(markdown) : bodies_.html[i];
}

}  // namespace simpul::gen
