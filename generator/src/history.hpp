// Record history from git (libgit2): when each record file was first
// published and last changed, and the commits that touched it. Read once per
// build by walking the log; deterministic for a given commit. Without a
// repository the history is empty and pages fall back to the record's `updated`.
#pragma once

#include <filesystem>
#include <map>
#include <stop_token>
#include <string>
#include <vector>

namespace simpul::gen {

struct Change {
    std::string date;     // YYYY-MM-DD, the committer's local date
    std::string summary;  // the commit's first line
    std::string commit;   // abbreviated id
    bool operator==(const Change&) const = default;
};

struct RecordHistory {
    std::string first_published, last_changed;  // YYYY-MM-DD
    std::vector<Change> changes;                // newest first, at most kMaxChanges
    std::size_t change_count = 0;               // all commits that touched the file
    bool operator==(const RecordHistory&) const = default;
};

inline constexpr std::size_t kMaxChanges = 10;

// Keyed by the record's display path: "<content display>/innovations/omspan.md".
using History = std::map<std::string, RecordHistory>;

// The last history read whole, under the commit HEAD was then and the content
// folder: the live preview keeps it (simpul build in a file), and its rebuilds
// take it while HEAD is still that commit (the same commit has the same
// history) instead of walking the log again, which in a repository of years
// takes longer than the rebuild; after new commits on top, only they are walked.
struct HistoryMemory {
    std::string key;  // empty: nothing kept
    History history;
};

// Reads the history of the files under `content_dir`. Returns an empty map when
// the folder is not inside a git repository (or the repository has no commits).
// Stops early, with what it has, once `stop` is asked (the build was given up).
// With `memory`: taken from it when it holds this commit's, kept in it when read
// whole; when HEAD is a line of new commits on top of its commit, only they are
// walked, their changes put before the memory's.
History read_history(const std::filesystem::path& content_dir, const std::string& content_display,
                     std::stop_token stop = {}, HistoryMemory* memory = nullptr);

// The history cache of `simpul build`: a HistoryMemory kept in a file beside
// the output (`.<name>.history-cache`), so that a rebuild at the same commit
// does not walk the log either. Reading gives an empty memory when the file is
// missing, damaged or of another layout; saving is atomic, and its errors are
// ignored (the cache is optional).
std::filesystem::path history_cache_path(const std::filesystem::path& out);
HistoryMemory read_history_cache(const std::filesystem::path& file);
void save_history_cache(const std::filesystem::path& file, const HistoryMemory& memory);

}  // namespace simpul::gen
