// The cross-filter pass. Per innovation, one byte of "rejected by dimension d"
// bits: rows rejected by no dimension count everywhere, rows rejected by exactly
// one dimension count only in that dimension's groups (crossfilter's rule).
#include "filter.hpp"

#include <algorithm>
#include <bit>

namespace simpul::dash {

bool Filter::has(Dim d, std::uint32_t v) const {
    const auto& s = sel_[index(d)];
    return std::binary_search(s.begin(), s.end(), v);
}

bool Filter::empty() const {
    for (const auto& s : sel_)
        if (!s.empty()) return false;
    return true;
}

void Filter::toggle(Dim d, std::uint32_t v) {
    auto& s = sel_[index(d)];
    auto it = std::lower_bound(s.begin(), s.end(), v);
    if (it != s.end() && *it == v)
        s.erase(it);
    else
        s.insert(it, v);
}

void Filter::set(Dim d, std::vector<std::uint32_t> values) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    sel_[index(d)] = std::move(values);
}

double rate_per_regency(const Data& d, std::size_t province, std::uint32_t count) {
    if (province >= d.provinces.size() || d.provinces[province].regencies <= 0) return -1;
    return static_cast<double>(count) / d.provinces[province].regencies;
}

Engine::Engine(const Data& data) : data_(data) {
    auto widen = [&](const std::vector<std::uint16_t>& years) {
        for (std::uint16_t y : years) {
            if (y == 0) continue;
            if (year_max_ < year_min_) year_min_ = year_max_ = y;
            year_min_ = std::min<int>(year_min_, y);
            year_max_ = std::max<int>(year_max_, y);
        }
    };
    widen(data.innovations.year);
    widen(data.hubs.year);
    widen(data.replications.year);
    widen(data.events.year);
}

namespace {

constexpr std::uint8_t bit(Dim d) {
    return static_cast<std::uint8_t>(1u << static_cast<int>(d));
}

// A table of accepted small codes (index 255 = unknown, never accepted).
struct Accept {
    bool active = false;
    std::array<bool, 256> ok{};
    void load(const std::vector<std::uint32_t>& values) {
        active = !values.empty();
        ok.fill(false);
        for (std::uint32_t v : values)
            if (v < 255) ok[v] = true;
    }
    bool rejects(std::uint8_t v) const { return active && !ok[v]; }
};

struct Mask {
    bool active = false;
    std::uint32_t bits = 0;
    void load(const std::vector<std::uint32_t>& values, std::uint32_t offset) {
        active = !values.empty();
        bits = 0;
        for (std::uint32_t v : values)
            if (v >= offset && v - offset < 32) bits |= 1u << (v - offset);
    }
    bool rejects(std::uint32_t v) const { return active && !(v & bits); }
};

struct Years {
    bool active = false;
    int min = 0;
    std::vector<std::uint8_t> ok;
    void load(const std::vector<std::uint32_t>& values, int year_min, int year_max) {
        active = !values.empty();
        min = year_min;
        ok.assign(year_max >= year_min ? year_max - year_min + 1 : 0, 0);
        for (std::uint32_t v : values)
            if (static_cast<int>(v) >= year_min && static_cast<int>(v) <= year_max)
                ok[v - year_min] = 1;
    }
    bool rejects(std::uint16_t y) const {
        if (!active) return false;
        int i = static_cast<int>(y) - min;
        return y == 0 || i < 0 || i >= static_cast<int>(ok.size()) || !ok[i];
    }
};

void reset(std::vector<std::uint32_t>& v, std::size_t n) {
    v.assign(n, 0);
}

}  // namespace

void Engine::compute(const Filter& filter, Result& out) {
    const Data& d = data_;
    const Innovations& in = d.innovations;
    const std::size_t np = d.provinces.size();

    Accept prov, stage, status, kind;
    prov.load(filter.values(Dim::Province));
    stage.load(filter.values(Dim::Stage));
    status.load(filter.values(Dim::Status));
    kind.load(filter.values(Dim::Kind));
    Mask sector, sdg, award;
    sector.load(filter.values(Dim::Sector), 0);
    sdg.load(filter.values(Dim::Sdg), 1);
    award.load(filter.values(Dim::Award), 0);
    Years years;
    years.load(filter.values(Dim::Year), year_min_, year_max_);

    auto& g = out.groups;
    reset(g[0], np);
    reset(g[1], d.sectors.size());
    reset(g[2], 33);
    reset(g[3], kStages.size());
    reset(g[4], kStatuses.size());
    reset(g[5], year_max_ >= year_min_ ? year_max_ - year_min_ + 1 : 0);
    reset(g[6], d.programs.size());
    reset(g[7], kKinds.size());
    out.year_min = year_min_;
    out.year_max = year_max_;
    std::uint32_t* gp = g[0].data();
    std::uint32_t* gsec = g[1].data();
    std::uint32_t* gsdg = g[2].data();
    std::uint32_t* gstage = g[3].data();
    std::uint32_t* gstatus = g[4].data();
    std::uint32_t* gyear = g[5].data();
    std::uint32_t* gaward = g[6].data();
    std::uint32_t* gkind = g[7].data();
    const int ymin = year_min_;

    std::vector<std::uint8_t> covered(np, 0);
    const std::size_t n = in.size();
    pass_.resize(n);
    std::uint32_t selected = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t p = in.province[i], st = in.stage[i], su = in.status[i], k = in.kind[i];
        const std::uint16_t y = in.year[i];
        const std::uint32_t sec = in.sectors[i], sd = in.sdgs[i], aw = in.awards[i];
        std::uint8_t f = 0;
        if (prov.rejects(p)) f |= bit(Dim::Province);
        if (sector.rejects(sec)) f |= bit(Dim::Sector);
        if (sdg.rejects(sd)) f |= bit(Dim::Sdg);
        if (stage.rejects(st)) f |= bit(Dim::Stage);
        if (status.rejects(su)) f |= bit(Dim::Status);
        if (years.rejects(y)) f |= bit(Dim::Year);
        if (award.rejects(aw)) f |= bit(Dim::Award);
        if (kind.rejects(k)) f |= bit(Dim::Kind);
        pass_[i] = f;
        if (f & (f - 1)) continue;    // rejected by two dimensions or more: counts nowhere
        const std::uint8_t only = f;  // 0: counts everywhere
        if (!only) {
            ++selected;
            if (p != kNone) covered[p] = 1;
        }
        if ((!only || only == bit(Dim::Province)) && p != kNone) ++gp[p];
        if (!only || only == bit(Dim::Sector))
            for (std::uint32_t m = sec; m; m &= m - 1) ++gsec[std::countr_zero(m)];
        if (!only || only == bit(Dim::Sdg))
            for (std::uint32_t m = sd; m; m &= m - 1) ++gsdg[std::countr_zero(m) + 1];
        if ((!only || only == bit(Dim::Stage)) && st != kNone) ++gstage[st];
        if ((!only || only == bit(Dim::Status)) && su != kNone) ++gstatus[su];
        if ((!only || only == bit(Dim::Year)) && y != 0) ++gyear[y - ymin];
        if (!only || only == bit(Dim::Award))
            for (std::uint32_t m = aw; m; m &= m - 1) ++gaward[std::countr_zero(m)];
        if ((!only || only == bit(Dim::Kind)) && k != kNone) ++gkind[k];
    }
    out.innovations = selected;
    out.selected.clear();
    out.selected.reserve(selected);
    for (std::uint32_t i = 0; i < n; ++i)  // rows are in title order
        if (pass_[i] == 0) out.selected.push_back(i);

    // Hubs: province, year and kind.
    const Hubs& h = d.hubs;
    out.hubs = out.hubs_daerah = out.hubs_kl = 0;
    reset(out.hubs_by_province, np);
    int hmin = 0, hmax = -1;
    for (std::uint16_t y : h.year) {
        if (hmax < hmin) hmin = hmax = y;
        hmin = std::min<int>(hmin, y);
        hmax = std::max<int>(hmax, y);
    }
    out.hubs_per_year.clear();
    for (int y = hmin; y <= hmax; ++y) out.hubs_per_year.push_back({y});
    for (std::size_t i = 0; i < h.size(); ++i) {
        std::uint8_t f = 0;
        if (prov.rejects(h.province[i])) f |= bit(Dim::Province);
        if (years.rejects(h.year[i])) f |= bit(Dim::Year);
        if (kind.rejects(h.kind[i])) f |= bit(Dim::Kind);
        const bool kl = h.kind[i] == 1;
        if (f == 0) {
            ++out.hubs;
            ++(kl ? out.hubs_kl : out.hubs_daerah);
            if (h.province[i] != kNone) covered[h.province[i]] = 1;
        }
        if ((f & ~bit(Dim::Province)) == 0 && h.province[i] != kNone)
            ++out.hubs_by_province[h.province[i]];
        if ((f & ~bit(Dim::Year)) == 0 && !out.hubs_per_year.empty()) {
            auto& row = out.hubs_per_year[h.year[i] - hmin];
            ++(kl ? row.kl : row.daerah);
        }
    }
    std::uint32_t cd = 0, ck = 0;
    for (auto& row : out.hubs_per_year) {
        row.cumulative_daerah = cd += row.daerah;
        row.cumulative_kl = ck += row.kl;
    }

    // Replications: their innovation's filters (but province and year), their own
    // year, and the province on either side.
    const Replications& r = d.replications;
    const std::uint8_t own = bit(Dim::Province) | bit(Dim::Year);
    out.replications = 0;
    reset(out.replications_in, np);
    std::vector<std::uint32_t> matrix(np * np, 0);
    for (std::size_t i = 0; i < r.size(); ++i) {
        const std::uint32_t inn = r.innovation[i];
        if (pass_[inn] & ~own) continue;
        if (years.rejects(r.year[i])) continue;
        const std::uint8_t from = in.province[inn], to = r.to_province[i];
        if (to != kNone) ++out.replications_in[to];
        if (prov.active && !(from != kNone && prov.ok[from]) && !(to != kNone && prov.ok[to]))
            continue;
        ++out.replications;
        if (from != kNone && to != kNone) ++matrix[from * np + to];
    }
    out.flows.clear();
    for (std::size_t a = 0; a < np; ++a)
        for (std::size_t b = 0; b < np; ++b)
            if (std::uint32_t c = matrix[a * np + b])
                out.flows.push_back(
                    {static_cast<std::uint8_t>(a), static_cast<std::uint8_t>(b), c});
    std::stable_sort(out.flows.begin(), out.flows.end(),
                     [](const Flow& x, const Flow& y) { return x.count > y.count; });

    // Events: province and year.
    const Events& e = d.events;
    out.events = 0;
    for (std::size_t i = 0; i < e.size(); ++i)
        if (!prov.rejects(e.province[i]) && !years.rejects(e.year[i])) ++out.events;

    out.provinces_covered = 0;
    for (std::uint8_t c : covered) out.provinces_covered += c;
}

}  // namespace simpul::dash
