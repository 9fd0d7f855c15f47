// The search's common words: words found in most innovations (titles, summaries
// and bodies, both languages). The search page leaves them out of a query that
// has rarer words too, as it does with function words: such a word narrows the
// results little, and its Pagefind page list is the largest part of a query's
// download. Written as cari/kata-umum.json, beside the search page.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "write.hpp"

namespace simpul::gen {

// Where the list goes in the output (the search page fetches it from there).
inline constexpr const char* kCommonWordsPath = "cari/kata-umum.json";

// Words (lower case) in more than `share` of the innovations, sorted; none for a
// catalogue of fewer than `min_innovations` (a small index costs little to load).
// Past 2,000 innovations the share is that of 2,000 spread evenly over them. The
// texts are split as they are written (a body's Markdown, link targets included),
// not as Pagefind indexes them (no stems): a word of a list is one a reader types.
//
// `last_counts` is the counts file of an earlier count (how many innovations
// hold each word, and each counted innovation's file hash and distinct words):
// when it is of the same innovations, only those whose file changed are read
// (when at most a quarter did), and their words taken off and added again. `next_counts` receives
// this count's file. Either way the result is that of counting all anew.
std::vector<std::string> common_words(const SiteModel& model, double share = 0.5,
                                      std::size_t min_innovations = 1000, unsigned threads = 0,
                                      std::string_view last_counts = {},
                                      std::string* next_counts = nullptr);

// Where a build keeps the counts file of output folder `out`: `.<name>.search-words`.
std::filesystem::path word_counts_path(const std::filesystem::path& out);

// The words of a text as a search box takes them: lower case, split at anything
// but letters and digits (bytes of non-ASCII UTF-8 characters count as letters).
std::vector<std::string> search_words(const std::string& text);

// Writes kCommonWordsPath: {"share": 0.5, "innovations": N, "words": [...]}, on
// `threads` threads (0: all cores), updating the last build's count (unless the
// output is built --clean) and keeping this one. With `kept` (the live
// preview's), the counts file is taken from there when it holds one and left
// there, instead of read and written beside the output: the file there may then
// be older than the output, which the next build's count sees (each counted
// innovation's file hash is in it).
void write_common_words(const SiteModel& model, StagedOutput& out, unsigned threads = 0,
                        std::string* kept = nullptr);

}  // namespace simpul::gen
