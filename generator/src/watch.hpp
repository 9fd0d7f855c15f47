// Watching folders for changes (Linux inotify), for `simpul serve`: the
// content and template folders, recursively, including folders created later.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
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

  private:
    void add_tree(const std::filesystem::path& dir);
    bool drain(int timeout_ms);  // reads pending events; true if any

    int fd_ = -1;
    std::map<int, std::filesystem::path> dirs_;
};

}  // namespace simpul::gen
