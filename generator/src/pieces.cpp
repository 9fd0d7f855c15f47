// Pieces of a file (see pieces.hpp): positioned reads, and copies from one
// file to another inside the kernel (copy_file_range), read and written here
// where the file systems do not allow it.
#include "pieces.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <vector>

namespace simpul::gen {

namespace {

[[noreturn]] void fail(const char* what, const std::string& path) {
    throw std::runtime_error(std::string(what) + " " + path + ": " +
                             (errno ? std::strerror(errno) : "the file is shorter than expected"));
}

}  // namespace

bool write_all(int fd, std::string_view text) {
    for (std::size_t done = 0; done < text.size();) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

FileStamp stamp_of(const struct stat& st) {
    return {static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino),
            static_cast<std::uint64_t>(st.st_size),
            st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec,
            st.st_ctim.tv_sec * 1000000000LL + st.st_ctim.tv_nsec};
}

ReadResult read_regular_file(const std::filesystem::path& p, std::string& out, struct stat& st,
                             std::uintmax_t max_bytes) {
    int fd = ::open(p.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    // A file leased by another program (a Samba or NFS share) asks to wait.
    if (fd < 0 && errno == EWOULDBLOCK) fd = ::open(p.c_str(), O_RDONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return ReadResult::Failed;
    ReadResult result = ReadResult::Ok;
    if (::fstat(fd, &st) != 0) {
        result = ReadResult::Failed;
    } else if (!S_ISREG(st.st_mode)) {
        result = ReadResult::NotRegular;
    } else if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
        result = ReadResult::TooLarge;
    } else {
        // One byte more than the size, so that the read that finds the end
        // needs no larger string; a file that grew meanwhile is read whole.
        out.resize(static_cast<std::size_t>(st.st_size) + 1);
        std::size_t done = 0;
        for (;;) {
            if (done == out.size()) out.resize(out.size() * 2);
            const ssize_t n = ::read(fd, out.data() + done, out.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) result = ReadResult::Failed;
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        out.resize(done);
    }
    ::close(fd);
    return result;
}

ReadResult read_regular_file(const std::filesystem::path& p, std::string& out) {
    struct stat st {};
    return read_regular_file(p, out, st);
}

bool read_at(int fd, char* to, std::size_t size, std::uint64_t offset) {
    for (std::size_t done = 0; done < size;) {
        ssize_t n = ::pread(fd, to + done, size - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void TextPieces::copy(int fd, std::uint64_t offset, std::uint64_t size) {
    const std::size_t at = text_.size();
    text_.resize(at + size);
    errno = 0;
    if (!read_at(fd, text_.data() + at, size, offset)) {
        text_.resize(at);
        fail("cannot read", "the last catalogue.json");
    }
    ++pieces_;
}

void copy_between(int from, std::uint64_t offset, std::uint64_t size, int to,
                  const std::string& to_path) {
    loff_t at = static_cast<loff_t>(offset);
    while (size > 0) {
        ssize_t n = ::copy_file_range(from, &at, to, nullptr, size, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EXDEV || errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP ||
                      errno == EBADF))
            break;              // not between these files: read and write below
        if (n == 0) errno = 0;  // the end of the file, not an error
        if (n <= 0) fail("cannot copy into", to_path);
        at += n;
        size -= static_cast<std::uint64_t>(n);
    }
    std::vector<char> buffer(std::min<std::uint64_t>(size, 1u << 20));
    while (size > 0) {
        const std::size_t n = std::min<std::uint64_t>(size, buffer.size());
        errno = 0;
        if (!read_at(from, buffer.data(), n, static_cast<std::uint64_t>(at)))
            fail("cannot copy into", to_path);
        if (!write_all(to, {buffer.data(), n})) fail("cannot write", to_path);
        at += static_cast<loff_t>(n);
        size -= n;
    }
}

}  // namespace simpul::gen
