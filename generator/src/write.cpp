// Staged writing and the final swap (renameat2 RENAME_EXCHANGE on Linux);
// the manifests and files kept beside the output are in write_beside.cpp.
#include "write.hpp"

#include <fcntl.h>
#include <stdio.h>  // renameat, renameat2
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <functional>
#include <future>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <utility>

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

// Removes `rel` from the folder `root`, and the folders that leaves empty (a
// record's page folder when the record is gone), as a clean build has none.
void remove_with_empty_folders(const fs::path& root, const std::string& rel) {
    std::error_code ec;
    fs::path file = root / rel;
    fs::remove(file, ec);
    for (fs::path dir = file.parent_path(); !dir.empty() && dir != root && fs::is_empty(dir, ec);
         dir = dir.parent_path())
        fs::remove(dir, ec);
}

}  // namespace

StagedOutput::StagedOutput(fs::path out, Mode mode, OutputMemory* memory)
    : out_(std::move(out)),
      mode_clean_(mode == Mode::Clean),
      memory_(mode == Mode::InPlace ? memory : nullptr) {
    fs::path parent = out_.parent_path().empty() ? fs::path(".") : out_.parent_path();
    std::string name = out_.filename().string();
    fs::create_directories(parent);
    // One build at a time per output folder. The lock is released by the kernel
    // when the process ends, however it ends.
    fs::path lock = beside_output(out_, ".lock");
    lock_fd_ = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0) throw std::runtime_error("cannot create the lock file " + lock.string());
    if (::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        ::close(lock_fd_);
        lock_fd_ = -1;
        throw std::runtime_error("another build is writing " + out_.string() + " right now (" +
                                 lock.string() +
                                 " is locked); wait for it to finish and run again");
    }
    // No destructor runs for a constructor that throws: the lock goes here, or
    // every later build (the preview's next rebuild) would find it held.
    try {
        prepare(mode, parent, name);
    } catch (...) {
        for (int* fd : {&lock_fd_, &out_fd_, &staging_fd_, &parent_fd_})
            if (*fd >= 0) ::close(std::exchange(*fd, -1));
        throw;
    }
}

// Everything the constructor does once it holds the lock.
void StagedOutput::prepare(Mode mode, const fs::path& parent, const std::string& name) {
    // Staging folders of builds that were killed: nobody owns them any more.
    std::string stale_prefix = "." + name + ".staging-";
    std::string old_prefix = "." + name + ".old-";
    // A staged build leaves no copy of a preview's file-in-pieces beside it (write_pieces).
    std::string pieces_prefix = mode == Mode::InPlace ? std::string() : "." + name + ".pieces-";
    for (const auto& e : fs::directory_iterator(parent)) {
        std::string f = e.path().filename().string();
        if (f.rfind(stale_prefix, 0) == 0 || f.rfind(old_prefix, 0) == 0 ||
            (!pieces_prefix.empty() && f.rfind(pieces_prefix, 0) == 0)) {
            std::error_code ec;
            fs::remove_all(e.path(), ec);
        }
    }
    parent_ = parent;
    name_ = name;
    spare_path_ = beside_output(out_, ".spare");
    if (mode != Mode::Clean) {
        // A staged build reads the spare's manifest (choose_staging) on another
        // thread while it reads the live output's: 30k lines each at 10k innovations.
        std::future<std::unordered_map<std::string, Entry>> spare;
        std::error_code ec;
        has_spare_ = mode == Mode::Staged && fs::is_directory(spare_path_, ec);
        if (has_spare_) {
            try {
                spare =
                    std::async(std::launch::async, [this] { return load_manifest(spare_path_); });
            } catch (const std::system_error&) {  // no thread to be had: read below
            }
        }
        if (!recall(manifest_path(out_))) previous_ = load_manifest(out_);
        if (spare.valid())
            spare_ = spare.get();
        else if (has_spare_)
            spare_ = load_manifest(spare_path_);
    }
    staging_ = choose_staging(mode, parent / (stale_prefix + std::to_string(::getpid())));
    if (!trusted_) entries_.reserve(previous_.size());  // (trusted: only what changes)
    // Files are looked at relative to these (a shorter walk for the kernel than
    // the whole path, and no path to make).
    out_fd_ = ::open(out_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    staging_fd_ = ::open(staging_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (staging_fd_ < 0)
        throw std::runtime_error("cannot open the folder " + staging_.string() + ": " +
                                 std::strerror(errno));
    if (in_place_) {  // write_pieces' copies beside the output, on the output's file system
        parent_fd_ = ::open(parent_.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        struct stat p {
        }, o{};
        if (parent_fd_ >= 0 &&
            (::fstat(parent_fd_, &p) != 0 || ::fstat(staging_fd_, &o) != 0 || p.st_dev != o.st_dev))
            ::close(std::exchange(parent_fd_, -1));
    }
}

fs::path StagedOutput::choose_staging(Mode mode, const fs::path& fresh) {
    if (mode == Mode::InPlace && !previous_.empty()) {
        in_place_ = true;
        return out_;
    }
    // The tree the last build replaced, kept beside the output with its manifest:
    // this build updates it to the new output (writing only what differs from
    // what it holds) and swaps it in. A spare without a manifest is from a build
    // killed while updating it, and is not trusted.
    std::error_code ec;
    // (Only a staged build gets here with a previous output: the constructor read
    // the spare's manifest.)
    if (has_spare_ && !previous_.empty()) {
        if (!spare_.empty()) {
            fs::remove(manifest_path(spare_path_), ec);  // the spare is about to change
            return spare_path_;
        }
        fs::remove_all(spare_path_, ec);
    }
    spare_.clear();  // a spare that is not used
    fs::create_directories(fresh);
    return fresh;
}

namespace {
// Whether the file at `rel` in the folder `dir_fd` is still the one a manifest
// entry describes.
bool file_is(int dir_fd, const std::string& rel, std::size_t size, long long mtime) {
    struct stat st {};
    return dir_fd >= 0 && ::fstatat(dir_fd, rel.c_str(), &st, 0) == 0 &&
           static_cast<std::size_t>(st.st_size) == size && stamp_of(st).mtime_ns == mtime;
}
}  // namespace

// Puts `want` (a file's hash and size) at `rel` in the tree being built without
// writing it, when that tree (the spare) already holds it or the live output
// does (linked from there). The file there must still be the one its manifest
// describes (same size and time; taken as it is when the manifest came from the
// preview's memory, whose last build wrote it). `written`: the spare's file at `rel` was just
// written with `want`'s bytes; it is replaced by the live one only once that
// is linked beside it, so a failed link leaves it there, whole.
bool StagedOutput::place(const std::string& rel, Entry want, bool written) {
    auto record = [&](const Entry& from) {
        want.mtime_ns = from.mtime_ns;
        std::lock_guard<std::mutex> lock(entries_mutex_);
        entries_[rel] = want;
        return true;
    };
    if (auto s = spare_.find(rel); !written && s != spare_.end() && s->second.hash == want.hash &&
                                   s->second.size == want.size &&
                                   file_is(staging_fd_, rel, want.size, s->second.mtime_ns))
        return record(s->second);
    auto p = previous_.find(rel);
    if (p == previous_.end() || p->second.hash != want.hash || p->second.size != want.size ||
        (!trusted_ && !file_is(out_fd_, rel, want.size, p->second.mtime_ns)))
        return false;
    if (written) {
        const std::string beside = rel + ".simpul-link";
        if (::linkat(out_fd_, rel.c_str(), staging_fd_, beside.c_str(), 0) != 0) return false;
        if (::renameat(staging_fd_, beside.c_str(), staging_fd_, rel.c_str()) != 0) {
            ::unlinkat(staging_fd_, beside.c_str(), 0);
            return false;
        }
    } else if (!in_place_) {
        ensure_folder(rel);
        if (spare_.count(rel))
            ::unlinkat(staging_fd_, rel.c_str(), 0);  // the spare's older version
        if (::linkat(out_fd_, rel.c_str(), staging_fd_, rel.c_str(), 0) != 0) return false;
    }
    return record(p->second);
}

bool StagedOutput::reuse(const std::string& rel, std::uint64_t fingerprint) {
    auto p = previous_.find(rel);
    if (fingerprint == 0 || p == previous_.end() || p->second.fingerprint != fingerprint)
        return false;
    if (trusted_)  // in place, from memory: the file is there as the last build left it
        p->second.kept = true;
    else if (!place(rel, {p->second.hash, p->second.size, 0, fingerprint}))
        return false;
    ++files_;
    bytes_ += p->second.size;
    ++linked_;
    ++reused_;
    return true;
}

StagedOutput::~StagedOutput() {
    if (!committed_ && !in_place_ && !staging_.empty()) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
    for (int fd : {lock_fd_, out_fd_, staging_fd_, parent_fd_})
        if (fd >= 0) ::close(fd);
}

void StagedOutput::ensure_folder(const std::string& rel) {
    std::size_t slash = rel.rfind('/');
    if (slash == std::string::npos) return;
    std::string folder = rel.substr(0, slash);
    {
        std::lock_guard<std::mutex> lock(folders_mutex_);
        if (folders_.count(folder)) return;
    }
    make_folder(folder);
    std::lock_guard<std::mutex> lock(folders_mutex_);
    folders_.insert(std::move(folder));
}

void StagedOutput::make_folder(const std::string& folder) {
    // Another thread may make the same folder at the same time: EEXIST is fine.
    if (::mkdirat(staging_fd_, folder.c_str(), 0777) == 0 || errno == EEXIST) return;
    if (std::size_t slash = folder.rfind('/'); errno == ENOENT && slash != std::string::npos) {
        make_folder(folder.substr(0, slash));
        if (::mkdirat(staging_fd_, folder.c_str(), 0777) == 0 || errno == EEXIST) return;
    }
    throw std::runtime_error("cannot create the folder " + (staging_ / folder).string() + ": " +
                             std::strerror(errno));
}

namespace {

// One output file being written, `rel` inside the folder open as `dir`
// (`shown` is that folder's path, for messages): beside its final place when
// the output is updated in place (renamed over it at the end), else at its
// final place; `over`: over the bytes the file holds, cut to its new size at
// the end. Paths are walked from `dir`, not from the root, for each file.
class FileWriter {
  public:
    FileWriter(int dir, const fs::path& shown, std::string rel, bool beside, bool over = false)
        : dir_(dir),
          shown_(shown),
          final_(std::move(rel)),
          path_(beside ? final_ + ".simpul-new" : final_),
          over_(over) {
        fd_ = ::openat(dir_, path_.c_str(), O_WRONLY | O_CREAT | (over ? 0 : O_TRUNC) | O_CLOEXEC,
                       0644);
        if (fd_ < 0) fail(path_);
    }
    ~FileWriter() {
        if (fd_ >= 0) ::close(fd_);
    }
    void append(std::string_view text) {
        if (!write_all(fd_, text)) fail(path_);
    }
    // Appends `size` bytes of the file open as `from`, from `offset`.
    void copy_from(int from, std::uint64_t offset, std::uint64_t size) {
        copy_between(from, offset, size, fd_, (shown_ / path_).string());
    }
    // Closes the file (renaming it over its page when written beside it) and
    // returns its modification time.
    long long finish() {
        if (over_) {
            const off_t end = ::lseek(fd_, 0, SEEK_CUR);
            if (end < 0 || ::ftruncate(fd_, end) != 0) fail(path_);
        }
        struct stat st {};
        long long mtime = ::fstat(fd_, &st) == 0 ? stamp_of(st).mtime_ns : 0;
        int fd = fd_;
        fd_ = -1;
        if (::close(fd) != 0) fail(path_);
        if (path_ != final_ && ::renameat(dir_, path_.c_str(), dir_, final_.c_str()) != 0)
            fail(final_);
        return mtime;
    }

  private:
    [[noreturn]] void fail(const std::string& rel) const {
        throw std::runtime_error("cannot write " + (shown_ / rel).string() + ": " +
                                 std::strerror(errno));
    }
    int dir_;
    const fs::path& shown_;
    std::string final_, path_;
    bool over_ = false;
    int fd_ = -1;
};

// write_pieces' sink: text gathered into 1 MB runs, copies left to the kernel.
class FilePieces final : public PieceSink {
  public:
    explicit FilePieces(FileWriter& file) : file_(file) {}
    void operator()(std::string_view text) override {
        size_ += text.size();
        run_.append(text);
        if (run_.size() >= (1u << 20)) flush();
    }
    void copy(int fd, std::uint64_t offset, std::uint64_t size) override {
        flush();
        file_.copy_from(fd, offset, size);
        size_ += size;
    }
    void flush() {
        file_.append(run_);
        run_.clear();
    }
    std::size_t size() const { return size_; }

  private:
    FileWriter& file_;
    std::string run_;
    std::size_t size_ = 0;
};

}  // namespace

void StagedOutput::write(const std::string& rel, const std::string& content,
                         std::uint64_t fingerprint) {
    Entry entry{std::hash<std::string_view>{}(content), content.size(), 0, fingerprint};
    ++files_;
    bytes_ += content.size();
    if (place(rel, entry)) {
        ++linked_;
        return;
    }
    ensure_folder(rel);
    // Never written through: a file of the spare may share its inode with the
    // live output's, so a new file replaces it.
    FileWriter file(staging_fd_, staging_, rel, in_place_ || !spare_.empty());
    file.append(content);
    entry.mtime_ns = file.finish();
    std::lock_guard<std::mutex> lock(entries_mutex_);
    entries_[rel] = entry;
}

void StagedOutput::write_pieces(const std::string& rel, const Pieces& make) {
    ensure_folder(rel);
    // Never written through a file the live output shares (a hard link);
    // taking a large file's pages and freeing the old file's costs more than
    // writing over one (catalogue.json at 10k innovations, 70 MB: 45 ms
    // against 14). So a staged build writes over the spare's own copy; a
    // rebuild in place over a copy kept beside the output
    // (`.OUT.pieces-data-catalogue.json`), which then trades places with the
    // live file (the old one is the next rebuild's copy: a download of it
    // still running at the next rebuild would see it change). Else the file
    // is written beside its place and renamed over it.
    int dir = staging_fd_;
    fs::path shown = staging_;
    std::string target = rel + ".simpul-pieces";
    bool over = false;
    struct stat st {};
    if (in_place_ && parent_fd_ >= 0) {
        dir = parent_fd_;
        shown = parent_;
        target = "." + name_ + ".pieces-" + rel;
        std::replace(target.begin(), target.end(), '/', '-');
        if (::fstatat(dir, target.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
            over = S_ISREG(st.st_mode) && st.st_nlink == 1;
            if (!over) ::unlinkat(dir, target.c_str(), 0);  // never written through
        }
    } else if (!in_place_ && spare_.count(rel) &&
               ::fstatat(staging_fd_, rel.c_str(), &st, AT_SYMLINK_NOFOLLOW) == 0 &&
               S_ISREG(st.st_mode) && st.st_nlink == 1) {
        over = true;
        target = rel;
    }
    const bool beside = dir != staging_fd_;  // the copy kept beside the output
    Entry entry;
    try {
        FileWriter file(dir, shown, target, false, over);
        FilePieces pieces(file);
        entry.hash = make(pieces);
        pieces.flush();
        entry.size = pieces.size();
        entry.mtime_ns = file.finish();
    } catch (...) {
        // In place the scratch file is in the live output: it must not stay there.
        if (!beside) ::unlinkat(dir, target.c_str(), 0);
        throw;
    }
    ++files_;
    bytes_ += entry.size;
    // The same as the last build's: that file stays (linked), as write() does
    // (a copy beside the output stays there too, the same bytes).
    const bool spare_written = over && !beside;
    if (place(rel, entry, spare_written)) {
        if (!over && !beside) ::unlinkat(dir, target.c_str(), 0);
        ++linked_;
        return;
    }
    if (!spare_written && !swap_into(dir, target, rel))
        throw std::runtime_error("cannot write " + (staging_ / rel).string() + ": " +
                                 std::strerror(errno));
    std::lock_guard<std::mutex> lock(entries_mutex_);
    entries_[rel] = entry;
}

bool StagedOutput::swap_into(int dir, const std::string& from, const std::string& rel) {
#ifdef RENAME_EXCHANGE
    if (dir != staging_fd_ &&
        ::renameat2(dir, from.c_str(), staging_fd_, rel.c_str(), RENAME_EXCHANGE) == 0)
        return true;
#endif
    return ::renameat(dir, from.c_str(), staging_fd_, rel.c_str()) == 0;
}

void StagedOutput::copy(const fs::path& from, const std::string& rel) {
    std::string content;
    switch (read_regular_file(from, content)) {
        case ReadResult::Ok:
            break;
        case ReadResult::NotRegular:
            throw std::runtime_error("cannot read " + from.string() + ": not a regular file");
        default:
            throw std::runtime_error("cannot read " + from.string() + ": " + std::strerror(errno));
    }
    write(rel, content);
}

void StagedOutput::merge_kept() {
    for (auto it = previous_.begin(); it != previous_.end();) {
        if (it->second.kept || entries_.count(it->first)) {
            ++it;
            continue;
        }
        remove_with_empty_folders(out_, it->first);
        it = previous_.erase(it);
    }
    for (auto& [rel, e] : entries_) previous_[rel] = e;
    entries_.clear();
}

void StagedOutput::commit(const std::function<void()>& published) {
    std::error_code ec;
    if (in_place_) {
        // Pages of the last build that this one did not make (a record deleted
        // or renamed) go; the manifest becomes this build's.
        merge_kept();
        if (save_manifest(out_, previous_) && memory_) {
            // Remembered for the next rebuild, with the file it was saved as.
            struct stat st {};
            const fs::path file = manifest_path(out_);
            if (::stat(file.c_str(), &st) == 0) {
                memory_->manifest = stamp_of(st);
                memory_->files = std::move(previous_);
            }
        }
        committed_ = true;
        if (published) published();
        return;
    }
    // The spare's files that this build did not make, and folders left empty.
    for (const auto& [rel, e] : spare_)
        if (!entries_.count(rel)) remove_with_empty_folders(staging_, rel);
    save_manifest(staging_, entries_);  // names the staging folder, which becomes the output
    if (fs::exists(out_, ec)) {
#ifdef RENAME_EXCHANGE
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, out_.c_str(), RENAME_EXCHANGE) == 0) {
            committed_ = true;
            if (published) published();
            // staging_ now holds the previous output: the next build's spare when
            // its manifest is known, else removed.
            if (staging_ != spare_path_) {
                if (!mode_clean_ && !manifest_path(staging_).empty() &&
                    fs::exists(manifest_path(staging_), ec)) {
                    fs::remove_all(spare_path_, ec);
                    fs::rename(staging_, spare_path_, ec);
                }
                if (fs::exists(staging_, ec)) fs::remove_all(staging_, ec);
            }
            remove_stale_manifests();
            return;
        }
#endif
        std::string old_name = out_.filename().string();
        old_name.insert(0, 1, '.');
        old_name += ".old-" + std::to_string(::getpid());
        fs::path old = out_.parent_path() / old_name;
        fs::rename(out_, old);
        fs::rename(staging_, out_);
        committed_ = true;
        if (published) published();
        fs::remove_all(old, ec);
        remove_stale_manifests();
        return;
    }
    fs::rename(staging_, out_);
    committed_ = true;
    if (published) published();
    remove_stale_manifests();
}

}  // namespace simpul::gen
