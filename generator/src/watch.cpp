// inotify-based folder watching (see watch.hpp).
#include "watch.hpp"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <utility>

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {
constexpr uint32_t kMask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO |
                           IN_CLOSE_WRITE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;
}

Watcher::Watcher(const std::vector<fs::path>& roots)
    : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)), roots_(roots.size()) {
    changes_.files.resize(roots_);
    if (fd_ < 0) return;
    for (std::size_t k = 0; k < roots.size(); ++k) add_tree({roots[k], k, {}});
}

Watcher::~Watcher() {
    if (fd_ >= 0) ::close(fd_);
}

void Watcher::add_tree(const Dir& dir) {
    std::error_code ec;
    if (!fs::is_directory(dir.path, ec)) return;
    int wd = inotify_add_watch(fd_, dir.path.c_str(), kMask);
    if (wd < 0) {
        blind_ = true;  // refused (out of watches: max_user_watches): its files go unseen
        return;
    }
    // The same folder under two roots (one inside the other): named under one only.
    if (auto it = dirs_.find(wd); it != dirs_.end() && it->second.root != dir.root) blind_ = true;
    dirs_[wd] = dir;
    for (const auto& e : fs::directory_iterator(dir.path, ec)) {
        if (!e.is_directory(ec)) continue;
        if (e.is_symlink(ec))
            blind_ = true;
        else
            add_tree({e.path(), dir.root, dir.rel / e.path().filename()});
    }
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
            auto it = dirs_.find(ev->wd);
            if ((ev->mask & (IN_CREATE | IN_MOVED_TO)) && ev->len > 0 && it != dirs_.end()) {
                const Dir& d = it->second;
                std::error_code ec;
                if (ev->mask & IN_ISDIR)
                    add_tree({d.path / ev->name, d.root, d.rel / ev->name});
                else if (fs::is_symlink(d.path / ev->name, ec) &&
                         fs::is_directory(d.path / ev->name, ec))
                    blind_ = true;  // a link to a folder, not watched
            }
            // A root gone or moved: what comes in its place is not watched.
            if ((ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) && it != dirs_.end() &&
                it->second.rel.empty())
                blind_ = true;
            // A folder's own events, and a lost queue, leave files unnamed.
            if (ev->mask &
                    (IN_ISDIR | IN_Q_OVERFLOW | IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF) ||
                it == dirs_.end() || ev->len == 0)
                changes_.complete = false;
            else
                changes_.files[it->second.root].insert(
                    (it->second.rel / ev->name).generic_string());
            at += sizeof(inotify_event) + ev->len;
        }
    }
    return any;
}

Watcher::Changes Watcher::take_changes() {
    Changes taken = std::exchange(changes_, Changes{});
    changes_.files.resize(roots_);
    taken.complete = taken.complete && !blind_;
    return taken;
}

bool Watcher::wait(std::chrono::milliseconds timeout, std::chrono::milliseconds settle) {
    if (fd_ < 0 || !drain(static_cast<int>(timeout.count()))) return false;
    while (drain(static_cast<int>(settle.count()))) {
    }
    return true;
}

}  // namespace simpul::gen
