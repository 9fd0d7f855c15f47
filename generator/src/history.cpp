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
    // (And simpul itself: another version may walk the log differently.)
    const std::string key = std::string(head_id) + "\n" + abs.string() + "\n" + content_display +
                            "\n" + std::to_string(program_fingerprint());
    if (memory && memory->key == key) return memory->history;

    Owned<git_revwalk, git_revwalk_free> walk;
    if (git_revwalk_new(&walk.p, repo.p) != 0 || git_revwalk_push(walk.p, &head) != 0)
        return history;
    git_revwalk_sorting(walk.p, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME);

    git_diff_options options;
    git_diff_options_init(&options, GIT_DIFF_OPTIONS_VERSION);
    std::string spec = prefix;
    char* specs[] = {spec.data()};
    if (!prefix.empty()) options.pathspec = {specs, 1};

    Walk state{prefix, content_display, &history, {}, {}, {}, {}};
    // Kept only when every commit was read: a commit that could not be (an
    // object missing from a damaged or shallow repository) is skipped for this
    // build, and the next walks again.
    bool whole = git_repository_is_shallow(repo.p) == 0;
    git_oid oid;
    int next = 0;
    while (!stop.stop_requested() && (next = git_revwalk_next(&oid, walk.p)) == 0) {
        Owned<git_commit, git_commit_free> commit;
        if (git_commit_lookup(&commit.p, repo.p, &oid) != 0) {
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
        if (git_diff_tree_to_tree(&diff.p, repo.p, parent_tree.p, tree.p, &options) != 0) {
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
    if (memory && whole && next == GIT_ITEROVER && !stop.stop_requested()) *memory = {key, history};
    return history;
}

}  // namespace simpul::gen
