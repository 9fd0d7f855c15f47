// Encoding and decoding of the dashboard data file. Little-endian, sections in
// a fixed order, every index checked on decoding so a damaged file gives a
// message, never a crash. The conversion from the Catalogue: datafile_catalogue.cpp.
#include "datafile.hpp"

#include <algorithm>
#include <bit>
#include <cstring>
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

void sort_by_title(Data& d) {
    Innovations& in = d.innovations;
    in.by_title.resize(in.size());
    for (std::uint32_t i = 0; i < in.by_title.size(); ++i) in.by_title[i] = i;
    std::sort(in.by_title.begin(), in.by_title.end(), [&](std::uint32_t a, std::uint32_t b) {
        auto ta = d.str(in.title[a]), tb = d.str(in.title[b]);
        if (ta != tb) return ta < tb;
        return d.str(in.id[a]) < d.str(in.id[b]);
    });
}

// ---- encoding ---------------------------------------------------------------

namespace {

// Section tags, in file order.
constexpr std::array<const char*, 10> kSections = {"STRS", "UIST", "PROV", "SECT", "SDGS",
                                                   "PROG", "INNO", "HUBS", "REPL", "EVNT"};

class Writer {
  public:
    std::string out;
    void u32(std::uint32_t v) { raw(&v, 4); }
    void raw(const void* p, std::size_t n) { out.append(static_cast<const char*>(p), n); }
    template <class T>
    void column(const std::vector<T>& v) {
        raw(v.data(), v.size() * sizeof(T));
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

  private:
    std::size_t mark_ = 0;
};

}  // namespace

std::string encode(const Data& d) {
    Writer w;
    w.raw(kMagic, 8);
    w.u32(kVersion);
    w.u32(0);  // body size, filled in below

    w.begin_section(kSections[0]);
    w.u32(d.strings.size());
    w.column(d.strings.offsets_);
    w.column(d.strings.chars_);
    w.end_section();

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
    w.column(in.id);
    w.column(in.title);
    w.column(in.title_en);
    w.column(in.agency);
    w.column(in.province);
    w.column(in.kind);
    w.column(in.stage);
    w.column(in.status);
    w.column(in.year);
    w.column(in.sectors);
    w.column(in.sdgs);
    w.column(in.awards);
    w.column(in.by_title);
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

    std::uint32_t body = static_cast<std::uint32_t>(w.out.size() - 16);
    std::memcpy(&w.out[12], &body, 4);
    return std::move(w.out);
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
    template <class T>
    void column(std::vector<T>& v, std::size_t n) {
        if (static_cast<std::size_t>(end_ - p_) / sizeof(T) < n)
            throw Corrupt{std::string("section ") + section_ + " runs past its end"};
        v.resize(n);
        raw(v.data(), n * sizeof(T));
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

void check_codes(const std::vector<std::uint8_t>& v, std::size_t count, const char* what) {
    for (std::uint8_t c : v)
        if (c != kNone && c >= count) throw Corrupt{std::string(what) + " has an unknown code"};
}

void decode_body(const std::uint8_t* p, std::size_t n, Data& d) {
    std::size_t pos = 0;
    auto section = [&](const char* tag) -> Reader {
        if (n - pos < 8 || std::memcmp(p + pos, tag, 4) != 0)
            throw Corrupt{std::string("section ") + tag + " is missing"};
        std::uint32_t len;
        std::memcpy(&len, p + pos + 4, 4);
        pos += 8;
        if (n - pos < len)
            throw Corrupt{std::string("section ") + tag + " runs past the file's end"};
        Reader r(p + pos, len, tag);
        pos += len;
        return r;
    };

    Reader r = section(kSections[0]);
    std::uint32_t count = r.u32();
    if (count == 0xffffffffu) throw Corrupt{"section STRS has a wrong count"};
    r.column(d.strings.offsets_, std::size_t{count} + 1);
    const auto& off = d.strings.offsets_;
    if (off[0] != 0) throw Corrupt{"section STRS has a wrong offset"};
    for (std::uint32_t i = 0; i < count; ++i)
        if (off[i + 1] < off[i]) throw Corrupt{"section STRS has a wrong offset"};
    r.column(d.strings.chars_, off[count]);
    const std::uint32_t ns = count;

    auto count_of = [&](Reader& rd, std::size_t min_bytes, const char* tag) {
        std::uint32_t c = rd.u32();
        if (min_bytes && c > n / min_bytes)
            throw Corrupt{std::string("section ") + tag + " has a wrong count"};
        return c;
    };

    r = section(kSections[1]);
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
    std::size_t ni = count_of(r, 44, "INNO");
    r.column(in.id, ni);
    r.column(in.title, ni);
    r.column(in.title_en, ni);
    r.column(in.agency, ni);
    r.column(in.province, ni);
    r.column(in.kind, ni);
    r.column(in.stage, ni);
    r.column(in.status, ni);
    r.column(in.year, ni);
    r.column(in.sectors, ni);
    r.column(in.sdgs, ni);
    r.column(in.awards, ni);
    r.column(in.by_title, ni);
    check_strings(in.id, ns, "an innovation");
    check_strings(in.title, ns, "an innovation");
    check_strings(in.title_en, ns, "an innovation");
    check_strings(in.agency, ns, "an innovation");
    check_provinces(in.province, d.provinces.size(), "an innovation");
    check_codes(in.kind, kKinds.size(), "an innovation's kind");
    check_codes(in.stage, kStages.size(), "an innovation's stage");
    check_codes(in.status, kStatuses.size(), "an innovation's status");
    {
        std::vector<bool> seen(ni);
        for (std::uint32_t i : in.by_title) {
            if (i >= ni || seen[i]) throw Corrupt{"the title order is not a permutation"};
            seen[i] = true;
        }
    }

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
    if (pos != n) throw Corrupt{"unexpected bytes after the last section"};
}

}  // namespace

bool decode(const std::uint8_t* bytes, std::size_t size, Data& out, std::string& error) {
    out = Data{};
    if (size < 16 || std::memcmp(bytes, kMagic, 8) != 0) {
        error = "this is not a Simpul dashboard data file";
        return false;
    }
    std::uint32_t version, body;
    std::memcpy(&version, bytes + 8, 4);
    std::memcpy(&body, bytes + 12, 4);
    if (version != kVersion) {
        error = "dashboard data version " + std::to_string(version) +
                " is not supported (this dashboard reads version " + std::to_string(kVersion) + ")";
        return false;
    }
    if (size - 16 < body) {
        error = "dashboard data is truncated: expected " + std::to_string(std::size_t{body} + 16) +
                " bytes, got " + std::to_string(size);
        return false;
    }
    try {
        decode_body(bytes + 16, body, out);
    } catch (const Corrupt& c) {
        out = Data{};
        error = "dashboard data is damaged: " + c.what;
        return false;
    }
    return true;
}

}  // namespace simpul::dash
