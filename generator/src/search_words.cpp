// The search's common words (search_words.hpp): each innovation's words are found
// on all cores, a block of innovations at a time (so only a block's texts are
// held), and counted, once per innovation, in catalogue order. A rebuild updates
// the last count (the counts file beside the output) for the changed files only.
#include "search_words.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <stdexcept>
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

namespace {

// How many innovations hold each word.
using Counts = std::unordered_map<std::string, std::size_t, WordHash, std::equal_to<>>;

// The counted innovations: their indexes, their files' hashes (0: none known).
struct Sample {
    std::vector<std::size_t> index;
    std::vector<std::uint64_t> hash;
    std::uint64_t paths = 0;  // of their record paths, in order
};

Sample sample_of(const SiteModel& model) {
    Sample s;
    const std::size_t all = model.cat.innovations.size();
    for (std::size_t j = 0; j < sample_size(all); ++j) {
        const std::string& path = model.cat.innovations[sampled(j, all)].origin.path;
        auto it = model.source_hashes.find(path);
        s.index.push_back(sampled(j, all));
        s.hash.push_back(it == model.source_hashes.end() ? 0 : it->second);
        s.paths = mix(s.paths, std::hash<std::string>{}(path));
    }
    return s;
}

// What the list is made from: this program, the number of innovations and the
// sampled ones' files (0 when one has no file, as in records made by tests:
// then it is always made anew).
std::uint64_t fingerprint_of(const Sample& s, std::size_t all) {
    std::uint64_t h = mix(mix(program_fingerprint(), all), s.paths);
    for (std::uint64_t file : s.hash) {
        if (file == 0) return 0;
        h = mix(h, file);
    }
    return h | 1;
}

// The counts file: a header naming this program and the sample, the counts
// ("<innovations> <word>" lines), an empty line, then for each counted
// innovation in order a line with its file's hash (hex) and a line of its
// distinct words, separated by spaces (words hold neither spaces nor line
// ends); last, "end <hash of all before it, hex>": a file changed by anything
// but simpul is not used.
std::string counts_header(const Sample& s) {
    return "simpul-search-words 1 " + std::to_string(program_fingerprint()) + " " +
           std::to_string(s.index.size()) + " " + std::to_string(s.paths) + "\n";
}

std::string counts_file(const Sample& s, const Counts& counts,
                        const std::vector<std::string>& list_lines) {
    std::string text = counts_header(s);
    std::size_t size = text.size() + 1;
    for (const auto& c : counts) size += c.first.size() + 8;
    for (const auto& line : list_lines) size += line.size();
    text.reserve(size);
    std::vector<const std::pair<const std::string, std::size_t>*> sorted;
    for (const auto& c : counts) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
    char number[24];
    for (const auto* c : sorted) {
        auto [end, ec] = std::to_chars(number, number + sizeof number, c->second);
        text.append(number, end).append(" ").append(c->first) += '\n';
    }
    text += '\n';
    for (const auto& line : list_lines) text += line;
    auto [end, ec] = std::to_chars(number, number + sizeof number, text_hash(text), 16);
    text.append("end ").append(number, end) += '\n';
    return text;
}

// One innovation's lines of the counts file.
template <class Words>
std::string list_lines(std::uint64_t hash, const Words& words) {
    char hex[24];
    auto [end, ec] = std::to_chars(hex, hex + sizeof hex, hash, 16);
    std::string text(hex, end);
    text += '\n';
    bool first = true;
    for (const auto& w : words) {
        if (!first) text += ' ';
        first = false;
        text += w;
    }
    text += '\n';
    return text;
}

std::string_view next_line(std::string_view& text) {
    const std::size_t eol = text.find('\n');
    if (eol == std::string_view::npos) throw std::invalid_argument("cut short");
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol + 1);
    return line;
}

std::vector<std::string_view> split_spaces(std::string_view line) {
    std::vector<std::string_view> out;
    while (!line.empty()) {
        const std::size_t space = line.find(' ');
        out.push_back(line.substr(0, space));
        line.remove_prefix(space == std::string_view::npos ? line.size() : space + 1);
    }
    return out;
}

// Every counted innovation's words counted anew.
Counts count_all(const SiteModel& model, const Sample& s, unsigned threads,
                 std::vector<std::string>* lines) {
    const std::size_t n = s.index.size();
    std::unordered_map<std::string, WordCount, WordHash, std::equal_to<>> count;
    std::vector<std::vector<const std::string*>> distinct(lines ? n : 0);
    constexpr std::size_t block = 1024;
    std::vector<InnovationWords> lists(std::min(block, n));
    for (std::size_t from = 0; from < n; from += block) {
        const std::size_t size = std::min(block, n - from);
        parallel_for(size, threads,
                     [&](std::size_t k) { innovation_words(model, s.index[from + k], lists[k]); });
        for (std::size_t k = 0; k < size; ++k)
            for (std::string_view w : lists[k].words) {
                auto it = count.find(w);
                if (it == count.end()) it = count.emplace(std::string(w), WordCount{}).first;
                if (it->second.last != from + k) {
                    it->second.last = from + k;
                    ++it->second.innovations;
                    if (lines) distinct[from + k].push_back(&it->first);
                }
            }
    }
    Counts counts;
    for (const auto& [word, c] : count) counts.emplace(word, c.innovations);
    if (lines)
        for (std::size_t j = 0; j < n; ++j) {
            std::vector<std::string_view> words;
            for (const std::string* w : distinct[j]) words.push_back(*w);
            lines->push_back(list_lines(s.hash[j], words));
        }
    return counts;
}

// The counts of the last file, changed for the innovations whose file changed:
// their old words taken off, their new ones added. Throws std::invalid_argument
// when the file is not one of this sample, is damaged, or when more than a
// quarter of the innovations changed (then everything is counted anew).
Counts count_changes(const SiteModel& model, const Sample& s, std::string_view last,
                     unsigned threads, std::vector<std::string>& lines) {
    // The file whole and made by simpul for this sample.
    const std::size_t end_line = last.rfind("end ");
    std::uint64_t check = 0;
    if (end_line == std::string_view::npos || last.empty() || last.back() != '\n')
        throw std::invalid_argument("cut short");
    auto [q, qec] =
        std::from_chars(last.data() + end_line + 4, last.data() + last.size() - 1, check, 16);
    if (qec != std::errc{} || q != last.data() + last.size() - 1 ||
        text_hash(last.substr(0, end_line)) != check)
        throw std::invalid_argument("changed");
    last = last.substr(0, end_line);
    const std::string header = counts_header(s);
    if (last.substr(0, header.size()) != header) throw std::invalid_argument("another sample");
    last.remove_prefix(header.size());
    Counts counts;
    for (std::string_view line; !(line = next_line(last)).empty();) {
        const std::size_t space = line.find(' ');
        std::size_t n = 0;
        auto [p, ec] = std::from_chars(line.data(), line.data() + line.size(), n);
        if (ec != std::errc{} || space == std::string_view::npos || p != line.data() + space ||
            space + 1 == line.size() ||
            !counts.emplace(std::string(line.substr(space + 1)), n).second)
            throw std::invalid_argument("bad count");
    }
    // Each innovation's lines; those whose file changed are read again, on all
    // cores. When most changed (a branch switched, say), counting all is faster.
    const std::size_t n = s.index.size();
    std::vector<std::string_view> hash_lines(n), words_lines(n);
    std::vector<std::size_t> changed;
    for (std::size_t j = 0; j < n; ++j) {
        hash_lines[j] = next_line(last);
        words_lines[j] = next_line(last);
        std::uint64_t hash = 0;
        auto [p, ec] = std::from_chars(hash_lines[j].data(),
                                       hash_lines[j].data() + hash_lines[j].size(), hash, 16);
        if (ec != std::errc{} || p != hash_lines[j].data() + hash_lines[j].size())
            throw std::invalid_argument("bad hash");
        if (hash == 0 || hash != s.hash[j]) changed.push_back(j);
    }
    if (!last.empty()) throw std::invalid_argument("more than the sample");
    if (changed.size() > n / 4) throw std::invalid_argument("most changed");
    std::vector<InnovationWords> now(changed.size());
    parallel_for(changed.size(), threads, [&](std::size_t k) {
        innovation_words(model, s.index[changed[k]], now[k]);
        std::sort(now[k].words.begin(), now[k].words.end());
        now[k].words.erase(std::unique(now[k].words.begin(), now[k].words.end()),
                           now[k].words.end());
    });
    std::size_t next = 0;  // in `changed`
    for (std::size_t j = 0; j < n; ++j) {
        if (next == changed.size() || changed[next] != j) {  // the same file: the same words
            lines.push_back(std::string(hash_lines[j]) + "\n" + std::string(words_lines[j]) + "\n");
            continue;
        }
        for (std::string_view w : split_spaces(words_lines[j])) {
            auto it = counts.find(w);
            if (it == counts.end() || it->second == 0) throw std::invalid_argument("bad word");
            if (--it->second == 0) counts.erase(it);
        }
        for (std::string_view w : now[next].words) {
            auto it = counts.find(w);
            if (it == counts.end()) it = counts.emplace(std::string(w), 0).first;
            ++it->second;
        }
        lines.push_back(list_lines(s.hash[j], now[next].words));
        ++next;
    }
    return counts;
}

// common_words() of the sample `s`.
std::vector<std::string> common_words_of(const SiteModel& model, const Sample& s, double share,
                                         std::size_t min_innovations, unsigned threads,
                                         std::string_view last_counts, std::string* next_counts) {
    const std::size_t all = model.cat.innovations.size();
    if (all == 0 || all < min_innovations) return {};
    std::vector<std::string> lines;
    Counts counts;
    bool counted = false;
    if (!last_counts.empty()) try {
            counts = count_changes(model, s, last_counts, threads, lines);
            counted = true;
        } catch (const std::invalid_argument&) {
            lines.clear();
        }
    if (!counted) counts = count_all(model, s, threads, next_counts ? &lines : nullptr);
    if (next_counts) *next_counts = counts_file(s, counts, lines);
    std::vector<std::string> out;
    for (const auto& [word, n] : counts)
        if (static_cast<double>(n) > share * static_cast<double>(s.index.size()))
            out.push_back(word);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

std::vector<std::string> common_words(const SiteModel& model, double share,
                                      std::size_t min_innovations, unsigned threads,
                                      std::string_view last_counts, std::string* next_counts) {
    return common_words_of(model, sample_of(model), share, min_innovations, threads, last_counts,
                           next_counts);
}

std::filesystem::path word_counts_path(const std::filesystem::path& out) {
    return beside_output(out, ".search-words");
}

void write_common_words(const SiteModel& model, StagedOutput& out, unsigned threads,
                        std::string* kept) {
    // When none of the sampled innovations' files changed, the last build's list stands.
    const Sample sample = sample_of(model);
    const std::uint64_t fingerprint = fingerprint_of(sample, model.cat.innovations.size());
    if (out.reuse(kCommonWordsPath, fingerprint)) return;
    // Else the last count is updated for the innovations whose file changed
    // (not with --clean), and this count is kept for the next build.
    const std::filesystem::path counts_path = word_counts_path(out.output());
    std::string last, next;
    if (kept && !kept->empty() && !out.clean()) {
        last = std::move(*kept);
    } else if (!out.clean()) {
        std::ifstream in(counts_path, std::ios::binary | std::ios::ate);
        if (in && in.tellg() > 0) {
            last.resize(static_cast<std::size_t>(in.tellg()));
            in.seekg(0);
            if (!in.read(last.data(), static_cast<std::streamsize>(last.size()))) last.clear();
        }
    }
    nlohmann::json j = {
        {"share", kShare},
        {"innovations", model.cat.innovations.size()},
        {"words", common_words_of(model, sample, kShare, kMinInnovations, threads, last, &next)}};
    out.write(kCommonWordsPath, j.dump() + "\n", fingerprint);
    if (kept)
        *kept = std::move(next);
    else if (!next.empty())
        save_beside_output(counts_path, next);
}

}  // namespace simpul::gen
