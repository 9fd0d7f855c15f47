// Pieces of a file (see pieces.hpp): positioned reads, and copies from one
// file to another inside the kernel (copy_file_range), read and written here
// where the file systems do not allow it.
#include "pieces.hpp"

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
