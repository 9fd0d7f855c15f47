// `simpul serve`: a preview server (cpp-httplib) for the built site. It watches
// content/ and site-template/, rebuilds on change, reloads open pages through a
// small script injected only here, and shows build errors as an overlay while
// the last good site stays served.
#pragma once

#include <httplib.h>

#include <atomic>
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
    std::string status_json() const;

  private:
    BuildOptions build_;
    ServeOptions serve_;
    std::string base_;
    std::atomic<int> version_{0};
    mutable std::mutex mutex_;
    std::string errors_;  // the last failed build's report, "" when it succeeded
};

// Builds, serves and watches until the process is stopped. Returns the exit status.
int serve_live(const BuildOptions& build, const ServeOptions& serve);

}  // namespace simpul::gen
