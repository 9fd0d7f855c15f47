// Staged writing and the final swap (renameat2 RENAME_EXCHANGE on Linux).
#include "write.hpp"

#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace simpul::gen {
namespace fs = std::filesystem;

StagedOutput::StagedOutput(fs::path out) : out_(std::move(out)) {
    fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
    std::string name = out_.filename().string();
    fs::create_directories(parent);
    // One build at a time per output folder. The lock is released by the kernel
    // when the process ends, however it ends.
    fs::path lock = parent / ("." + name + ".lock");
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) throw std::runtime_error("cannot create the lock file " + lock.string());
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw std::runtime_error("another build is writing " + out_.string() + " right now (" +
                                 lock.string() +
                                 " is locked); wait for it to finish and run again");
    }
    // Staging folders of builds that were killed: nobody owns them any more.
    std::string stale_prefix = "." + name + ".staging-";
    std::string old_prefix = "." + name + ".old-";
    for (const auto& e : fs::directory_iterator(parent)) {
        std::string f = e.path().filename().string();
        if (f.rfind(stale_prefix, 0) == 0 || f.rfind(old_prefix, 0) == 0) {
            std::error_code ec;
            fs::remove_all(e.path(), ec);
        }
    }
    staging_ = parent / (stale_prefix + std::to_string(::getpid()));
    fs::create_directories(staging_);
}

StagedOutput::~StagedOutput() {
    if (!committed_ && !staging_.empty()) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
    if (lock_fd_ >= 0) ::close(lock_fd_);
}

void StagedOutput::ensure_folder(const std::string& rel) {
    std::size_t slash = rel.rfind('/');
    if (slash == std::string::npos) return;
    std::string folder = rel.substr(0, slash);
    {
        std::lock_guard<std::mutex> lock(folders_mutex_);
        if (folders_.count(folder)) return;
    }
    fs::create_directories(staging_ / folder);
    std::lock_guard<std::mutex> lock(folders_mutex_);
    folders_.insert(std::move(folder));
}

void StagedOutput::write(const std::string& rel, const std::string& content) {
    ensure_folder(rel);
    std::string p = (staging_ / rel).string();
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw std::runtime_error("cannot write " + p + ": " + std::strerror(errno));
    for (std::size_t done = 0; done < content.size();) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            int err = errno;
            ::close(fd);
            throw std::runtime_error("cannot write " + p + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    if (::close(fd) != 0) throw std::runtime_error("cannot write " + p + ": " + std::strerror(errno));
    ++files_;
    bytes_ += content.size();
}

void StagedOutput::copy(const fs::path& from, const std::string& rel) {
    ensure_folder(rel);
    fs::path p = staging_ / rel;
    fs::copy_file(from, p, fs::copy_options::overwrite_existing);
    ++files_;
    bytes_ += fs::file_size(p);
}

void StagedOutput::commit() {
    std::error_code ec;
    if (fs::exists(out_, ec)) {
#ifdef RENAME_EXCHANGE
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
            committed_ = true;
            fs::remove_all(staging_, ec);  // now holds the previous output
            return;
        }
#endif
        fs::path old = out_.parent_path() /
                       ("." + out_.filename().string() + ".old-" + std::to_string(::getpid()));
        fs::rename(out_, old);
        fs::rename(staging_, out_);
        committed_ = true;
        fs::remove_all(old, ec);
        return;
    }
    fs::rename(staging_, out_);
    committed_ = true;
}

}  // namespace simpul::gen
