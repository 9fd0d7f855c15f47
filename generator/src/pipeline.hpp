// The pipeline: load -> validate -> model -> render+write, each stage timed.
// `simpul build`, `check` and `serve` all go through run_build().
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cards.hpp"
#include "catalogue.hpp"
#include "diagnostics.hpp"
#include "history.hpp"
#include "load.hpp"
#include "opendata.hpp"
#include "search.hpp"
#include "templates.hpp"
#include "validate.hpp"
#include "write.hpp"

namespace simpul::gen {

// The site's templates as a preview's build loaded them, and the fingerprint of
// their files; dropped by its watcher when a file of the template folder changes.
struct TemplateMemory {
    std::shared_ptr<const SiteTemplate> templates;
    std::vector<std::string> languages;  // those they were loaded for
    std::uint64_t fingerprint = 0;       // template_fingerprint()
};

// What the live preview keeps between its rebuilds (serve.cpp), so that one
// neither reads back nor checks what the last one made.
struct BuildMemory {
    OutputMemory output;          // the output's manifest (in-place rebuilds)
    ContentMemory content;        // the records loaded, by path (instead of the load cache)
    HistoryMemory history;        // the git history, while HEAD is the same commit
    DecodedMemory decoded;        // the innovations decoded, by path and file hash
    TableMemory tables;           // innovations.csv's rows, by path and what they are made from
    CardMemory cards;             // the innovation cards, by language, level and path, the same way
    std::string word_counts;      // the search's common words' counts file (search_words.hpp)
    TemplateMemory templates;     // the templates, while none of their files changes
    ValidationMemory validation;  // each record's own findings, by path and file hash
    // The preview's watcher runs: it names every file changed after a build's
    // load (content.changed, empty when a build remembers its records).
    bool watched = false;
};

struct BuildOptions {
    std::filesystem::path content_dir = "content";
    std::string content_display = "content";  // how paths are shown in messages
    std::filesystem::path template_dir;       // default: site-template/ beside the content folder
    std::string template_display;
    std::filesystem::path out_dir = "public";
    bool check_only = false;  // validate, write nothing
    unsigned threads = 0;     // 0: all cores
    // Pagefind for the search index: "" looks for it (or takes $SIMPUL_PAGEFIND),
    // "off" builds no index, anything else is the path of the binary.
    std::string pagefind;
    // Keep the search index of the previous output instead of running Pagefind
    // (the preview's rebuilds: a fresh index costs more than the pages).
    bool reuse_search_index = false;
    // Write every file anew instead of linking the ones that did not change
    // from the previous output (simpul build --clean).
    bool clean = false;
    // Called as soon as the new output is in place, before the previous one is
    // removed (the live preview tells the browser to reload then).
    std::function<void()> published;
    // Replace changed files in the output one by one instead of swapping in a
    // new folder (the live preview's rebuilds: fast, but not all at once).
    bool in_place = false;
    // Gzip the dashboard's data files at libdeflate's fastest level instead of
    // its smallest (the live preview's builds, which no visitor downloads).
    bool fast_compression = false;
    // The load cache (load_cache.hpp) leaves out files changed this recently,
    // since a file may change again within one tick of the file system's clock.
    std::chrono::nanoseconds cache_settle = std::chrono::seconds(2);
    // The preview's memory of its last build, kept by the caller; none: none.
    BuildMemory* memory = nullptr;
};

struct StageTime {
    std::string name;
    double ms = 0;
};

// Rendering and writing time of one group of pages (records, listings, facet
// pages, other), summed over the threads that rendered them.
struct PageGroupTime {
    std::string name;
    std::size_t pages = 0;
    double ms = 0;
};

struct BuildResult {
    Diagnostics diags;
    bool ok = false;
    std::vector<std::pair<std::string, std::size_t>> records;  // per record type, in contract order
    std::map<std::string, std::size_t> pages_per_language;
    std::size_t files = 0, bytes = 0;
    std::size_t unchanged = 0;       // of files: the same as in the previous output, linked
    std::size_t files_reused = 0;    // of unchanged: pages and data files not even made (deps.hpp)
    std::size_t cached_records = 0;  // records taken from the load cache, not parsed
    std::size_t catalogue_copied = 0;  // catalogue.json entries copied from the last build's
    SearchIndexResult search;          // the search step: built, off, Pagefind not found
    std::vector<StageTime> stages;
    std::vector<PageGroupTime> page_groups;  // where render+write time went
    double total_ms = 0;
};

BuildResult run_build(const BuildOptions& options);

// Copies the search index folders of `previous` (pagefind/, <lang>/pagefind/)
// into `staging`; used when BuildOptions::reuse_search_index is set.
SearchIndexResult reuse_search_index(const std::filesystem::path& previous,
                                     const std::filesystem::path& staging,
                                     const std::vector<std::string>& languages);

// The Hugo-like summary printed after a build.
std::string format_summary(const BuildResult& r, const BuildOptions& options);

}  // namespace simpul::gen
