// The card cache: a row of cards per language and heading level, each card
// rendered on first use (std::call_once, so two threads never render the same
// card and a card never changes once made), its root filled in for each page;
// and the innovation bodies that both languages' pages show.
#include "cards.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_set>

#include "deps.hpp"
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
    : tmpl_(tmpl),
      innovations_(innovations),
      bodies_(innovations),
      body_linked_(innovations),
      body_readers_(innovations) {}

CardCache::CardCache(const SiteTemplate& tmpl, const Catalogue& cat, const CardMemory* memory,
                     std::vector<std::uint64_t> keys)
    : CardCache(tmpl, cat.innovations.size()) {
    cat_ = &cat;
    memory_ = memory;
    keys_ = std::move(keys);
    keys_.resize(innovations_);  // (0: not kept)
}

void CardCache::keep(CardMemory& memory) {
    if (!cat_) return;
    std::lock_guard<std::mutex> lock(mutex_);
    // The cards of innovations gone, forgotten when an innovation came or went.
    std::uint64_t listed = cat_->innovations.size();
    for (const auto& inn : cat_->innovations) listed = mix(listed, text_hash(inn.origin.path));
    if (listed != memory.paths) {
        memory.paths = listed;
        std::unordered_set<std::string_view> paths;
        for (const auto& inn : cat_->innovations) paths.insert(inn.origin.path);
        std::erase_if(memory.cards, [&](const auto& card) {
            const std::string& name = card.first;  // "<lang> <level> <path>"
            const std::size_t at = name.find(' ', name.find(' ') + 1);
            return !paths.count(std::string_view(name).substr(at + 1));
        });
    }
    for (const auto& [row_key, row] : rows_)
        for (std::size_t i = 0; i < innovations_; ++i)
            if (keys_[i] != 0 && !row->html[i].empty())
                memory.cards[row_key + " " + cat_->innovations[i].origin.path] = {
                    keys_[i], std::move(row->html[i])};
}

std::string CardCache::render(json card, int level, const std::string& lang) const {
    card["level"] = std::to_string(level);
    normalise_view(card);
    return tmpl_.render_partial(Partial::InnovationCard, std::move(card), lang);
}

CardCache::Row& CardCache::row(const std::string& key) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto& slot = rows_[key];
    if (!slot) slot = std::make_unique<Row>(innovations_);
    return *slot;
}

const std::string& CardCache::marked(const ViewContext& v, std::size_t i, int level) const {
    const std::string row_key = v.plan.lang + " " + std::to_string(level);
    Row& r = row(row_key);
    std::call_once(r.once[i], [&] {
        if (memory_ && keys_[i] != 0) {
            auto kept = memory_->cards.find(row_key + " " + v.cat.innovations[i].origin.path);
            if (kept != memory_->cards.end() && kept->second.first == keys_[i]) {
                r.html[i] = kept->second.second;
                return;
            }
        }
        ViewContext at_marker = v;
        at_marker.root = std::string(1, kMarker);
        json card = at_marker.innovation_card(v.cat.innovations[i]);
        if (!holds_marker(card)) r.html[i] = render(std::move(card), level, v.plan.lang);
    });
    return r.html[i];
}

std::string CardCache::html(const ViewContext& v, std::size_t i, int level) const {
    const std::string& card = marked(v, i, level);
    if (card.empty()) return render(v.innovation_card(v.cat.innovations[i]), level, v.plan.lang);
    std::string out;
    out.reserve(card.size() + 8 * v.root.size());
    std::size_t pos = 0;
    for (std::size_t at; (at = card.find(kMarker, pos)) != std::string::npos; pos = at + 1)
        out.append(card, pos, at - pos).append(v.root);
    out.append(card, pos);
    return out;
}

std::string CardCache::body_html(const ViewContext& v, std::size_t i) const {
    const Innovation& inn = v.cat.innovations[i];
    std::call_once(bodies_.once[i], [&] {
        bool linked = false;
        std::string html = v.body_html(innovation_body(v.model, i), &linked);
        if (linked) {
            body_linked_[i] = 1;
            return;
        }
        bodies_.html[i] = std::move(html);
        // The pages that show it: every language's but one with a body of its
        // own (innovation_view: English pages show body_en when there is one).
        int readers = 0;
        for (const auto& lang : v.cat.site.languages)
            readers += !(lang == "en" && !inn.body_en.empty());
        body_readers_[i] = std::max(readers, 1);
    });
    if (body_linked_[i]) return v.body_html(innovation_body(v.model, i));
    std::lock_guard<std::mutex> lock(bodies_mutex_);
    if (body_readers_[i] == 0)  // asked once more than counted
        return v.body_html(innovation_body(v.model, i));
    if (--body_readers_[i] > 0) return bodies_.html[i];
    std::string last;  // the last page that shows it: the cache lets it go
    last.swap(bodies_.html[i]);
    return last;
}

}  // namespace simpul::gen
