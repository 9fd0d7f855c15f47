// Decoding the dashboard's two data files (figures, texts), written by
// datafile.cpp: every section, index and code is checked, so a damaged or
// foreign file gives a message naming what is wrong, never a crash.
#include <algorithm>
#include <cstring>
#include <limits>
#include <stdexcept>

#include "datafile.hpp"

namespace simpul::dash {

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
