// A static file server for previewing the built site; binds loopback by default.
#include "serve.hpp"

#include <httplib.h>

#include <cstdio>

namespace simpul::gen {

bool configure_server(httplib::Server& server, const std::filesystem::path& root,
                      const std::string& base_path) {
    if (!server.set_mount_point(base_path, root.string())) return false;
    server.set_file_extension_and_mimetype_mapping("xml", "application/xml");
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_error_handler([root](const httplib::Request&, httplib::Response& res) {
        if (res.status != 404) return;
        std::FILE* f = std::fopen((root / "404.html").c_str(), "rb");
        if (!f) return;
        std::string body;
        char buf[4096];
        for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) body.append(buf, n);
        std::fclose(f);
        res.set_content(body, "text/html; charset=utf-8");
    });
    return true;
}

bool serve_folder(const ServeOptions& o) {
    httplib::Server server;
    std::string base = o.base_path;
    if (base.empty() || base.front() != '/') base.insert(base.begin(), '/');
    if (base.back() != '/') base += '/';
    if (!configure_server(server, o.root, base)) {
        std::fprintf(stderr, "simpul: cannot serve %s: not a folder\n", o.root.string().c_str());
        return false;
    }
    int port = o.port;
    bool bound = port == 0 ? (port = server.bind_to_any_port(o.host)) > 0
                           : server.bind_to_port(o.host, port);
    if (!bound) {
        std::fprintf(stderr, "simpul: cannot listen on %s:%d (is the port in use?)\n",
                     o.host.c_str(), o.port);
        return false;
    }
    std::printf("Serving %s at http://%s:%d%s  (Ctrl+C to stop)\n", o.root.string().c_str(),
                o.host.c_str(), port, base.c_str());
    std::fflush(stdout);
    return server.listen_after_bind();
}

}  // namespace simpul::gen
