// Stage 5, write: pages go into a staging folder beside the output folder,
// which replaces the output (an atomic swap) only when every file is written: a
// failed or interrupted build leaves the previous output exactly as it was. The
// output it replaces is kept as the spare `.<name>.spare`, and the next build
// updates the spare to the new output and swaps it in, so a rebuild writes only
// what differs. A manifest per folder (`.<name>.manifest-<inode>`) says what
// each file holds and what each page was made from (deps.hpp): files the same
// as the live output's are hard-linked from it, pages made from the same inputs
// are not even rendered.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "pieces.hpp"

namespace simpul::gen {

// A file the builds of `out` keep beside it: `<parent>/.<name><suffix>`
// (".load-cache": `.public.load-cache` beside `public`).
std::filesystem::path beside_output(const std::filesystem::path& out, const std::string& suffix);
// Writes `bytes` to `file` (a cache or index beside the output) through a
// temporary file renamed over it, so a reader never sees half of it; first
// removes the temporary files of builds killed while saving (`<file>.tmp-PID`
// whose process is gone). False when it could not be saved (these files are
// optional: most callers go on without it).
bool save_beside_output(const std::filesystem::path& file, const std::string& bytes);

// What a manifest says of one output file: its bytes' hash and size, its
// modification time when written, and what a page was made from (deps.hpp).
struct ManifestEntry {
    std::size_t hash = 0, size = 0;
    long long mtime_ns = 0;
    std::uint64_t fingerprint = 0;
    // (Not saved.) A rebuild in place from memory left the file as it was:
    // set by the one thread that asks for it, read once they are joined.
    bool kept = false;
};

// What the live preview remembers of its output between rebuilds: the manifest
// its last build saved, so the next one neither reads it back nor checks each
// file's size and time (while serve runs, it alone writes that folder). Used
// only while the manifest on disk is still the one saved then: a simpul build
// into the same folder, or a build that failed, makes the next rebuild read
// the manifest and check the files, as any build does.
struct OutputMemory {
    std::unordered_map<std::string, ManifestEntry> files;
    FileStamp manifest;  // the manifest file as saved
};

class StagedOutput {
  public:
    // Takes the lock `.<name>.lock` beside `out` (throws with a clear message
    // when another build holds it), removes staging folders that killed builds
    // left, and creates `.<name>.staging-<pid>`.
    enum class Mode {
        Staged,  // a new folder swapped in at commit(): the output changes at once
        Clean,   // Staged, and every file written anew (simpul build --clean)
        // Changed files replaced one by one in the output (each atomically),
        // files of the last build no longer made removed at commit(): the live
        // preview's rebuilds. Falls back to Staged when the output has no manifest.
        InPlace,
    };
    // `memory` (InPlace only): the preview's output manifest, taken when it holds
    // and given back at commit().
    explicit StagedOutput(std::filesystem::path out, Mode mode = Mode::Staged,
                          OutputMemory* memory = nullptr);
    ~StagedOutput();  // removes the staging folder unless committed

    StagedOutput(const StagedOutput&) = delete;
    StagedOutput& operator=(const StagedOutput&) = delete;

    // Thread-safe: writes `content` to `rel` inside the staging folder.
    // `fingerprint` (deps.hpp) says what the page was made from; 0 for other files.
    void write(const std::string& rel, const std::string& content, std::uint64_t fingerprint = 0);
    // Writes a file made in pieces: `make` hands each piece, in order, to the
    // sink it gets, so the file never sits whole in memory (catalogue.json),
    // and returns the file's identity: a number that, like a hash of its
    // bytes, is the same for the same bytes only. A file whose identity and
    // size are the last build's is linked, as write() links an unchanged file.
    using Pieces = std::function<std::uint64_t(PieceSink&)>;
    void write_pieces(const std::string& rel, const Pieces& make);
    // Thread-safe: when the last build wrote `rel` from the same `fingerprint`
    // (and the file is still the one it wrote: not checked when the manifest
    // came from the preview's memory), takes that file as it is (linked into
    // the staging folder, or left in place) and returns true: the page need
    // not be rendered.
    bool reuse(const std::string& rel, std::uint64_t fingerprint);
    void copy(const std::filesystem::path& from, const std::string& rel);

    // Swaps the staging folder in as the output folder (atomically where the
    // system allows), calls `published` (the new output is being served from
    // then on) and removes the previous output.
    void commit(const std::function<void()>& published = {});

    std::size_t files() const { return files_; }
    std::size_t linked() const { return linked_; }  // of files(): unchanged, linked
    std::size_t reused() const { return reused_; }  // of linked(): not even rendered
    std::size_t bytes() const { return bytes_; }
    const std::filesystem::path& staging() const { return staging_; }
    const std::filesystem::path& output() const { return out_; }
    bool clean() const { return mode_clean_; }  // every file written anew (--clean)
    bool in_place() const { return in_place_; }

  private:
    // Creates the folder of `rel` in the staging folder once (most pages share
    // their folder with many others, and a stat per path part adds up).
    void ensure_folder(const std::string& rel);
    // mkdir relative to the staging folder, its missing parents first: no
    // stat of each part of the path, as std::filesystem::create_directories does.
    void make_folder(const std::string& folder);
    using Entry = ManifestEntry;
    // Renames `from` (in the folder `dir`) over `rel` in the staging folder; a
    // file from beside the output trades places with the one there, if any.
    bool swap_into(int dir, const std::string& from, const std::string& rel);
    // `written`: the spare's file at `rel` was just written over with these bytes.
    bool place(const std::string& rel, Entry want, bool written = false);
    // The folder this build writes into (sets in_place_, fills spare_); `fresh`
    // is created and taken when neither the output nor the spare can be.
    std::filesystem::path choose_staging(Mode mode, const std::filesystem::path& fresh);
    std::filesystem::path manifest_path(const std::filesystem::path& dir) const;
    void prepare(Mode mode, const std::filesystem::path& parent, const std::string& name);
    std::unordered_map<std::string, Entry> load_manifest(const std::filesystem::path& dir) const;
    // Saves `entries` as the manifest of `dir`; false when it could not be saved.
    bool save_manifest(const std::filesystem::path& dir,
                       const std::unordered_map<std::string, Entry>& entries) const;
    // commit() in place: previous_ becomes this build's files (entries_, and
    // the ones kept when it came from memory); the others are removed from the output.
    void merge_kept();
    // previous_ from memory_ when the manifest file is still the one it remembers.
    bool recall(const std::filesystem::path& manifest);
    void remove_stale_manifests() const;

    std::filesystem::path out_, staging_, parent_, spare_path_;
    std::string name_;
    bool mode_clean_ = false;
    std::mutex folders_mutex_;
    std::unordered_set<std::string> folders_;
    int lock_fd_ = -1, out_fd_ = -1, staging_fd_ = -1;
    int parent_fd_ = -1;  // in place: the output's parent, on the same file system
    bool committed_ = false;
    bool in_place_ = false;
    bool has_spare_ = false;  // a staged build found the spare folder
    // previous_ came from memory_: the files are the ones its last build wrote.
    OutputMemory* memory_ = nullptr;
    bool trusted_ = false;
    std::atomic<std::size_t> files_{0}, bytes_{0}, linked_{0}, reused_{0};
    std::unordered_map<std::string, Entry> previous_;  // the output's files, by path
    std::unordered_map<std::string, Entry> spare_;     // the spare's, when updating it
    std::mutex entries_mutex_;
    std::unordered_map<std::string, Entry> entries_;  // this build's files
};

}  // namespace simpul::gen
