// The search step: runs Pagefind (npm package `pagefind`, whose binary comes
// in `@pagefind/<platform>`) over the staged site before it is swapped in, so
// the published output always has an index that matches its pages. Without
// Pagefind the build says so and goes on: the search page then works as a
// browse page, as it does without JavaScript.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace simpul::gen {

// Pagefind splits its word index into chunk files of about this many stored
// numbers (a page a word is on, and each place on it; Pagefind's default is
// 20000). A browser loads one chunk per query word, so smaller chunks mean fewer
// bytes of other words with each query: at 10k innovations a four-word query
// loads 132 KB instead of 177 KB (bench/README.md, "Search"). Pagefind 1.6 reads
// it only from this environment variable; a value the user sets wins.
inline constexpr const char* kIndexChunkSize = "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE=2000";

struct SearchIndexResult {
    enum class Status { Built, Off, NotFound, Failed };
    Status status = Status::Off;
    std::filesystem::path binary;              // the Pagefind that ran
    std::string message;                       // why it was skipped or failed
    std::map<std::string, std::size_t> pages;  // pages indexed per language
    std::size_t files = 0, bytes = 0;          // what the bundle adds to the output
};

// Where to look for Pagefind, first match wins: `setting` when it is a path;
// then node_modules/@pagefind/<platform>/bin/pagefind[_extended] and
// node_modules/.bin/pagefind in each of `start_dirs` and their parents; then
// `pagefind_extended` or `pagefind` on PATH. Empty when none is found.
std::filesystem::path find_pagefind(const std::vector<std::filesystem::path>& start_dirs);

// `setting`: "" to look for Pagefind, "off" to skip the index, else the path of
// the binary (or of node_modules/.bin/pagefind). Indexes `site` in place
// (writes site/pagefind/) and removes the bundled UIs the site does not use.
SearchIndexResult build_search_index(const std::filesystem::path& site, const std::string& setting,
                                     const std::vector<std::filesystem::path>& start_dirs);

// The folders find_pagefind starts from for a build: the working folder, the
// content and template folders and the folder of the running simpul binary.
std::vector<std::filesystem::path> search_start_dirs(
    const std::filesystem::path& content_dir, const std::filesystem::path& template_dir = {});

}  // namespace simpul::gen
