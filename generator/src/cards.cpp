// The card cache: a row of cards per language, depth and heading level, each
// card rendered on first use (std::call_once, so two threads never render the
// same card and a card never changes once made).
#include "cards.hpp"

#include "view.hpp"

namespace simpul::gen {

CardCache::CardCache(const SiteTemplate& tmpl, std::size_t innovations)
    : tmpl_(tmpl), innovations_(innovations) {}

const std::string& CardCache::html(const ViewContext& v, std::size_t i, int level) const {
    Row* row = nullptr;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto& slot = rows_[v.plan.lang + " " + v.root + " " + std::to_string(level)];
        if (!slot) slot = std::make_unique<Row>(innovations_);
        row = slot.get();
    }
    std::call_once(row->once[i], [&] {
        json card = v.innovation_card(v.cat.innovations[i]);
        card["level"] = std::to_string(level);
        normalise_view(card);
        row->html[i] = tmpl_.render_partial(Partial::InnovationCard, card, v.plan.lang);
    });
    return row->html[i];
}

}  // namespace simpul::gen
