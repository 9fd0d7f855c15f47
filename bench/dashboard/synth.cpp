// Synthetic, deterministic data sets for the dashboard benchmark (never mixed
// into content/): N innovations over 38 provinces, 13 sectors, 17 SDGs, 3
// programmes, with hubs, replications (N/10) and events (N/50). Writes the
// dashboard's two data files (core/datafile: figures, texts), each also
// gzip-compressed by `simpul build`'s own gzip() (out.bin.gz, texts.bin.gz), and the same records
// as columnar JSON for crossfilter2 (in the order they were made; the data files hold them in title
// order, as the format wants: the benchmark compares counts, which do not depend on the order).
// Usage: synth N out.bin texts.bin out.json
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "datafile.hpp"
#include "gzip.hpp"

using namespace simpul::dash;

namespace {

void write(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary)
        .write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: synth N out.bin texts.bin out.json\n");
        return 2;
    }
    const std::size_t n = std::strtoul(argv[1], nullptr, 10);
    std::mt19937 rng(20240601);  // fixed seed: the same data on every machine
    auto pick = [&](std::uint32_t k) { return static_cast<std::uint32_t>(rng() % k); };

    Data d;
    StringTable& s = d.strings;
    s.add("");
    for (int p = 0; p < 38; ++p) {
        Province pr;
        pr.code = s.add(std::to_string(11 + p));
        pr.name = pr.short_name = s.add("Provinsi " + std::to_string(p + 1));
        pr.slug = s.add("provinsi-" + std::to_string(p + 1));
        pr.col = static_cast<std::uint8_t>(p % 12);
        pr.row = static_cast<std::uint8_t>(p / 12);
        pr.regencies = static_cast<std::int16_t>(5 + p % 30);
        d.provinces.push_back(pr);
    }
    for (int i = 0; i < 13; ++i)
        d.sectors.push_back({s.add("sektor-" + std::to_string(i)),
                             s.add("Sektor " + std::to_string(i)),
                             s.add("Sector " + std::to_string(i))});
    for (int i = 1; i <= 17; ++i)
        d.sdgs.push_back({static_cast<std::uint8_t>(i), s.add("SDG " + std::to_string(i)), 0});
    for (const char* p : {"iga", "kipp", "labinov"})
        d.programs.push_back({s.add(p), s.add(p), s.add(p)});
    TextsBuilder rows;

    Innovations& in = d.innovations;
    std::ofstream json(argv[4]);
    std::string province, kind, year, stage, status, sectors, sdgs, awards, title;
    auto list = [](std::uint32_t mask, int offset) {
        std::string out = "[";
        for (int b = 0; b < 32; ++b)
            if (mask >> b & 1) out += (out.size() > 1 ? "," : "") + std::to_string(b + offset);
        return out + "]";
    };
    for (std::size_t i = 0; i < n; ++i) {
        char id[32];
        std::snprintf(id, sizeof id, "%07zu", i);
        std::string t = "Inovasi " + std::to_string(pick(1000000)) + " " + id;
        const bool central = pick(10) == 0;
        rows.add(std::string("inovasi-") + id, t, "", "Instansi " + std::to_string(pick(600)));
        in.kind.push_back(central ? 1 : 0);
        // Skewed: Java's provinces hold more innovations, as in the real catalogue.
        std::uint8_t p =
            central ? kNone : static_cast<std::uint8_t>(pick(3) == 0 ? 10 + pick(6) : pick(38));
        in.province.push_back(p);
        in.year.push_back(static_cast<std::uint16_t>(pick(20) == 0 ? 0 : 2005 + pick(20)));
        in.stage.push_back(static_cast<std::uint8_t>(pick(8) == 0 ? kNone : pick(3)));
        in.status.push_back(static_cast<std::uint8_t>(pick(4) == 0 ? kNone : pick(2)));
        std::uint32_t sec = 1u << pick(13);
        if (pick(3) == 0) sec |= 1u << pick(13);
        std::uint32_t sdg = pick(4) == 0 ? 0 : (1u << pick(17)) | (pick(2) ? 1u << pick(17) : 0);
        std::uint32_t aw = pick(5) == 0 ? (1u << pick(3)) : 0;
        in.sectors.push_back(sec);
        in.sdgs.push_back(sdg);
        in.awards.push_back(aw);
        const char* sep = i ? "," : "";
        province += sep + std::to_string(p);
        kind += sep + std::to_string(in.kind.back());
        year += sep + std::to_string(in.year.back());
        stage += sep + std::to_string(in.stage.back());
        status += sep + std::to_string(in.status.back());
        sectors += sep + list(sec, 0);
        sdgs += sep + list(sdg, 1);
        awards += sep + list(aw, 0);
        title += std::string(sep) + "\"" + t + "\"";
    }
    d.texts = rows.build();
    order_by_title(d);
    for (int h = 0; h < 54; ++h) {
        d.hubs.id.push_back(s.add("hub-" + std::to_string(h)));
        d.hubs.name.push_back(s.add("Hub " + std::to_string(h)));
        d.hubs.decree.push_back(0);
        d.hubs.kind.push_back(h < 36 ? 0 : 1);
        d.hubs.province.push_back(h < 36 ? static_cast<std::uint8_t>(h) : kNone);
        d.hubs.year.push_back(static_cast<std::uint16_t>(2016 + h % 9));
    }
    for (std::size_t r = 0; r < n / 10; ++r) {
        d.replications.innovation.push_back(pick(static_cast<std::uint32_t>(n)));
        d.replications.to_province.push_back(static_cast<std::uint8_t>(pick(38)));
        d.replications.status.push_back(static_cast<std::uint8_t>(pick(3)));
        d.replications.year.push_back(static_cast<std::uint16_t>(2010 + pick(15)));
    }
    for (std::size_t e = 0; e < n / 50; ++e) {
        d.events.province.push_back(static_cast<std::uint8_t>(pick(38)));
        d.events.type.push_back(static_cast<std::uint8_t>(pick(4)));
        d.events.year.push_back(static_cast<std::uint16_t>(2016 + pick(9)));
    }
    std::string bytes = encode(d), texts = encode_texts(d);
    write(argv[2], bytes);
    write(argv[3], texts);
    write(std::string(argv[2]) + ".gz", simpul::gen::gzip(bytes));
    write(std::string(argv[3]) + ".gz", simpul::gen::gzip(texts));
    json << "{\"province\":[" << province << "],\"kind\":[" << kind << "],\"year\":[" << year
         << "],\"stage\":[" << stage << "],\"status\":[" << status << "],\"sectors\":[" << sectors
         << "],\"sdgs\":[" << sdgs << "],\"awards\":[" << awards << "],\"title\":[" << title
         << "]}\n";
    std::printf("%zu innovations: %s %zu bytes, %s %zu bytes\n", n, argv[2], bytes.size(), argv[3],
                texts.size());
    return 0;
}
