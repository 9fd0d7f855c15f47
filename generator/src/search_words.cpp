// The search's common words (search_words.hpp): each innovation's words are found
// on all cores, a block of innovations at a time (so only a block's texts are
// held), and counted, once per innovation, in catalogue order.
#include "search_words.hpp"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <string_view>
#include <unordered_map>

#include "deps.hpp"
#include "parallel.hpp"

namespace simpul::gen {
namespace {

constexpr std::size_t kSample = 2000;
constexpr double kShare = 0.5;                 // "common": in more than half the innovations
constexpr std::size_t kMinInnovations = 1000;  // a smaller catalogue gets no list

// A word's share is estimated from innovations spread evenly over the catalogue
// (all of them in a catalogue of up to kSample): the cost stays the same at any size.
std::size_t sample_size(std::size_t all) {
    return std::min(all, kSample);
}
std::size_t sampled(std::size_t j, std::size_t all) {
    return j * all / sample_size(all);
}

// What the list is made from: the sampled innovations' files (0 when one has no
// file, as in records made by tests: then it is always made anew).
std::uint64_t common_words_fingerprint(const SiteModel& model) {
    const std::size_t all = model.cat.innovations.size();
    std::uint64_t h = mix(program_fingerprint(), all);
    for (std::size_t j = 0; j < sample_size(all); ++j) {
        const std::string& path = model.cat.innovations[sampled(j, all)].origin.path;
        auto it = model.source_hashes.find(path);
        if (it == model.source_hashes.end()) return 0;
        h = mix(mix(h, std::hash<std::string>{}(path)), it->second);
    }
    return h | 1;
}

bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Lower-cases `text` (ASCII letters) in place and adds its words, as views into
// it, to `out`.
void split_words(std::string& text, std::vector<std::string_view>& out) {
    std::size_t start = std::string::npos;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        auto c = i < text.size() ? static_cast<unsigned char>(text[i]) : ' ';
        if (word_byte(c)) {
            if (c >= 'A' && c <= 'Z') text[i] = static_cast<char>(c - 'A' + 'a');
            if (start == std::string::npos) start = i;
        } else if (start != std::string::npos) {
            out.emplace_back(text.data() + start, i - start);
            start = std::string::npos;
        }
    }
}

// Innovation `i`'s texts a search finds it by, and their words (views into them).
struct InnovationWords {
    std::string text;
    std::vector<std::string_view> words;
};

void innovation_words(const SiteModel& model, std::size_t i, InnovationWords& out) {
    const Innovation& inn = model.cat.innovations[i];
    out.text = innovation_body(model, i);
    for (const std::string* t :
         {&inn.title, &inn.title_en, &inn.summary, &inn.summary_en, &inn.body_en})
        out.text.append(" ").append(*t);
    out.words.clear();
    split_words(out.text, out.words);
}

// How many innovations hold a word, and the last one counted (a word counts once each).
struct WordCount {
    std::size_t innovations = 0;
    std::size_t last = static_cast<std::size_t>(-1);
};

// Looks words up by view, without making a string for each.
struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

}  // namespace

std::vector<std::string> search_words(const std::string& text) {
    std::string copy = text;
    std::vector<std::string_view> views;
    split_words(copy, views);
    return {views.begin(), views.end()};
}

std::vector<std::string> common_words(const SiteModel& model, double share,
                                      std::size_t min_innovations, unsigned threads) {
    const std::size_t all = model.cat.innovations.size();
    if (all == 0 || all < min_innovations) return {};
    const std::size_t n = sample_size(all);
    auto innovation = [&](std::size_t j) { return sampled(j, all); };
    std::unordered_map<std::string, WordCount, WordHash, std::equal_to<>> count;
    constexpr std::size_t block = 1024;
    std::vector<InnovationWords> lists(std::min(block, n));
    for (std::size_t from = 0; from < n; from += block) {
        const std::size_t size = std::min(block, n - from);
        parallel_for(size, threads, [&](std::size_t k) {
            innovation_words(model, innovation(from + k), lists[k]);
        });
        for (std::size_t k = 0; k < size; ++k)
            for (std::string_view w : lists[k].words) {
                auto it = count.find(w);
                if (it == count.end()) it = count.emplace(std::string(w), WordCount{}).first;
                if (it->second.last != from + k) {
                    it->second.last = from + k;
                    ++it->second.innovations;
                }
            }
    }
    std::vector<std::string> out;
    for (const auto& [word, c] : count)
        if (static_cast<double>(c.innovations) > share * static_cast<double>(n))
            out.push_back(word);
    std::sort(out.begin(), out.end());
    return out;
}

void write_common_words(const SiteModel& model, StagedOutput& out, unsigned threads) {
    // When none of the sampled innovations' files changed, the last build's list stands.
    const std::uint64_t fingerprint = common_words_fingerprint(model);
    if (out.reuse(kCommonWordsPath, fingerprint)) return;
    nlohmann::json j = {{"share", kShare},
                        {"innovations", model.cat.innovations.size()},
                        {"words", common_words(model, kShare, kMinInnovations, threads)}};
    out.write(kCommonWordsPath, j.dump() + "\n", fingerprint);
}

}  // namespace simpul::gen
