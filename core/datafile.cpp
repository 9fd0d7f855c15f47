// Encoding and decoding of the dashboard's two data files (figures, texts).
// Little-endian, sections in a fixed order, every index checked on decoding so a
// damaged file gives a message, never a crash. The conversion from the
// Catalogue: datafile_catalogue.cpp.
#include "datafile.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace simpul::dash {

static_assert(std::endian::native == std::endian::little, "the data file is little-endian");

std::uint32_t StringTable::add(std::string_view s) {
    auto it = index_.find(std::string(s));
    if (it != index_.end()) return it->second;
    std::uint32_t i = size();
    chars_.insert(chars_.end(), s.begin(), s.end());
    offsets_.push_back(static_cast<std::uint32_t>(chars_.size()));
    index_.emplace(std::string(s), i);
    return i;
}

void TextsBuilder::add(std::string_view id, std::string_view title, std::string_view title_en,
                       std::string_view agency) {
    const std::array<std::string_view, 3> texts = {id, title, title_en};
    for (std::size_t c = 0; c < 3; ++c) {
        columns_[c] += texts[c];
        ends_[c].push_back(static_cast<std::uint32_t>(columns_[c].size()));
    }
    agency_.push_back(agencies_.add(agency));
}

Texts TextsBuilder::build() const {
    std::size_t total = 0;
    for (const auto& column : columns_) total += column.size();
    if (total > std::numeric_limits<std::uint32_t>::max())
        throw std::length_error("the innovations' texts take more than 4 GB");
    Texts t;
    t.loaded = true;
    t.agencies = agencies_;
    t.agency = agency_;
    for (std::size_t c = 0; c < 3; ++c) {
        t.starts[c] = static_cast<std::uint32_t>(t.bytes.size());
        t.bytes.insert(t.bytes.end(), columns_[c].begin(), columns_[c].end());
        t.ends[c] = ends_[c];
    }
    return t;
}

void order_by_title(Data& d) {
    Texts& t = d.texts;
    Innovations& in = d.innovations;
    if (!t.loaded || t.size() != in.size())
        throw std::logic_error("order_by_title needs a text row per innovation");
    std::vector<std::uint32_t> order(in.size());  // order[new row] = old row
    for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        auto ta = t.title(a), tb = t.title(b);
        if (ta != tb) return ta < tb;
        return t.id(a) < t.id(b);
    });
    auto permute = [&](auto& column) {
        auto old = column;
        for (std::size_t i = 0; i < order.size(); ++i) column[i] = old[order[i]];
    };
    permute(in.province);
    permute(in.kind);
    permute(in.stage);
    permute(in.status);
    permute(in.year);
    permute(in.sectors);
    permute(in.sdgs);
    permute(in.awards);
    TextsBuilder texts;
    for (std::uint32_t i : order) texts.add(t.id(i), t.title(i), t.title_en(i), t.agency_name(i));
    t = texts.build();
    std::vector<std::uint32_t> row_of(order.size());  // row_of[old row] = new row
    for (std::uint32_t i = 0; i < order.size(); ++i) row_of[order[i]] = i;
    for (std::uint32_t& r : d.replications.innovation) r = row_of[r];
}

// ---- encoding ---------------------------------------------------------------

namespace {

// Section tags, in file order: the figures file's, then the texts file's.
constexpr std::array<const char*, 10> kSections = {"STRS", "UIST", "PROV", "SECT", "SDGS",
                                                   "PROG", "INNO", "HUBS", "REPL", "EVNT"};
constexpr std::array<const char*, 2> kTextSections = {"STRS", "INNT"};
constexpr std::size_t kHeader = 20;  // magic, version, body size, data id

// FNV-1a, continued from `h`: of the figures body, then the texts body, is the
// data id both files carry (so neither is taken with the other of another build).
std::uint32_t fnv1a(std::string_view bytes, std::uint32_t h = 2166136261u) {
    for (unsigned char c : bytes) h = (h ^ c) * 16777619u;
    return h;
}

class Writer {
  public:
    std::string out;
    void u32(std::uint32_t v) { raw(&v, 4); }
    void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
    // LEB128: 7 bits a byte, low bits first, the high bit set on all but the last.
    void varint(std::uint32_t v) {
        for (; v >= 0x80; v >>= 7) out.push_back(static_cast<char>((v & 0x7f) | 0x80));
        out.push_back(static_cast<char>(v));
    }
    // Column c of the texts, one string per row: every length (varint), then every
    // string's bytes.
    void string_column(const Texts& t, std::size_t c) {
        std::uint32_t begin = 0;
        for (std::uint32_t end : t.ends[c]) {
            varint(end - begin);
            begin = end;
        }
        raw(t.bytes.data() + t.starts[c], begin);
    }
    template <class T>
    void column(const std::vector<T>& v) {
        raw(v.data(), v.size() * sizeof(T));
    }
    // A column of bit masks in as few bytes a value as its highest bit needs (1-4),
    // after a u8 giving that width: a quarter of the bytes for 3 award programmes.
    void masks(const std::vector<std::uint32_t>& v) {
        std::uint32_t all = 0;
        for (std::uint32_t m : v) all |= m;
        std::uint8_t width =
            static_cast<std::uint8_t>(std::max(1, (static_cast<int>(std::bit_width(all)) + 7) / 8));
        raw(&width, 1);
        for (std::uint32_t m : v) raw(&m, width);
    }
    // Starts a section; end_section() fills in its length.
    void begin_section(const char* tag) {
        raw(tag, 4);
        mark_ = out.size();
        u32(0);
    }
    void end_section() {
        std::uint32_t n = static_cast<std::uint32_t>(out.size() - mark_ - 4);
        std::memcpy(&out[mark_], &n, 4);
    }
    void header(const char* magic) {
        raw(magic, 8);
        u32(kVersion);
        u32(0);  // body size and data id: finish()
        u32(0);
    }
    std::string_view body() const { return std::string_view(out).substr(kHeader); }
    // Fills in the body size and the data id.
    std::string finish(std::uint32_t id) {
        std::uint32_t body = static_cast<std::uint32_t>(out.size() - kHeader);
        std::memcpy(&out[12], &body, 4);
        std::memcpy(&out[16], &id, 4);
        return std::move(out);
    }
    void strings(const char* tag, const StringTable& t) {
        begin_section(tag);
        u32(t.size());
        column(t.offsets_);
        column(t.chars_);
        end_section();
    }

  private:
    std::size_t mark_ = 0;
};

}  // namespace

namespace {

Writer figures_file(const Data& d) {
    Writer w;
    w.header(kMagic);
    w.strings(kSections[0], d.strings);

    w.begin_section(kSections[1]);
    w.u32(static_cast<std::uint32_t>(d.ui.size()));
    for (const auto& u : d.ui) {
        w.u32(u.key);
        w.u32(u.id);
        w.u32(u.en);
    }
    w.end_section();

    w.begin_section(kSections[2]);
    w.u32(static_cast<std::uint32_t>(d.provinces.size()));
    for (const auto& p : d.provinces) {
        w.u32(p.code);
        w.u32(p.name);
        w.u32(p.short_name);
        w.u32(p.slug);
        w.raw(&p.col, 1);
        w.raw(&p.row, 1);
        w.raw(&p.regencies, 2);
    }
    w.end_section();

    for (const auto* list : {&d.sectors, &d.programs}) {
        if (list == &d.programs) {
            w.begin_section(kSections[4]);
            w.u32(static_cast<std::uint32_t>(d.sdgs.size()));
            for (const auto& x : d.sdgs) {
                w.u32(x.number);
                w.u32(x.name);
                w.u32(x.name_en);
            }
            w.end_section();
        }
        w.begin_section(list == &d.sectors ? kSections[3] : kSections[5]);
        w.u32(static_cast<std::uint32_t>(list->size()));
        for (const auto& x : *list) {
            w.u32(x.id);
            w.u32(x.name);
            w.u32(x.name_en);
        }
        w.end_section();
    }

    const Innovations& in = d.innovations;
    w.begin_section(kSections[6]);
    w.u32(static_cast<std::uint32_t>(in.size()));
    w.column(in.province);
    w.column(in.kind);
    w.column(in.stage);
    w.column(in.status);
    w.column(in.year);
    w.masks(in.sectors);
    w.masks(in.sdgs);
    w.masks(in.awards);
    w.end_section();

    w.begin_section(kSections[7]);
    w.u32(static_cast<std::uint32_t>(d.hubs.size()));
    w.column(d.hubs.id);
    w.column(d.hubs.name);
    w.column(d.hubs.decree);
    w.column(d.hubs.kind);
    w.column(d.hubs.province);
    w.column(d.hubs.year);
    w.end_section();

    w.begin_section(kSections[8]);
    w.u32(static_cast<std::uint32_t>(d.replications.size()));
    w.column(d.replications.innovation);
    w.column(d.replications.to_province);
    w.column(d.replications.status);
    w.column(d.replications.year);
    w.end_section();

    w.begin_section(kSections[9]);
    w.u32(static_cast<std::uint32_t>(d.events.size()));
    w.column(d.events.province);
    w.column(d.events.type);
    w.column(d.events.year);
    w.end_section();

    return w;
}

Writer texts_file(const Data& d) {
    const Texts& t = d.texts;
    Writer w;
    w.header(kTextsMagic);
    w.strings(kTextSections[0], t.agencies);
    w.begin_section(kTextSections[1]);
    w.u32(static_cast<std::uint32_t>(t.size()));
    for (std::size_t c = 0; c < 3; ++c) w.string_column(t, c);
    for (std::uint32_t a : t.agency) w.varint(a);
    w.end_section();
    return w;
}

}  // namespace

Files encode_files(const Data& d) {
    Writer figures = figures_file(d), texts = texts_file(d);
    // Data decoded without its texts keeps the id it was read with.
    std::uint32_t id = d.texts.loaded ? fnv1a(texts.body(), fnv1a(figures.body())) : d.file_id;
    return {figures.finish(id), texts.finish(id)};
}

std::string encode(const Data& d) {
    return encode_files(d).figures;
}

std::string encode_texts(const Data& d) {
    return encode_files(d).texts;
}

// ---- decoding ---------------------------------------------------------------

namespace {

struct Corrupt {
    std::string what;
};

class Reader {
  public:
    Reader(const std::uint8_t* p, std::size_t n, const char* section)
        : p_(p), end_(p + n), section_(section) {}
    std::uint32_t u32() {
        std::uint32_t v;
        raw(&v, 4);
        return v;
    }
    void raw(void* dst, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) < n)
            throw Corrupt{std::string("section ") + section_ + " runs past its end"};
        if (n) std::memcpy(dst, p_, n);
        p_ += n;
    }
    // Reads Writer::masks().
    void masks(std::vector<std::uint32_t>& v, std::size_t n) {
        std::uint8_t width;
        raw(&width, 1);
        if (width < 1 || width > 4)
            throw Corrupt{std::string("section ") + section_ + " has a wrong mask width"};
        if (static_cast<std::size_t>(end_ - p_) / width < n)
            throw Corrupt{std::string("section ") + section_ + " runs past its end"};
        v.resize(n);
        // One loop per width, without a memcpy call per value: most of the cost of
        // this column when the code runs once, before the browser optimises it.
        const std::uint8_t* q = p_;
        switch (width) {
            case 1:
                for (std::size_t i = 0; i < n; ++i) v[i] = q[i];
                break;
            case 2:
                for (std::size_t i = 0; i < n; ++i, q += 2) v[i] = q[0] | q[1] << 8;
                break;
            case 3:
                for (std::size_t i = 0; i < n; ++i, q += 3) v[i] = q[0] | q[1] << 8 | q[2] << 16;
                break;
            default:
                if (n) std::memcpy(v.data(), q, n * 4);  // little-endian, as the file
        }
        p_ += n * width;
    }
    template <class T>
    void column(std::vector<T>& v, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) / sizeof(T) < n)
            throw Corrupt{std::string("section ") + section_ + " runs past its end"};
        v.resize(n);
        raw(v.data(), n * sizeof(T));
    }
    std::uint32_t varint() {
        std::uint32_t v = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (p_ == end_)
                throw Corrupt{std::string("section ") + section_ + " runs past its end"};
            std::uint8_t b = *p_++;
            if (shift == 28 && b > 0x0f)
                throw Corrupt{std::string("section ") + section_ + " has a wrong number"};
            v |= static_cast<std::uint32_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) {
                if (b == 0 && shift)  // a longer form than needed: each number has one
                    throw Corrupt{std::string("section ") + section_ + " has a wrong number"};
                return v;
            }
        }
        throw Corrupt{std::string("section ") + section_ + " has a wrong number"};
    }
    // Reads Writer::string_column(): `ends` gets each row's end, counted from the
    // first string, which is returned (the strings themselves are left where they are).
    const std::uint8_t* string_column(std::size_t rows, std::vector<std::uint32_t>& ends) {
        ends.resize(rows);
        std::uint64_t end = 0;
        for (std::uint32_t& e : ends) {
            end += varint();
            if (end >= std::uint64_t{1} << 32)
                throw Corrupt{std::string("section ") + section_ + " runs past its end"};
            e = static_cast<std::uint32_t>(end);
        }
        if (static_cast<std::uint64_t>(end_ - p_) < end)
            throw Corrupt{std::string("section ") + section_ + " runs past its end"};
        const std::uint8_t* first = p_;
        p_ += end;
        return first;
    }
    bool done() const { return p_ == end_; }

  private:
    const std::uint8_t* p_;
    const std::uint8_t* end_;
    const char* section_;
};

void check_strings(const std::vector<std::uint32_t>& v, std::uint32_t count, const char* what) {
    for (std::uint32_t i : v)
        if (i >= count) throw Corrupt{std::string(what) + " names a string that does not exist"};
}

void check_provinces(const std::vector<std::uint8_t>& v, std::size_t count, const char* what) {
    for (std::uint8_t p : v)
        if (p != kNone && p >= count)
            throw Corrupt{std::string(what) + " names a province that does not exist"};
}

// Bit masks name values of a list of `count` (sectors, award programmes): no higher bit.
void check_masks(const std::vector<std::uint32_t>& v, std::size_t count, const char* what) {
    const std::uint32_t allowed = count >= 32 ? 0xffffffffu : (1u << count) - 1;
    for (std::uint32_t m : v)
        if (m & ~allowed)
            throw Corrupt{std::string("an innovation names ") + what + " that does not exist"};
}

void check_codes(const std::vector<std::uint8_t>& v, std::size_t count, const char* what) {
    for (std::uint8_t c : v)
        if (c != kNone && c >= count) throw Corrupt{std::string(what) + " has an unknown code"};
}

// The sections of a file's body, taken in order.
class Sections {
  public:
    Sections(const std::uint8_t* p, std::size_t n) : p_(p), n_(n) {}
    Reader next(const char* tag) {
        if (n_ - pos_ < 8 || std::memcmp(p_ + pos_, tag, 4) != 0)
            throw Corrupt{std::string("section ") + tag + " is missing"};
        std::uint32_t len;
        std::memcpy(&len, p_ + pos_ + 4, 4);
        pos_ += 8;
        if (n_ - pos_ < len)
            throw Corrupt{std::string("section ") + tag + " runs past the file's end"};
        Reader r(p_ + pos_, len, tag);
        pos_ += len;
        return r;
    }
    // A count of records of at least `min_bytes` each: no more than the body holds.
    std::uint32_t count(Reader& r, std::size_t min_bytes, const char* tag) const {
        std::uint32_t c = r.u32();
        if (min_bytes && c > n_ / min_bytes)
            throw Corrupt{std::string("section ") + tag + " has a wrong count"};
        return c;
    }
    void finish() const {
        if (pos_ != n_) throw Corrupt{"unexpected bytes after the last section"};
    }

  private:
    const std::uint8_t* p_;
    std::size_t n_;
    std::size_t pos_ = 0;
};

void read_strings(Sections& file, const char* tag, StringTable& t) {
    Reader r = file.next(tag);
    std::uint32_t count = r.u32();
    if (count == 0xffffffffu) throw Corrupt{std::string("section ") + tag + " has a wrong count"};
    r.column(t.offsets_, std::size_t{count} + 1);
    const auto& off = t.offsets_;
    if (off[0] != 0) throw Corrupt{std::string("section ") + tag + " has a wrong offset"};
    for (std::uint32_t i = 0; i < count; ++i)
        if (off[i + 1] < off[i])
            throw Corrupt{std::string("section ") + tag + " has a wrong offset"};
    r.column(t.chars_, off[count]);
}

void decode_body(const std::uint8_t* p, std::size_t n, Data& d) {
    Sections file(p, n);
    read_strings(file, kSections[0], d.strings);
    const std::uint32_t ns = d.strings.size();
    auto section = [&](const char* tag) { return file.next(tag); };
    auto count_of = [&](Reader& rd, std::size_t min_bytes, const char* tag) {
        return file.count(rd, min_bytes, tag);
    };

    Reader r = section(kSections[1]);
    d.ui.resize(count_of(r, 12, "UIST"));
    for (auto& u : d.ui) {
        u.key = r.u32();
        u.id = r.u32();
        u.en = r.u32();
        if (u.key >= ns || u.id >= ns || u.en >= ns)
            throw Corrupt{"a UI string names a string that does not exist"};
    }

    r = section(kSections[2]);
    d.provinces.resize(count_of(r, 20, "PROV"));
    if (d.provinces.size() >= kNone) throw Corrupt{"section PROV has a wrong count"};
    for (auto& pr : d.provinces) {
        pr.code = r.u32();
        pr.name = r.u32();
        pr.short_name = r.u32();
        pr.slug = r.u32();
        r.raw(&pr.col, 1);
        r.raw(&pr.row, 1);
        r.raw(&pr.regencies, 2);
        if (pr.code >= ns || pr.name >= ns || pr.short_name >= ns || pr.slug >= ns)
            throw Corrupt{"a province names a string that does not exist"};
    }

    auto named = [&](std::vector<Named>& list, const char* tag) {
        Reader rd = section(tag);
        list.resize(count_of(rd, 12, tag));
        if (list.size() > kMaxMaskValues)
            throw Corrupt{std::string("section ") + tag + " has a wrong count"};
        for (auto& x : list) {
            x.id = rd.u32();
            x.name = rd.u32();
            x.name_en = rd.u32();
            if (x.id >= ns || x.name >= ns || x.name_en >= ns)
                throw Corrupt{std::string("section ") + tag +
                              " names a string that does not exist"};
        }
    };
    named(d.sectors, kSections[3]);
    r = section(kSections[4]);
    d.sdgs.resize(count_of(r, 12, "SDGS"));
    for (auto& x : d.sdgs) {
        std::uint32_t number = r.u32();
        x.name = r.u32();
        x.name_en = r.u32();
        if (number < 1 || number > kMaxMaskValues) throw Corrupt{"an SDG has a wrong number"};
        x.number = static_cast<std::uint8_t>(number);
        if (x.name >= ns || x.name_en >= ns)
            throw Corrupt{"an SDG names a string that does not exist"};
    }
    named(d.programs, kSections[5]);

    r = section(kSections[6]);
    Innovations& in = d.innovations;
    std::size_t ni = count_of(r, 9, "INNO");  // at least 9 bytes a row
    r.column(in.province, ni);
    r.column(in.kind, ni);
    r.column(in.stage, ni);
    r.column(in.status, ni);
    r.column(in.year, ni);
    r.masks(in.sectors, ni);
    r.masks(in.sdgs, ni);
    r.masks(in.awards, ni);
    check_masks(in.sectors, d.sectors.size(), "a sector");
    check_masks(in.awards, d.programs.size(), "an award programme");
    check_provinces(in.province, d.provinces.size(), "an innovation");
    check_codes(in.kind, kKinds.size(), "an innovation's kind");
    check_codes(in.stage, kStages.size(), "an innovation's stage");
    check_codes(in.status, kStatuses.size(), "an innovation's status");

    r = section(kSections[7]);
    std::size_t nh = count_of(r, 16, "HUBS");
    r.column(d.hubs.id, nh);
    r.column(d.hubs.name, nh);
    r.column(d.hubs.decree, nh);
    r.column(d.hubs.kind, nh);
    r.column(d.hubs.province, nh);
    r.column(d.hubs.year, nh);
    check_strings(d.hubs.id, ns, "a hub");
    check_strings(d.hubs.name, ns, "a hub");
    check_strings(d.hubs.decree, ns, "a hub");
    check_codes(d.hubs.kind, kKinds.size(), "a hub's kind");
    check_provinces(d.hubs.province, d.provinces.size(), "a hub");

    r = section(kSections[8]);
    std::size_t nr = count_of(r, 8, "REPL");
    r.column(d.replications.innovation, nr);
    r.column(d.replications.to_province, nr);
    r.column(d.replications.status, nr);
    r.column(d.replications.year, nr);
    for (std::uint32_t i : d.replications.innovation)
        if (i >= ni) throw Corrupt{"a replication names an innovation that does not exist"};
    check_provinces(d.replications.to_province, d.provinces.size(), "a replication");
    check_codes(d.replications.status, kReplicationStatuses.size(), "a replication's status");

    r = section(kSections[9]);
    std::size_t ne = count_of(r, 4, "EVNT");
    r.column(d.events.province, ne);
    r.column(d.events.type, ne);
    r.column(d.events.year, ne);
    check_provinces(d.events.province, d.provinces.size(), "an event");
    check_codes(d.events.type, kEventTypes.size(), "an event's type");
    file.finish();
}

// Reads the texts file's body (at `body` in `file`) into `t`, which keeps the file.
void decode_texts_body(std::vector<std::uint8_t>& file, std::size_t body, std::size_t n,
                       std::size_t rows, Texts& t) {
    Sections sections(file.data() + body, n);
    read_strings(sections, kTextSections[0], t.agencies);
    Reader r = sections.next(kTextSections[1]);
    if (sections.count(r, 4, "INNT") != rows) throw Corrupt{"section INNT has a wrong count"};
    for (std::size_t c = 0; c < 3; ++c)
        t.starts[c] = static_cast<std::uint32_t>(r.string_column(rows, t.ends[c]) - file.data());
    t.agency.resize(rows);
    const std::uint32_t agencies = t.agencies.size();
    for (std::uint32_t& a : t.agency) {
        a = r.varint();
        if (a >= agencies) throw Corrupt{"an innovation names an agency that does not exist"};
    }
    if (!r.done()) throw Corrupt{"section INNT has bytes after its last column"};
    sections.finish();
    t.bytes = std::move(file);
}

// The words of one file's messages.
struct FileKind {
    const char* magic;
    const char* not_file;  // "this is not a Simpul dashboard data file"
    const char* noun;      // "dashboard data"
    const char* is;        // "is" / "are"
};
constexpr FileKind kFigures{kMagic, "this is not a Simpul dashboard data file", "dashboard data",
                            "is"};
constexpr FileKind kTexts{kTextsMagic, "this is not a Simpul dashboard texts file",
                          "dashboard texts", "are"};

// Checks the header; returns the body's size or sets `error`.
bool read_header(const FileKind& kind, const std::uint8_t* bytes, std::size_t size,
                 std::uint32_t& body, std::uint32_t& id, std::string& error) {
    if (size < kHeader || std::memcmp(bytes, kind.magic, 8) != 0) {
        error = kind.not_file;
        return false;
    }
    std::uint32_t version;
    std::memcpy(&version, bytes + 8, 4);
    std::memcpy(&body, bytes + 12, 4);
    std::memcpy(&id, bytes + 16, 4);
    if (version != kVersion) {
        error = std::string(kind.noun) + " version " + std::to_string(version) +
                " is not supported (this dashboard reads version " + std::to_string(kVersion) + ")";
        return false;
    }
    if (size - kHeader < body) {
        error = std::string(kind.noun) + " " + kind.is + " truncated: expected " +
                std::to_string(std::uint64_t{body} + kHeader) + " bytes, got " +
                std::to_string(size);
        return false;
    }
    return true;
}

std::string damaged(const FileKind& kind, const Corrupt& c) {
    return std::string(kind.noun) + " " + kind.is + " damaged: " + c.what;
}

}  // namespace

bool decode(const std::uint8_t* bytes, std::size_t size, Data& out, std::string& error) {
    out = Data{};
    std::uint32_t body, id;
    if (!read_header(kFigures, bytes, size, body, id, error)) return false;
    try {
        decode_body(bytes + kHeader, body, out);
    } catch (const Corrupt& c) {
        out = Data{};
        error = damaged(kFigures, c);
        return false;
    }
    out.file_id = id;
    return true;
}

bool decode_texts(std::vector<std::uint8_t> file, Data& d, std::string& error) {
    if (file.size() > std::numeric_limits<std::uint32_t>::max()) {  // the texts' offsets are u32
        error = "dashboard texts are damaged: the file is larger than 4 GB";
        return false;
    }
    std::uint32_t body, id;
    if (!read_header(kTexts, file.data(), file.size(), body, id, error)) return false;
    if (id != d.file_id) {
        error = "dashboard texts belong to another data file";
        return false;
    }
    Texts t;
    try {
        decode_texts_body(file, kHeader, body, d.innovations.size(), t);
    } catch (const Corrupt& c) {
        error = damaged(kTexts, c);
        return false;
    }
    t.loaded = true;
    d.texts = std::move(t);
    return true;
}

bool decode_texts(const std::uint8_t* bytes, std::size_t size, Data& d, std::string& error) {
    return decode_texts(std::vector<std::uint8_t>(bytes, bytes + size), d, error);
}

}  // namespace simpul::dash
