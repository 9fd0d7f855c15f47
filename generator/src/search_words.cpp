// The search's common words (search_words.hpp): each innovation's distinct words
// are found on all cores, a block of innovations at a time (so only a block's
// lists are held), and counted in catalogue order.
#include "search_words.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "parallel.hpp"

namespace simpul::gen {
namespace {

bool word_byte(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Innovation `i`'s distinct words, over every text a search finds it by.
std::vector<std::string> distinct_words(const SiteModel& model, std::size_t i) {
    const Innovation& inn = model.cat.innovations[i];
    std::vector<std::string> words;
    for (const std::string* text :
         {&inn.title, &inn.title_en, &inn.summary, &inn.summary_en, &inn.body_en}) {
        auto w = search_words(*text);
        words.insert(words.end(), w.begin(), w.end());
    }
    auto body = search_words(innovation_body(model, i));
    words.insert(words.end(), body.begin(), body.end());
    std::sort(words.begin(), words.end());
    words.erase(std::unique(words.begin(), words.end()), words.end());
    return words;
}

}  // namespace

std::vector<std::string> search_words(const std::string& text) {
    std::vector<std::string> out;
    std::string word;
    for (char ch : text) {
        auto c = static_cast<unsigned char>(ch);
        if (word_byte(c)) {
            word += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : ch;
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    if (!word.empty()) out.push_back(std::move(word));
    return out;
}

std::vector<std::string> common_words(const SiteModel& model, double share,
                                      std::size_t min_innovations) {
    const std::size_t n = model.cat.innovations.size();
    if (n == 0 || n < min_innovations) return {};
    std::unordered_map<std::string, std::size_t> count;
    constexpr std::size_t block = 1024;
    std::vector<std::vector<std::string>> lists;
    for (std::size_t from = 0; from < n; from += block) {
        lists.assign(std::min(block, n - from), {});
        parallel_for(lists.size(), 0,
                     [&](std::size_t k) { lists[k] = distinct_words(model, from + k); });
        for (const auto& list : lists)
            for (const auto& w : list) ++count[w];
    }
    std::vector<std::string> out;
    for (const auto& [word, c] : count)
        if (static_cast<double>(c) > share * static_cast<double>(n)) out.push_back(word);
    std::sort(out.begin(), out.end());
    return out;
}

void write_common_words(const SiteModel& model, StagedOutput& out) {
    constexpr double share = 0.5;
    nlohmann::json j = {{"share", share},
                        {"innovations", model.cat.innovations.size()},
                        {"words", common_words(model, share)}};
    out.write(kCommonWordsPath, j.dump() + "\n");
}

}  // namespace simpul::gen
