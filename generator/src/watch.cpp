// inotify-based folder watching (see watch.hpp).
#include "watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {
constexpr uint32_t kMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_CLOSE_WRITE | IN_DELETE_SELF | IN_ATTRIB;
}

Watcher::Watcher(const std::vector<fs::path>& roots)
    : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) return;
    for (const auto& r : roots) add_tree(r);
}

Watcher::~Watcher() {
    if (fd_ >= 0) ::close(fd_);
}

void Watcher::add_tree(const fs::path& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;
    int wd = inotify_add_watch(fd_, dir.c_str(), kMask);
    if (wd >= 0) dirs_[wd] = dir;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_directory(ec) && !e.is_symlink(ec)) add_tree(e.path());
}

bool Watcher::drain(int timeout_ms) {
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, timeout_ms) <= 0) return false;
    alignas(inotify_event) char buf[16384];
    bool any = false;
    for (ssize_t n; (n = ::read(fd_, buf, sizeof buf)) > 0;) {
        for (char* at = buf; at < buf + n;) {
            auto* ev = reinterpret_cast<inotify_event*>(at);
            any = true;
            if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)) && ev->len > 0) {
                auto it = dirs_.find(ev->wd);
                if (it != dirs_.end()) add_tree(it->second / ev->name);
            }
            at += sizeof(inotify_event) + ev->len;
        }
    }
    return any;
}

bool Watcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle) {
    if (fd_ < 0 || !drain(static_cast<int>(timeout.count()))) return false;
    while (drain(static_cast<int>(settle.count()))) {
    }
    return true;
}

}  // namespace simpul::gen
