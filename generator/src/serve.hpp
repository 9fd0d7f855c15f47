// `simpul serve`: a preview server (cpp-httplib) for the built site. It watches
// content/ and site-template/, rebuilds on change, reloads open pages through a
// small script injected only here, and shows build errors as an overlay while
// the last good site stays served.
#pragma once

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>

#include "pipeline.hpp"

namespace simpul::gen {

struct ServeOptions {
    std::filesystem::path root = "public";
    std::string host = "127.0.0.1";
    int port = 8080;              // 0: any free port (printed)
    std::string base_path = "/";  // preview hosting under a sub-path, e.g. "/a/b/"
};

// "/a/b/" from "a/b", "/a/b" or "/a/b/".
std::string normalise_base_path(std::string base);

// Mounts `root` at `base_path` (static files, 404.html for missing pages, MIME types).
// Returns false when `root` is not a folder.
bool configure_server(httplib::Server& server, const std::filesystem::path& root,
                      const std::string& base_path = "/");

// The live preview: the build state, its HTTP endpoints and the rebuild loop.
class LivePreview {
  public:
    LivePreview(BuildOptions build, ServeOptions serve);

    // Adds the preview endpoints (<base>__simpul/status, <base>__simpul/reload.js)
    // and the script injection into HTML pages.
    void configure(httplib::Server& server);

    // Rebuilds the site; returns true when it succeeded. On failure the
    // diagnostics are kept for the overlay and the previous output stays.
    bool rebuild();

    // Watches the content and template folders and rebuilds until `stop` is set.
    void watch_loop(const std::atomic<bool>& stop);

    int version() const { return version_; }
    // {"change":…,"errors":…,"version":…}: `change` counts every new site and
    // every new error report, so a page can ask to wait for the next one.
    std::string status_json() const;
    // The status once its change is no longer `seen`, waiting up to `at_most`
    // (a long poll: the page learns of a new site the moment it is published,
    // not at its next poll). Answers at once when too many pages already wait
    // (each holds one of the server's threads) or after stop_waiting().
    std::string wait_status(std::uint64_t seen, std::chrono::milliseconds at_most);
    // Lets every waiting request go (before the server stops).
    void stop_waiting();

    // Pages that may wait at once, and the server's threads (more than that).
    static constexpr int kMaxWaiting = 16;
    static constexpr int kServerThreads = 24;

  private:
    std::string status_json_locked() const;
    BuildOptions build_;
    BuildMemory memory_;  // the last build's, for the next rebuild (build_.memory)
    ServeOptions serve_;
    std::string base_;
    std::atomic<int> version_{0};
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::uint64_t change_ = 0;
    int waiting_ = 0;
    bool stopping_ = false;
    std::string errors_;  // the last failed build's report, "" when it succeeded
};

// Builds, serves and watches until the process is stopped. Returns the exit status.
int serve_live(const BuildOptions& build, const ServeOptions& serve);

}  // namespace simpul::gen
