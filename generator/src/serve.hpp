// `simpul serve`: serve a built site folder over HTTP with cpp-httplib.
#pragma once

#include <httplib.h>

#include <filesystem>
#include <string>

namespace simpul::gen {

struct ServeOptions {
    std::filesystem::path root = "public";
    std::string host = "127.0.0.1";
    int port = 8080;              // 0: any free port (printed)
    std::string base_path = "/";  // preview hosting under a sub-path, e.g. "/a/b/"
};

// Mounts `root` at `base_path` (static files, 404.html for missing pages, MIME types).
// Returns false when `root` is not a folder.
bool configure_server(httplib::Server& server, const std::filesystem::path& root,
                      const std::string& base_path = "/");

// Blocks until the server stops; returns false when it cannot listen.
bool serve_folder(const ServeOptions& options);

}  // namespace simpul::gen
