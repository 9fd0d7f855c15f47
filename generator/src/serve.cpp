// The preview server: static files, live reload and the error overlay.
#include "serve.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

#include "report.hpp"
#include "watch.hpp"

namespace simpul::gen {
namespace {

// Asks the status endpoint, which answers when something changed since the
// last answer (a long poll); reloads when a new build is published, shows the
// diagnostics of a failed build over the page (as text, never as HTML). An
// answer with nothing new (the wait timed out, or too many pages wait) or no
// answer at all: asks again a little later.
const char* kReloadScript = R"js((function () {
  var status = document.currentScript.src.replace(/reload\.js$/, 'status');
  var version = null, overlay = null, seen = null;
  function show(text) {
    if (!overlay) {
      overlay = document.createElement('pre');
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText = 'position:fixed;inset:1rem;z-index:99999;margin:0;padding:1rem;overflow:auto;' +
        'background:#fff;color:#8a1c1c;border:3px solid #8a1c1c;font:14px/1.4 monospace;white-space:pre-wrap';
      document.body.appendChild(overlay);
    }
    overlay.textContent = 'simpul: build gagal / build failed (the last good site is shown underneath)\n\n' + text;
  }
  function poll() {
    var fresh = false;
    fetch(seen === null ? status : status + '?seen=' + seen, { cache: 'no-store' })
      .then(function (r) { return r.json(); }).then(function (s) {
        if (version !== null && s.version !== version) { location.reload(); return; }
        version = s.version;
        fresh = seen !== null && s.change !== seen;
        seen = s.change;
        if (s.errors) show(s.errors); else if (overlay) { overlay.remove(); overlay = null; }
      }).catch(function () {}).finally(function () { setTimeout(poll, fresh ? 0 : 250); });
  }
  poll();
})();
)js";

}  // namespace

std::string normalise_base_path(std::string base) {
    if (base.empty() || base.front() != '/') base.insert(base.begin(), '/');
    if (base.back() != '/') base += '/';
    return base;
}

bool configure_server(httplib::Server& server, const std::filesystem::path& root,
                      const std::string& base_path) {
    if (!server.set_mount_point(base_path, root.string())) return false;
    server.set_file_extension_and_mimetype_mapping("xml", "application/xml");
    server.set_file_extension_and_mimetype_mapping("wasm", "application/wasm");
    server.set_file_extension_and_mimetype_mapping("svg", "image/svg+xml");
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

LivePreview::LivePreview(BuildOptions build, ServeOptions serve)
    : build_(std::move(build)),
      serve_(std::move(serve)),
      base_(normalise_base_path(serve_.base_path)) {
    build_.fast_compression = true;  // only this machine fetches the preview's files
    build_.memory = &memory_;
}

void LivePreview::configure(httplib::Server& server) {
    // Held requests each take a thread: the pool has room for them and for pages.
    server.new_task_queue = [] { return new httplib::ThreadPool(kServerThreads); };
    server.Get(
        base_ + "__simpul/status", [this](const httplib::Request& req, httplib::Response& res) {
            res.set_header("Cache-Control", "no-store");
            std::uint64_t seen = 0;
            const std::string given = req.get_param_value("seen");
            auto [end, ec] = std::from_chars(given.data(), given.data() + given.size(), seen);
            const bool waits =
                !given.empty() && ec == std::errc{} && end == given.data() + given.size();
            res.set_content(waits ? wait_status(seen, std::chrono::seconds(20)) : status_json(),
                            "application/json");
        });
    server.Get(base_ + "__simpul/reload.js", [](const httplib::Request&, httplib::Response& res) {
        res.set_content(kReloadScript, "text/javascript");
    });
    // Pages are read here, not by the static file handler, so the reload script goes
    // into the text before httplib compresses it (a post-routing handler would see
    // the body already gzip- or brotli-compressed).
    std::string tag = "<script src=\"" + base_ + "__simpul/reload.js\" defer></script>";
    std::filesystem::path root = serve_.root;
    std::string base = base_;
    server.set_pre_routing_handler(
        [tag, root, base](const httplib::Request& req, httplib::Response& res) {
            using Result = httplib::Server::HandlerResponse;
            if (req.method != "GET" || req.path.rfind(base, 0) != 0) return Result::Unhandled;
            std::string rel = req.path.substr(base.size());
            if (rel.empty() || rel.back() == '/') rel += "index.html";
            if (rel.size() < 5 || rel.compare(rel.size() - 5, 5, ".html") != 0 ||
                rel.find("..") != std::string::npos || rel.front() == '/')
                return Result::Unhandled;
            std::FILE* f = std::fopen((root / rel).c_str(), "rb");
            if (!f) return Result::Unhandled;
            std::string body;
            char buf[16384];
            for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) body.append(buf, n);
            std::fclose(f);
            auto at = body.rfind("</body>");
            body.insert(at == std::string::npos ? body.size() : at, tag);
            res.set_header("Cache-Control", "no-store");
            res.set_content(body, "text/html");
            return Result::Handled;
        });
}

bool LivePreview::rebuild() {
    // Browsers reload as soon as the new site is in place, before the previous
    // one is deleted.
    build_.published = [this] {
        std::lock_guard<std::mutex> lock(mutex_);
        errors_.clear();
        ++version_;
        ++change_;
        changed_.notify_all();
    };
    BuildResult r = run_build(build_);
    // A record saved while the build was reading it (error[changed-during-build]):
    // build once more, now that it is saved; no further change may come to do it.
    auto changed = [](const BuildResult& b) {
        const auto& all = b.diags.all();
        return std::any_of(all.begin(), all.end(),
                           [](const Diagnostic& d) { return d.code == "changed-during-build"; });
    };
    if (!r.ok && changed(r)) {
        memory_.content.changed.reset();  // the change came after the watcher's last word
        memory_.templates = {};
        r = run_build(build_);
    }
    std::string report = format_report(r.diags.sorted(), ReportFormat::Text, file_line_reader());
    std::lock_guard<std::mutex> lock(mutex_);
    if (!r.ok) {
        errors_ = report.empty() ? "build failed" : report;
        ++change_;
        changed_.notify_all();
        std::fprintf(stderr, "%s\nbuild failed; still serving the last good site\n",
                     report.c_str());
        return false;
    }
    // Where the time went, as the build summary's last line says it.
    std::string stages;
    for (const auto& s : r.stages) {
        char part[64];
        std::snprintf(part, sizeof part, "%s%s %.0f", stages.empty() ? "" : ", ", s.name.c_str(),
                      s.ms);
        stages += part;
    }
    std::printf("rebuilt in %.0f ms (%zu files, %zu written; %s ms)\n", r.total_ms, r.files,
                r.files - r.unchanged, stages.c_str());
    std::fflush(stdout);
    return true;
}

void LivePreview::watch_loop(const std::atomic<bool>& stop) {
    std::filesystem::path templates = build_.template_dir.empty()
                                          ? build_.content_dir.parent_path() / "site-template"
                                          : build_.template_dir;
    Watcher watcher({build_.content_dir, templates});
    if (!watcher.ok()) {
        std::fprintf(stderr, "simpul: cannot watch for changes; rebuild by restarting serve\n");
        return;
    }
    // Rebuilds keep the search index of the first build: Pagefind costs more than
    // all the pages together. Restart serve to refresh search.
    build_.reuse_search_index = true;
    build_.in_place = true;
    // Builds from now on load while the watcher runs: their records' files
    // that change are named to the next one (the first build's are not).
    memory_.watched = true;
    while (!stop) {
        if (!watcher.wait(std::chrono::milliseconds(300))) continue;
        Watcher::Changes changes = watcher.take_changes();
        auto& changed = memory_.content.changed;
        if (!changes.complete)
            changed.reset();  // the next load looks at every file
        else if (changed)
            changed->insert(changes.files[0].begin(), changes.files[0].end());
        if (!changes.complete || !changes.files[1].empty())
            memory_.templates = {};  // loaded again from the template folder
        rebuild();
    }
}

std::string LivePreview::status_json() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return status_json_locked();
}

std::string LivePreview::wait_status(std::uint64_t seen, std::chrono::milliseconds at_most) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (change_ == seen && waiting_ < kMaxWaiting && !stopping_) {
        ++waiting_;
        changed_.wait_for(lock, at_most, [&] { return change_ != seen || stopping_; });
        --waiting_;
    }
    return status_json_locked();
}

void LivePreview::stop_waiting() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    changed_.notify_all();
}

std::string LivePreview::status_json_locked() const {
    nlohmann::json j = {{"version", version_.load()}, {"change", change_}};
    j["errors"] = errors_.empty() ? nlohmann::json(nullptr) : nlohmann::json(errors_);
    return j.dump();
}

int serve_live(const BuildOptions& build, const ServeOptions& serve) {
    LivePreview preview(build, serve);
    bool built = preview.rebuild();
    if (!built && !std::filesystem::is_directory(serve.root)) return 1;
    httplib::Server server;
    std::string base = normalise_base_path(serve.base_path);
    if (!configure_server(server, serve.root, base)) {
        std::fprintf(stderr, "simpul: cannot serve %s: not a folder\n",
                     serve.root.string().c_str());
        return 1;
    }
    preview.configure(server);
    int port = serve.port;
    bool bound = port == 0 ? (port = server.bind_to_any_port(serve.host)) > 0
                           : server.bind_to_port(serve.host, port);
    if (!bound) {
        std::fprintf(stderr, "simpul: cannot listen on %s:%d (is the port in use?)\n",
                     serve.host.c_str(), serve.port);
        return 1;
    }
    std::printf("Serving %s at http://%s:%d%s  (watching for changes; Ctrl+C to stop)\n",
                serve.root.string().c_str(), serve.host.c_str(), port, base.c_str());
    std::fflush(stdout);
    std::atomic<bool> stop{false};
    std::thread watcher([&] { preview.watch_loop(stop); });
    bool ok = server.listen_after_bind();
    preview.stop_waiting();
    stop = true;
    watcher.join();
    return ok ? 0 : 1;
}

}  // namespace simpul::gen
