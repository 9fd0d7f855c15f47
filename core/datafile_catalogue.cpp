// The dashboard's view of a Catalogue (dash::from_catalogue): records become
// columns, vocabularies become small codes and bit masks, strings go into the
// dictionary. Used by the generator and the tests; the app only decodes.
#include <algorithm>
#include <stdexcept>

#include "datafile.hpp"
#include "model.hpp"

namespace simpul::dash {

namespace {

template <std::size_t N>
std::uint8_t code_of(const std::array<const char*, N>& keys, const std::string& value) {
    for (std::size_t i = 0; i < N; ++i)
        if (value == keys[i]) return static_cast<std::uint8_t>(i);
    return kNone;
}

std::uint16_t year_of_date(const std::string& date) {
    if (date.size() < 4) return 0;
    int y = 0;
    for (int i = 0; i < 4; ++i) {
        if (date[i] < '0' || date[i] > '9') return 0;
        y = y * 10 + (date[i] - '0');
    }
    return static_cast<std::uint16_t>(y);
}

}  // namespace

Data from_catalogue(const Catalogue& cat,
                    const std::vector<std::pair<std::string, std::string>>& ui_id,
                    const std::vector<std::pair<std::string, std::string>>& ui_en) {
    Data d;
    StringTable& s = d.strings;
    s.add("");  // index 0: the empty string
    if (cat.provinces.size() >= kNone) throw std::length_error("more than 254 provinces");
    if (cat.sectors.size() > kMaxMaskValues) throw std::length_error("more than 32 sectors");
    if (cat.programs.size() > kMaxMaskValues) throw std::length_error("more than 32 programmes");

    // UI strings: every key of either language, Indonesian filling in for a missing English.
    std::vector<std::string> keys;
    for (const auto& [k, v] : ui_id) keys.push_back(k);
    for (const auto& [k, v] : ui_en) keys.push_back(k);
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto find = [](const std::vector<std::pair<std::string, std::string>>& list,
                   const std::string& key) -> const std::string* {
        for (const auto& [k, v] : list)
            if (k == key) return &v;
        return nullptr;
    };
    for (const auto& k : keys) {
        const std::string* id = find(ui_id, k);
        const std::string* en = find(ui_en, k);
        d.ui.push_back({s.add(k), s.add(id ? *id : en ? *en : k), s.add(en ? *en : *id)});
    }

    std::unordered_map<std::string, std::uint8_t> province_index;
    for (const auto& p : cat.provinces) {
        Province out;
        out.code = s.add(p.code);
        out.name = s.add(p.name);
        out.short_name = s.add(p.short_name.empty() ? p.name : p.short_name);
        out.slug = s.add(p.slug);
        out.col = static_cast<std::uint8_t>(std::clamp(p.tile_col, 0, 254));
        out.row = static_cast<std::uint8_t>(std::clamp(p.tile_row, 0, 254));
        out.regencies = p.kabupaten >= 0 && p.kota >= 0
                            ? static_cast<std::int16_t>(p.kabupaten + p.kota)
                            : std::int16_t{-1};
        province_index.emplace(p.code, static_cast<std::uint8_t>(d.provinces.size()));
        d.provinces.push_back(out);
    }
    auto province = [&](const std::string& code) -> std::uint8_t {
        auto it = province_index.find(code);
        return it == province_index.end() ? kNone : it->second;
    };
    for (const auto& x : cat.sectors)
        d.sectors.push_back({s.add(x.id), s.add(x.name), s.add(x.name_en)});
    for (const auto& x : cat.programs)
        d.programs.push_back({s.add(x.id), s.add(x.name), s.add(x.name_en)});
    for (const auto& x : cat.sdgs)
        if (x.number >= 1 && x.number <= 32)
            d.sdgs.push_back(
                {static_cast<std::uint8_t>(x.number), s.add(x.name), s.add(x.name_en)});

    Innovations& in = d.innovations;
    std::unordered_map<std::string, std::uint32_t> innovation_row;
    TextsBuilder texts;
    for (const auto& inn : cat.innovations) {
        innovation_row.emplace(inn.id, static_cast<std::uint32_t>(in.size()));
        const Agency* a = cat.agency(inn.agency);
        texts.add(inn.id, inn.title, inn.title_en, a ? a->name : inn.agency);
        in.province.push_back(province(cat.province_of(inn)));
        in.kind.push_back(a && a->level == "pusat" ? 1 : 0);
        in.stage.push_back(code_of(kStages, inn.stage));
        in.status.push_back(code_of(kStatuses, inn.status));
        in.year.push_back(static_cast<std::uint16_t>(std::clamp(inn.year, 0, 65535)));
        std::uint32_t sectors = 0, sdgs = 0, awards = 0;
        for (const auto& id : inn.sectors)
            for (std::size_t i = 0; i < cat.sectors.size(); ++i)
                if (cat.sectors[i].id == id) sectors |= 1u << i;
        for (int n : inn.sdgs)
            if (n >= 1 && n <= 32) sdgs |= 1u << (n - 1);
        for (const auto& aw : inn.awards)
            for (std::size_t i = 0; i < cat.programs.size(); ++i)
                if (cat.programs[i].id == aw.program) awards |= 1u << i;
        in.sectors.push_back(sectors);
        in.sdgs.push_back(sdgs);
        in.awards.push_back(awards);
    }
    d.texts = texts.build();

    for (const auto& h : cat.hubs) {
        d.hubs.id.push_back(s.add(h.id));
        d.hubs.name.push_back(s.add(h.name));
        d.hubs.decree.push_back(s.add(h.decree ? h.decree->number : std::string()));
        d.hubs.kind.push_back(code_of(kKinds, h.kind));
        std::string code = h.province;
        if (code.empty())
            if (const Agency* a = cat.agency(h.agency)) code = a->province;
        d.hubs.province.push_back(h.kind == "kl" ? kNone : province(code));
        d.hubs.year.push_back(static_cast<std::uint16_t>(std::clamp(h.established, 0, 65535)));
    }
    for (const auto& r : cat.replications) {
        auto it = innovation_row.find(r.innovation);
        if (it == innovation_row.end()) continue;  // validation forbids it; be safe
        const Agency* adopter = cat.agency(r.adopter);
        d.replications.innovation.push_back(it->second);
        d.replications.to_province.push_back(adopter ? province(adopter->province) : kNone);
        d.replications.status.push_back(code_of(kReplicationStatuses, r.status));
        d.replications.year.push_back(static_cast<std::uint16_t>(std::clamp(r.year, 0, 65535)));
    }
    for (const auto& e : cat.events) {
        std::string code = e.province;
        if (code.empty())
            if (const Hub* h = cat.hub(e.hub)) code = h->province;
        d.events.province.push_back(province(code));
        d.events.type.push_back(code_of(kEventTypes, e.type));
        d.events.year.push_back(year_of_date(e.date));
    }
    order_by_title(d);
    return d;
}

}  // namespace simpul::dash
