// Watching folders for changes (Linux inotify), for `simpul serve`: the
// content and template folders, recursively, including folders created later.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

namespace simpul::gen {

class Watcher {
  public:
    explicit Watcher(const std::vector<std::filesystem::path>& roots);
    ~Watcher();
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    bool ok() const { return fd_ >= 0; }
    // Waits up to `timeout` for a change; after the first one, waits until no
    // change came for `settle` (an editor saves in bursts). True if anything changed.
    bool wait(std::chrono::milliseconds timeout,
              std::chrono::milliseconds settle = std::chrono::milliseconds(60));

    // The files changed since the last call, by root (the constructor's
    // order), each as its path under that root ("innovations/omspan.md").
    // `complete` is false when one may be missing: the event queue overflowed,
    // a folder came, went or moved, or a folder is not watched (a link to one,
    // a watch the system refused, a root replaced).
    struct Changes {
        std::vector<std::unordered_set<std::string>> files;
        bool complete = true;
    };
    Changes take_changes();

  private:
    // A watched folder: its path, its root's index and its path under that root.
    struct Dir {
        std::filesystem::path path;
        std::size_t root = 0;
        std::filesystem::path rel;
    };
    void add_tree(const Dir& dir);
    bool drain(int timeout_ms);  // reads pending events; true if any

    int fd_ = -1;
    std::map<int, Dir> dirs_;
    std::size_t roots_ = 0;
    // A folder is not watched (a link to one, a watch refused, a root gone or
    // replaced, a folder under two roots): some files' changes go unseen, for good.
    bool blind_ = false;
    Changes changes_;
};

}  // namespace simpul::gen
