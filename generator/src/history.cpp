// Walks the git log with libgit2 and records, per file under the content
// folder, the dates and summaries of the commits that changed it.
#include "history.hpp"

#include <git2.h>

#include <cstdio>
#include <memory>
#include <set>

#include "deps.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

template <class T, void (*Free)(T*)>
struct Owned {
    T* p = nullptr;
    ~Owned() {
        if (p) Free(p);
    }
};

std::string local_date(const git_time& t) {
    std::time_t secs = static_cast<std::time_t>(t.time + static_cast<git_time_t>(t.offset) * 60);
    std::tm tm{};
    gmtime_r(&secs, &tm);
    char buf[11];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

struct Walk {
    std::string prefix;   // content folder relative to the work tree, with '/'
    std::string display;  // content display path
    History* out;
    std::string date, summary, commit;
    std::set<std::string> seen;  // files already counted for the current commit
};

int on_file(const git_diff_delta* delta, float, void* payload) {
    auto* w = static_cast<Walk*>(payload);
    for (const char* path : {delta->new_file.path, delta->old_file.path}) {
        if (!path) continue;
        std::string p(path);
        if (p.rfind(w->prefix, 0) != 0) continue;
        std::string key = w->display + "/" + p.substr(w->prefix.size());
        if (!w->seen.insert(key).second) continue;
        RecordHistory& h = (*w->out)[key];
        if (h.last_changed.empty()) h.last_changed = w->date;  // newest first
        h.first_published = w->date;                           // ends as the oldest
        if (h.changes.size() < kMaxChanges) h.changes.push_back({w->date, w->summary, w->commit});
        ++h.change_count;
    }
    return 0;
}

// Walks `walk`'s commits into `state`: false when one could not be read (an
// object missing from a damaged or shallow repository: it is skipped), or the
// walk was stopped before its end.
bool walk_commits(git_repository* repo, git_revwalk* walk, const git_diff_options& options,
                  Walk& state, std::stop_token stop) {
    bool whole = true;
    git_oid oid;
    int next = 0;
    while (!stop.stop_requested() && (next = git_revwalk_next(&oid, walk)) == 0) {
        Owned<git_commit, git_commit_free> commit;
        if (git_commit_lookup(&commit.p, repo, &oid) != 0) {
            whole = false;
            continue;
        }
        if (git_commit_parentcount(commit.p) > 1) continue;  // merges repeat their branch's changes
        Owned<git_tree, git_tree_free> tree, parent_tree;
        if (git_commit_tree(&tree.p, commit.p) != 0) {
            whole = false;
            continue;
        }
        if (git_commit_parentcount(commit.p) == 1) {
            Owned<git_commit, git_commit_free> parent;
            if (git_commit_parent(&parent.p, commit.p, 0) != 0 ||
                git_commit_tree(&parent_tree.p, parent.p) != 0)
                whole = false;
        }
        Owned<git_diff, git_diff_free> diff;
        if (git_diff_tree_to_tree(&diff.p, repo, parent_tree.p, tree.p, &options) != 0) {
            whole = false;
            continue;
        }
        char short_id[8];
        git_oid_tostr(short_id, sizeof short_id, &oid);
        state.date = local_date(git_commit_committer(commit.p)->when);
        const char* summary = git_commit_summary(commit.p);
        state.summary = summary ? summary : "";
        state.commit = short_id;
        state.seen.clear();
        git_diff_foreach(diff.p, on_file, nullptr, nullptr, nullptr, &state);
    }
    return whole && next == GIT_ITEROVER && !stop.stop_requested();
}

// Whether the commits from `head` back to `base` (`base` excluded) are one line
// of commits of one parent each: then the log from `head` is they, newest
// first, followed by the log from `base`.
bool line_on_top(git_repository* repo, const git_oid& head, const git_oid& base) {
    if (git_graph_descendant_of(repo, &head, &base) != 1) return false;
    git_oid at = head;
    for (;;) {
        Owned<git_commit, git_commit_free> commit;
        if (git_commit_lookup(&commit.p, repo, &at) != 0 || git_commit_parentcount(commit.p) != 1)
            return false;
        at = *git_commit_parent_id(commit.p, 0);
        if (git_oid_equal(&at, &base)) return true;
    }
}

// `newer` (the history of the commits on top) put before `older`'s.
void put_before(History& newer, const History& older) {
    for (const auto& [path, old] : older) {
        auto [it, added] = newer.emplace(path, old);
        if (added) continue;
        RecordHistory& h = it->second;
        h.first_published = old.first_published;
        for (const Change& c : old.changes)
            if (h.changes.size() < kMaxChanges) h.changes.push_back(c);
        h.change_count += old.change_count;
    }
}

}  // namespace

History read_history(const fs::path& content_dir, const std::string& content_display,
                     std::stop_token stop, HistoryMemory* memory) {
    History history;
    git_libgit2_init();
    std::shared_ptr<void> shutdown(nullptr, [](void*) { git_libgit2_shutdown(); });

    Owned<git_repository, git_repository_free> repo;
    std::error_code ec;
    fs::path abs = fs::canonical(content_dir, ec);
    if (ec || git_repository_open_ext(&repo.p, abs.c_str(), 0, nullptr) != 0) return history;
    const char* workdir = git_repository_workdir(repo.p);
    if (!workdir) return history;
    std::string prefix = fs::relative(abs, fs::canonical(workdir, ec)).generic_string();
    prefix = (prefix == "." ? "" : prefix + "/");

    git_oid head;
    if (git_reference_name_to_id(&head, repo.p, "HEAD") != 0) return history;  // no commit yet
    char head_id[GIT_OID_HEXSZ + 1];
    git_oid_tostr(head_id, sizeof head_id, &head);
    // The key: HEAD's commit, then the folder (and simpul itself: another
    // version may walk the log differently).
    const std::string folder =
        abs.string() + "\n" + content_display + "\n" + std::to_string(program_fingerprint());
    const std::string key = std::string(head_id) + "\n" + folder;
    if (memory && memory->key == key) return memory->history;
    // The memory's commit, when it holds this folder's history at another one.
    git_oid base{};
    const std::size_t eol = memory ? memory->key.find('\n') : std::string::npos;
    const bool has_base = eol != std::string::npos && memory->key.substr(eol + 1) == folder &&
                          git_oid_fromstr(&base, memory->key.substr(0, eol).c_str()) == 0;
    // New commits on top of it (a commit, a pull that fast-forwards): only they
    // are walked, and their changes put before the memory's.
    const bool on_top = has_base && line_on_top(repo.p, head, base);

    Owned<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.p, repo.p) != 0 || git_revwalk_push(walk.p, &head) != 0 ||
        (on_top && git_revwalk_hide(walk.p, &base) != 0))
        return history;
    git_revwalk_sorting(walk.p, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);

    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    std::string spec = prefix;
    char* specs[] = {spec.data()};
    if (!prefix.empty()) options.pathspec = {specs, 1};

    Walk state{prefix, content_display, &history, {}, {}, {}, {}};
    // Kept only when every commit was read: a commit that could not be is
    // skipped for this build, and the next walks again. (Not in a shallow
    // clone, whose oldest commits are missing.)
    const bool whole = walk_commits(repo.p, walk.p, options, state, stop) &&
                       git_repository_is_shallow(repo.p) == 0;
    if (on_top) put_before(history, memory->history);
    if (memory && whole) *memory = {key, history};
    return history;
}

}  // namespace simpul::gen
