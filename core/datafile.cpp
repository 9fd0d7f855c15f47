// Encoding the dashboard's two data files (figures, texts): little-endian,
// sections in a fixed order. The conversion from the Catalogue is in
// datafile_catalogue.cpp, the decoding (every index checked) in datafile_decode.cpp.
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

namespace {

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

}  // namespace simpul::dash
