// Stage 5, write: pages go into a staging folder beside the output folder,
// which replaces the output only when every file is written. A failed or
// interrupted build leaves the previous output exactly as it was.
#pragma once

#include <atomic>
#include <filesystem>
#include <mutex>
#include <string>
#include <unordered_set>

namespace simpul::gen {

class StagedOutput {
  public:
    // Takes the lock `.<name>.lock` beside `out` (throws with a clear message
    // when another build holds it), removes staging folders that killed builds
    // left, and creates `.<name>.staging-<pid>`.
    explicit StagedOutput(std::filesystem::path out);
    ~StagedOutput();  // removes the staging folder unless committed

    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // Thread-safe: writes `content` to `rel` inside the staging folder.
    void write(const std::string& rel, const std::string& content);
    void copy(const std::filesystem::path& from, const std::string& rel);

    // Swaps the staging folder in as the output folder (atomically where the
    // system allows) and removes the previous output.
    void commit();

    std::size_t files() const { return files_; }
    std::size_t bytes() const { return bytes_; }
    const std::filesystem::path& staging() const { return staging_; }

  private:
    // Creates the folder of `rel` in the staging folder once (most pages share
    // their folder with many others, and a stat per path part adds up).
    void ensure_folder(const std::string& rel);

    std::filesystem::path out_, staging_;
    std::mutex folders_mutex_;
    std::unordered_set<std::string> folders_;
    int lock_fd_ = -1;
    bool committed_ = false;
    std::atomic<std::size_t> files_{0}, bytes_{0};
};

}  // namespace simpul::gen
