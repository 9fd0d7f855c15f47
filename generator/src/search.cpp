// Finding and running Pagefind on the staged site. Pagefind reads each page's
// <html lang>, so Indonesian pages get an Indonesian-stemmed index and English
// pages an English one, in one bundle under pagefind/. Its output does not
// depend on the order it reads files in (checked by the tests: two builds are
// byte-identical), so the build stays reproducible.
#include "search.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

extern char** environ;

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

bool executable(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

// The npm platform package's name for this machine, as pagefind's installer names it.
const char* platform_package() {
#if defined(__linux__) && defined(__x86_64__)
    return "linux-x64";
#elif defined(__linux__) && defined(__aarch64__)
    return "linux-arm64";
#elif defined(__APPLE__) && defined(__aarch64__)
    return "darwin-arm64";
#elif defined(__APPLE__)
    return "darwin-x64";
#elif defined(__FreeBSD__)
    return "freebsd-x64";
#else
    return "";
#endif
}

fs::path in_node_modules(const fs::path& dir) {
    fs::path bin = dir / "node_modules" / "@pagefind" / platform_package() / "bin";
    for (const char* name : {"pagefind_extended", "pagefind"})
        if (executable(bin / name)) return bin / name;
    // The npm wrapper (needs node on PATH); it finds the same binary itself.
    if (executable(dir / "node_modules" / ".bin" / "pagefind"))
        return dir / "node_modules" / ".bin" / "pagefind";
    return {};
}

fs::path on_path(const char* name) {
    const char* path = std::getenv("PATH");
    if (!path) return {};
    std::stringstream ss(path);
    for (std::string dir; std::getline(ss, dir, ':');)
        if (!dir.empty() && executable(fs::path(dir) / name)) return fs::path(dir) / name;
    return {};
}

// The environment Pagefind runs in: ours, plus `extra` ("NAME=value") for each
// name we do not set ourselves (a value in our environment wins).
std::vector<std::string> child_environment(const std::vector<std::string>& extra) {
    std::vector<std::string> env;
    for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
    for (const auto& add : extra) {
        std::string prefix = add.substr(0, add.find('=') + 1);
        bool set = std::any_of(env.begin(), env.end(),
                               [&](const std::string& e) { return e.rfind(prefix, 0) == 0; });
        if (!set) env.push_back(add);
    }
    return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
    std::vector<char*> out;
    for (auto& s : strings) out.push_back(s.data());
    out.push_back(nullptr);
    return out;
}

// Runs `binary` with `args` and `env`; returns its exit status, stdout and stderr
// in `output`. The child is killed with us: a build killed mid-index must not leave
// a Pagefind behind that goes on writing into a staging folder the next build removes.
int run(const fs::path& binary, const std::vector<std::string>& args, std::vector<std::string> env,
        std::string& output) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
    std::vector<std::string> all = {binary.string()};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv = pointers(all);
    std::vector<char*> envp = pointers(env);
    pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid == 0) {
        // Only async-signal-safe calls between fork and exec.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        int devnull = ::open("/dev/null", O_RDONLY);
        if (devnull >= 0) ::dup2(devnull, 0);
        ::dup2(pipe_fds[1], 1);
        ::dup2(pipe_fds[1], 2);
        ::execve(argv[0], argv.data(), envp.data());
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    if (pid < 0) {
        ::close(pipe_fds[0]);
        output = "cannot start " + binary.string();
        return -1;
    }
    char buf[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buf, sizeof buf)) > 0;) output.append(buf, n);
    ::close(pipe_fds[0]);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Pagefind also writes its ready-made UIs; the site has its own (assets/search.js).
void prune_bundle(const fs::path& bundle) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(bundle, ec)) {
        std::string name = e.path().filename().string();
        for (const char* prefix : {"pagefind-ui.", "pagefind-component-ui.", "pagefind-modular-ui.",
                                   "pagefind-highlight."})
            if (name.rfind(prefix, 0) == 0) fs::remove(e.path(), ec);
    }
}

}  // namespace

std::vector<fs::path> search_start_dirs(const fs::path& content_dir, const fs::path& template_dir) {
    std::vector<fs::path> dirs;
    std::error_code ec;
    dirs.push_back(fs::current_path(ec));
    dirs.push_back(fs::absolute(content_dir, ec));
    if (!template_dir.empty()) dirs.push_back(fs::absolute(template_dir, ec));
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) dirs.push_back(self.parent_path());
    return dirs;
}

fs::path find_pagefind(const std::vector<fs::path>& start_dirs) {
    for (const auto& start : start_dirs) {
        if (start.empty()) continue;
        for (fs::path dir = start.lexically_normal();; dir = dir.parent_path()) {
            if (fs::path found = in_node_modules(dir); !found.empty()) return found;
            if (dir == dir.parent_path() || dir.empty()) break;
        }
    }
    for (const char* name : {"pagefind_extended", "pagefind"})
        if (fs::path found = on_path(name); !found.empty()) return found;
    return {};
}

SearchIndexResult build_search_index(const fs::path& site, const std::string& setting,
                                     const std::vector<fs::path>& start_dirs) {
    SearchIndexResult r;
    if (setting == "off") {
        r.status = SearchIndexResult::Status::Off;
        r.message = "search index turned off (SIMPUL_PAGEFIND=off)";
        return r;
    }
    r.binary = setting.empty() ? find_pagefind(start_dirs) : fs::path(setting);
    if (r.binary.empty() || !executable(r.binary)) {
        r.status = SearchIndexResult::Status::NotFound;
        r.message = setting.empty()
                        ? "Pagefind not found, so the site has no search index (the search page "
                          "still offers browsing). Run `npm install` in the repository, or set "
                          "SIMPUL_PAGEFIND to the pagefind binary."
                        : "SIMPUL_PAGEFIND is not an executable file: " + setting;
        return r;
    }
    std::string output;
    int status = run(r.binary, {"--site", site.string(), "--keep-index-url", "--silent"},
                     child_environment({kIndexChunkSize}), output);
    if (status != 0) {
        r.status = SearchIndexResult::Status::Failed;
        r.message = "Pagefind (" + r.binary.string() + ") failed with status " +
                    std::to_string(status) + (output.empty() ? "" : ":\n" + output);
        return r;
    }
    prune_bundle(site / "pagefind");
    std::ifstream entry(site / "pagefind" / "pagefind-entry.json");
    nlohmann::json j = nlohmann::json::parse(entry, nullptr, false);
    if (j.is_object() && j.contains("languages") && j["languages"].is_object())
        for (const auto& [lang, info] : j["languages"].items())
            if (info.contains("page_count")) r.pages[lang] = info["page_count"].get<std::size_t>();
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(site / "pagefind", ec))
        if (e.is_regular_file(ec)) {
            ++r.files;
            r.bytes += e.file_size(ec);
        }
    r.status = SearchIndexResult::Status::Built;
    return r;
}

}  // namespace simpul::gen
