// The dashboard's data files: a compact, versioned, columnar binary form of the
// catalogue (strings in a dictionary, one array per field), in two files: the
// figures (everything the panels count, loaded first) and the innovations'
// texts (ids, titles, agencies: the explorer table's, loaded after). The
// generator encodes them (from_catalogue + encode, encode_texts); the dashboard
// and the tests decode them. Layout: wasm-app/README.md, "Data files". No I/O.
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

inline constexpr std::uint32_t kVersion = 3;
inline constexpr char kMagic[8] = {'S', 'I', 'M', 'P', 'U', 'L', 'D', 'B'};       // figures
inline constexpr char kTextsMagic[8] = {'S', 'I', 'M', 'P', 'U', 'L', 'D', 'T'};  // texts
// Section tags, in file order: the figures file's, then the texts file's.
inline constexpr std::array<const char*, 10> kSections = {"STRS", "UIST", "PROV", "SECT", "SDGS",
                                                          "PROG", "INNO", "HUBS", "REPL", "EVNT"};
inline constexpr std::array<const char*, 2> kTextSections = {"STRS", "INNT"};
inline constexpr std::size_t kHeader = 20;  // magic, version, body size, data id
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

// Innovations, one vector per field (all of the same length), rows in title order
// (order_by_title: the explorer's default order). Their texts are in Texts.
struct Innovations {
    std::vector<std::uint8_t> province;       // index into Data::provinces, kNone when unknown
    std::vector<std::uint8_t> kind;           // 0 daerah (regional agency), 1 kl (central)
    std::vector<std::uint8_t> stage, status;  // codes of kStages / kStatuses, or kNone
    std::vector<std::uint16_t> year;          // 0 when unknown
    std::vector<std::uint32_t> sectors;       // bit i: Data::sectors[i]
    std::vector<std::uint32_t> sdgs;          // bit n-1: SDG n
    std::vector<std::uint32_t> awards;        // bit i: Data::programs[i]
    std::size_t size() const { return province.size(); }
};

// The innovations' texts (the second file), per row: its id, title and English
// title (empty when none), each in a column of strings stored back to back, and
// its agency, an index into a dictionary of names. Decoding keeps the file's bytes
// as they are and points into them: nothing is copied string by string.
class Texts {
  public:
    bool loaded = false;  // false until decode_texts() or TextsBuilder::build() filled them

    std::size_t size() const { return agency.size(); }
    std::string_view id(std::size_t row) const { return column(0, row); }
    std::string_view title(std::size_t row) const { return column(1, row); }
    std::string_view title_en(std::size_t row) const { return column(2, row); }
    std::string_view agency_name(std::size_t row) const { return agencies.at(agency[row]); }

    StringTable agencies;
    std::vector<std::uint32_t> agency;  // per row: index into agencies
    // The columns' bytes (decode_texts: the texts file itself). Column c's strings
    // start at starts[c]; row i's ends ends[c][i] bytes after that (and begins where
    // row i-1's ends).
    std::vector<std::uint8_t> bytes;
    std::array<std::uint32_t, 3> starts{};
    std::array<std::vector<std::uint32_t>, 3> ends;

  private:
    std::string_view column(std::size_t c, std::size_t row) const {
        std::uint32_t begin = row ? ends[c][row - 1] : 0;
        return {reinterpret_cast<const char*>(bytes.data()) + starts[c] + begin,
                ends[c][row] - begin};
    }
};

// Builds Texts row by row (from_catalogue, tests, the benchmark's data).
class TextsBuilder {
  public:
    void add(std::string_view id, std::string_view title, std::string_view title_en,
             std::string_view agency);
    Texts build() const;  // loaded, the rows in the order added

  private:
    std::array<std::string, 3> columns_;
    std::array<std::vector<std::uint32_t>, 3> ends_;
    StringTable agencies_;
    std::vector<std::uint32_t> agency_;
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
    Texts texts;
    Hubs hubs;
    Replications replications;
    Events events;

    // The data id the figures file was read with; its texts file carries the same.
    std::uint32_t file_id = 0;

    std::string_view str(std::uint32_t i) const { return strings.at(i); }
};

// The dashboard's view of a catalogue; `ui` holds the flattened UI strings
// ("panel.map" -> text) of each language. Throws std::length_error when a
// vocabulary exceeds what the format holds (255 provinces, 32 sectors or programmes).
Data from_catalogue(const Catalogue& cat,
                    const std::vector<std::pair<std::string, std::string>>& ui_id,
                    const std::vector<std::pair<std::string, std::string>>& ui_en);

// Puts the innovations' rows (figures and texts) in title order: byte order of
// the titles, then of the ids. Replications are renumbered to follow their rows.
// Needs the texts (one row per innovation): throws std::logic_error otherwise.
void order_by_title(Data& d);

// The figures file's bytes and the texts file's. Deterministic: equal Data give
// equal bytes. Both carry one data id (of both bodies), so a texts file is only
// read with the figures of the same build.
struct Files {
    std::string figures, texts;
};
Files encode_files(const Data& d);
std::string encode(const Data& d);        // encode_files(d).figures
std::string encode_texts(const Data& d);  // encode_files(d).texts

// Reads a figures file into `out` (texts not loaded). On failure returns false
// and sets `error` to one plain sentence, e.g. "dashboard data version 2 is not
// supported (this dashboard reads version 3)" or "dashboard data is truncated:
// expected 4096 bytes, got 100".
bool decode(const std::uint8_t* bytes, std::size_t size, Data& out, std::string& error);

// Reads the texts file of the figures already in `d`, and keeps its bytes (the
// texts point into them). On failure returns false, leaves d.texts as they were
// and sets `error` ("dashboard texts are truncated: ...", "dashboard texts belong
// to another data file").
bool decode_texts(std::vector<std::uint8_t> file, Data& d, std::string& error);
bool decode_texts(const std::uint8_t* bytes, std::size_t size, Data& d, std::string& error);

}  // namespace simpul::dash
