// Reusing the last build's data/catalogue.json record by record. Beside the
// output, `.<name>.catalogue-index` names the catalogue.json the last build wrote
// (by its stamp) and where each record's text is in it, under the record's key:
// what its entry is made from. A rebuild copies the text of every record whose
// key did not change (the kernel copies runs of them from file to file) instead
// of building and dumping it again.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace simpul::gen {

// One record's text in a catalogue.json: its key, where it starts, its size.
struct CatalogueSpan {
    std::uint64_t key = 0, offset = 0;
    std::uint32_t size = 0;
};

// What writing a catalogue.json gave: the spans of its records with a known key
// (for the index) and how many records were copied from the last build's file.
struct CatalogueWritten {
    std::vector<CatalogueSpan> spans;
    std::size_t copied = 0;
};

class CatalogueReuse {
  public:
    CatalogueReuse() = default;
    // The index at `index` and the catalogue.json at `file`, when the index
    // describes that very file (same device, inode, size, modification and
    // change times); else an empty CatalogueReuse that finds nothing.
    static CatalogueReuse open(const std::filesystem::path& index,
                               const std::filesystem::path& file);
    CatalogueReuse(CatalogueReuse&& o) noexcept;
    CatalogueReuse& operator=(CatalogueReuse&& o) noexcept;
    ~CatalogueReuse();

    // Where the last build's text of the record with `key` (never 0) is in
    // the file, or nothing. The text is copied from fd() (write_catalogue_json).
    struct Span {
        std::uint64_t offset = 0, size = 0;
    };
    std::optional<Span> find(std::uint64_t key) const;
    int fd() const { return fd_; }
    std::size_t size() const { return spans_.size(); }

  private:
    int fd_ = -1;
    std::unordered_map<std::uint64_t, std::pair<std::uint64_t, std::uint32_t>> spans_;
};

// `.<name>.catalogue-index` beside the output folder `out`.
std::filesystem::path catalogue_index_path(const std::filesystem::path& out);

// Saves (atomically) the index of the catalogue.json at `file`: its stamp, then
// `spans`. When `file` cannot be stat'ed the index is removed; when the index
// cannot be saved, the old one stays (its stamp no longer matches the file).
void save_catalogue_index(const std::filesystem::path& index, const std::filesystem::path& file,
                          const std::vector<CatalogueSpan>& spans);

}  // namespace simpul::gen
