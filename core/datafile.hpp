// The dashboard's data file: a compact, versioned, columnar binary form of the
// catalogue (strings in one dictionary, one array per field). The generator
// encodes it (from_catalogue + encode); the dashboard and the tests decode it.
// Layout: wasm-app/README.md, "Data file". No I/O here: bytes in, bytes out.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace simpul {
class Catalogue;
}

namespace simpul::dash {

inline constexpr std::uint32_t kVersion = 1;
inline constexpr char kMagic[8] = {'S', 'I', 'M', 'P', 'U', 'L', 'D', 'B'};
inline constexpr std::uint8_t kNone = 255;  // unknown province, stage, status, kind, ...

// Codes of the small closed vocabularies (the content contract's values, in order).
inline constexpr std::array<const char*, 2> kKinds = {"daerah", "kl"};
inline constexpr std::array<const char*, 3> kStages = {"penciptaan", "pengembangan", "pelembagaan"};
inline constexpr std::array<const char*, 2> kStatuses = {"berlanjut", "vakum"};
inline constexpr std::array<const char*, 3> kReplicationStatuses = {"direncanakan", "berjalan",
                                                                    "selesai"};
inline constexpr std::array<const char*, 4> kEventTypes = {"fripp", "fgd", "kunjungan", "lainnya"};
// Bit masks hold sectors, SDGs and award programmes: at most this many of each.
inline constexpr std::size_t kMaxMaskValues = 32;

// Every string of the file, each stored once.
class StringTable {
  public:
    std::uint32_t size() const { return static_cast<std::uint32_t>(offsets_.size() - 1); }
    std::string_view at(std::uint32_t i) const {
        return {chars_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]};
    }
    // Index of `s`, added when new (encoder side).
    std::uint32_t add(std::string_view s);

    std::vector<char> chars_;
    std::vector<std::uint32_t> offsets_{0};

  private:
    std::unordered_map<std::string, std::uint32_t> index_;
};

struct Province {
    std::uint32_t code = 0, name = 0, short_name = 0, slug = 0;  // string indexes
    std::uint8_t col = 0, row = 0;                               // tile-map position
    std::int16_t regencies = -1;  // kabupaten + kota; -1 when not known (no source)
};

struct Named {  // a sector or an award programme
    std::uint32_t id = 0, name = 0, name_en = 0;
};

struct Sdg {
    std::uint8_t number = 0;
    std::uint32_t name = 0, name_en = 0;
};

// Innovations, one vector per field (all of the same length).
struct Innovations {
    std::vector<std::uint32_t> id, title, title_en, agency;  // string indexes
    std::vector<std::uint8_t> province;       // index into Data::provinces, kNone when unknown
    std::vector<std::uint8_t> kind;           // 0 daerah (regional agency), 1 kl (central)
    std::vector<std::uint8_t> stage, status;  // codes of kStages / kStatuses, or kNone
    std::vector<std::uint16_t> year;          // 0 when unknown
    std::vector<std::uint32_t> sectors;       // bit i: Data::sectors[i]
    std::vector<std::uint32_t> sdgs;          // bit n-1: SDG n
    std::vector<std::uint32_t> awards;        // bit i: Data::programs[i]
    std::vector<std::uint32_t> by_title;      // row indexes in title order (the table's default)
    std::size_t size() const { return id.size(); }
};

struct Hubs {
    std::vector<std::uint32_t> id, name, decree;  // decree: its number ("94/2020") or ""
    std::vector<std::uint8_t> kind, province;
    std::vector<std::uint16_t> year;  // established
    std::size_t size() const { return id.size(); }
};

struct Replications {
    std::vector<std::uint32_t> innovation;  // row in Innovations
    std::vector<std::uint8_t> to_province;  // the adopter's province, kNone when central
    std::vector<std::uint8_t> status;       // kReplicationStatuses
    std::vector<std::uint16_t> year;
    std::size_t size() const { return innovation.size(); }
};

struct Events {
    std::vector<std::uint8_t> province, type;
    std::vector<std::uint16_t> year;
    std::size_t size() const { return year.size(); }
};

// A UI string in both languages (the `dashboard:` section of site-template/i18n).
struct UiString {
    std::uint32_t key = 0, id = 0, en = 0;
};

struct Data {
    StringTable strings;
    std::vector<UiString> ui;
    std::vector<Province> provinces;
    std::vector<Named> sectors, programs;
    std::vector<Sdg> sdgs;
    Innovations innovations;
    Hubs hubs;
    Replications replications;
    Events events;

    std::string_view str(std::uint32_t i) const { return strings.at(i); }
};

// The dashboard's view of a catalogue; `ui` holds the flattened UI strings
// ("panel.map" -> text) of each language. Throws std::length_error when a
// vocabulary exceeds what the format holds (255 provinces, 32 sectors or programmes).
Data from_catalogue(const Catalogue& cat,
                    const std::vector<std::pair<std::string, std::string>>& ui_id,
                    const std::vector<std::pair<std::string, std::string>>& ui_en);

// Sorts innovations.by_title (byte order of the titles, then ids).
void sort_by_title(Data& d);

// The file's bytes. Deterministic: equal Data give equal bytes.
std::string encode(const Data& d);

// Reads a file. On failure returns false and sets `error` to one plain
// sentence, e.g. "dashboard data version 2 is not supported (this dashboard
// reads version 1)" or "dashboard data is truncated: expected 4096 bytes, got 100".
bool decode(const std::uint8_t* bytes, std::size_t size, Data& out, std::string& error);

}  // namespace simpul::dash
