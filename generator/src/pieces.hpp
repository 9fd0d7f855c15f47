// A file made in pieces (data/catalogue.json): text the build makes, and runs
// of another file's bytes (the last build's catalogue.json) that the kernel
// copies, so unchanged records never pass through the build's memory; and the
// plain file I/O the generator shares (whole writes, positioned reads, whole
// files read).
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace simpul::gen {

class PieceSink {
  public:
    virtual ~PieceSink() = default;
    // Appends `text`.
    virtual void operator()(std::string_view text) = 0;
    // Appends `size` bytes of the file open as `fd`, from `offset`; throws
    // std::runtime_error when the file has fewer.
    virtual void copy(int fd, std::uint64_t offset, std::uint64_t size) = 0;
};

// Collects the pieces in a string: the whole text (open_data_files, tests).
class TextPieces final : public PieceSink {
  public:
    void operator()(std::string_view text) override {
        text_.append(text);
        ++pieces_;
    }
    void copy(int fd, std::uint64_t offset, std::uint64_t size) override;
    std::string& text() { return text_; }
    std::size_t pieces() const { return pieces_; }

  private:
    std::string text_;
    std::size_t pieces_ = 0;
};

// What a file was when it was read or written (from stat or lstat): while all
// of it is unchanged, so is the file (a record file, load_cache.hpp; the
// output's manifest, write.hpp). All 0: not known (a link).
struct FileStamp {
    std::uint64_t device = 0, inode = 0, size = 0;
    std::int64_t mtime_ns = 0, ctime_ns = 0;
    bool known() const { return inode != 0 || size != 0; }
    bool operator==(const FileStamp&) const = default;
};

// The stamp of a file from its stat().
FileStamp stamp_of(const struct stat& st);

enum class ReadResult { Ok, Failed, NotRegular, TooLarge };

// Reads the file at `p` whole when it is a regular file of at most `max_bytes`
// (`st` tells what it is): open (not waiting on a pipe, never taking a
// terminal), fstat, read, close. Content files are read three times a build
// (load, pages, open data): no stat of the path before, no stream buffers between.
ReadResult read_regular_file(const std::filesystem::path& p, std::string& out, struct stat& st,
                             std::uintmax_t max_bytes = UINTMAX_MAX);
// The same, for a caller that needs no more than the text.
ReadResult read_regular_file(const std::filesystem::path& p, std::string& out);

// Writes all of `text` to `fd`; false (errno set) when it cannot.
bool write_all(int fd, std::string_view text);

// Reads `size` bytes of `fd` from `offset` into `to`; false when the file has fewer.
bool read_at(int fd, char* to, std::size_t size, std::uint64_t offset);

// Appends `size` bytes of `from` (from `offset`) to the file open for writing
// as `to`: copy_file_range, or reads and writes where the kernel cannot copy
// between the two. Throws std::runtime_error naming `to_path` on failure.
void copy_between(int from, std::uint64_t offset, std::uint64_t size, int to,
                  const std::string& to_path);

}  // namespace simpul::gen
