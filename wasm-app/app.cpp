// App state and actions: every change goes through changed(), which recomputes
// the cross-filter, refreshes the explorer rows and asks the platform to write
// the new URL hash. Plain C++: compiled into the app and into the frame tests.
#include "app.hpp"

#include "gunzip.hpp"
#include "url.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace simpul::dash {

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

namespace {

const std::array<const char*, 4> kMeasures = {"innovations", "rate", "hubs", "replications"};
const std::array<const char*, 5> kSorts = {"title", "agency", "province", "year", "stage"};

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find(sep, start);
        if (end == std::string_view::npos) end = s.size();
        if (end > start) out.emplace_back(s.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

bool contains_folded(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return true;
    auto fold = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (needle.size() > hay.size()) return false;
    for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
        std::size_t j = 0;
        while (j < needle.size() && fold(hay[i + j]) == fold(needle[j])) ++j;
        if (j == needle.size()) return true;
    }
    return false;
}

}  // namespace

bool read_figures(const std::uint8_t* bytes, std::size_t size, Data& out, std::string& error,
                  double* inflate_ms) {
    std::span<const std::uint8_t> file(bytes, size);
    std::vector<std::uint8_t> inflated;
    double start = now_ms();
    bool ok = inflate_if_gzip(file, inflated);
    if (inflate_ms) *inflate_ms = now_ms() - start;
    if (!ok) {
        error = "dashboard data is damaged: not valid gzip";
        return false;
    }
    return decode(file.data(), file.size(), out, error);
}

App::App(Data data, std::string lang)
    : data_(std::make_unique<Data>(std::move(data))), engine_(*data_), lang_(std::move(lang)) {
    const Data& d = *data_;
    for (const auto& u : d.ui)
        strings_[std::string(d.str(u.key))] = std::string(d.str(lang_ == "en" ? u.en : u.id));
    if (d.texts.loaded) index_texts();
    recompute();
}

bool App::load_texts(const std::uint8_t* bytes, std::size_t size) {
    std::span<const std::uint8_t> file(bytes, size);
    std::vector<std::uint8_t> owned;  // the file, inflated (or copied): the texts keep it
    double start = now_ms();
    bool inflated = inflate_if_gzip(file, owned);
    texts_inflate_ms = now_ms() - start;
    if (!inflated) {
        texts_error_ = "dashboard texts are damaged: not valid gzip";
        return false;
    }
    if (file.data() != owned.data()) owned.assign(file.begin(), file.end());  // came inflated
    if (!decode_texts(std::move(owned), *data_, texts_error_)) return false;
    texts_error_.clear();
    index_texts();
    refresh_rows();  // the text filter and the agency order need the texts; the figures do not
    return true;
}

void App::index_texts() {
    // Agencies in name order, for sorting the explorer by agency in one pass.
    const StringTable& names = data_->texts.agencies;
    std::vector<std::uint32_t> agencies(names.size());
    for (std::uint32_t a = 0; a < agencies.size(); ++a) agencies[a] = a;
    std::sort(agencies.begin(), agencies.end(),
              [&](std::uint32_t a, std::uint32_t b) { return names.at(a) < names.at(b); });
    agency_rank_.assign(names.size(), 0);
    for (std::size_t i = 0; i < agencies.size(); ++i)
        agency_rank_[agencies[i]] = static_cast<std::uint32_t>(i);
}

// ---- actions -------------------------------------------------------------------

void App::changed() {
    recompute();
    requests_.push_history = true;
}

void App::recompute() {
    double start = now_ms();
    engine_.compute(filter_, result_);
    refresh_rows();
    last_compute_ms = now_ms() - start;
}

void App::refresh_rows() {
    const Data& d = *data_;
    const Innovations& in = d.innovations;
    const Texts& t = d.texts;
    rows_.clear();
    if (search_.empty() || !t.loaded) {  // the text filter waits for the texts
        rows_ = result_.selected;
    } else {
        for (std::uint32_t i : result_.selected) {
            bool en = lang_ == "en" && !t.title_en(i).empty();
            if (contains_folded(en ? t.title_en(i) : t.title(i), search_) ||
                contains_folded(t.agency_name(i), search_))
                rows_.push_back(i);
        }
    }
    // rows_ is in title order; other columns: a stable bucket sort on a small key.
    auto bucket_sort = [&](auto key, std::size_t buckets) {
        std::vector<std::uint32_t> count(buckets + 1, 0);
        for (std::uint32_t i : rows_) ++count[key(i) + 1];
        for (std::size_t b = 1; b <= buckets; ++b) count[b] += count[b - 1];
        std::vector<std::uint32_t> out(rows_.size());
        for (std::uint32_t i : rows_) out[count[key(i)]++] = i;
        rows_.swap(out);
    };
    switch (sort_) {
        case SortColumn::Title:
            break;
        case SortColumn::Agency:
            if (t.loaded)
                bucket_sort([&](std::uint32_t i) { return agency_rank_[t.agency[i]]; },
                            agency_rank_.size());
            break;
        case SortColumn::Province:
            bucket_sort([&](std::uint32_t i) { return std::uint32_t{in.province[i]}; }, 256);
            break;
        case SortColumn::Year: {
            int span = result_.year_max - result_.year_min + 2;
            bucket_sort(
                [&](std::uint32_t i) {
                    return in.year[i] ? std::uint32_t(in.year[i] - result_.year_min + 1) : 0u;
                },
                static_cast<std::size_t>(std::max(span, 1)));
            break;
        }
        case SortColumn::Stage:
            bucket_sort([&](std::uint32_t i) { return std::uint32_t{in.stage[i]}; }, 256);
            break;
    }
    if (descending_) std::reverse(rows_.begin(), rows_.end());
}

void App::toggle(Dim d, std::uint32_t value) {
    filter_.toggle(d, value);
    changed();
}

void App::clear(Dim d) {
    filter_.clear(d);
    changed();
}

void App::reset() {
    filter_.clear();
    search_.clear();
    changed();
}

void App::set_measure(Measure m) {
    measure_ = m;
    requests_.push_history = true;
}

void App::set_sort(SortColumn c, bool descending) {
    if (c == sort_ && descending == descending_) return;
    sort_ = c;
    descending_ = descending;
    refresh_rows();
    requests_.replace_history = true;
}

void App::set_search(const std::string& text) {
    if (text == search_) return;
    search_ = text;
    refresh_rows();
    requests_.replace_history = true;
}

void App::request_csv() {
    if (!has_texts()) return;
    requests_.download_name = tr("csv_file");
    requests_.download_text = csv();
}

void App::request_open(std::uint32_t row) {
    // The dashboard is dasbor/ (or en/dasbor/): the innovation pages are beside it.
    if (!has_texts()) return;
    requests_.open_url = "../inovasi/" + std::string(data_->texts.id(row)) + "/index.html";
}

Requests App::take_requests() {
    Requests r = std::move(requests_);
    requests_ = Requests{};
    return r;
}

// ---- URL hash --------------------------------------------------------------------

std::string App::to_hash() const {
    const Data& d = *data_;
    std::string out;
    auto add = [&](const std::string& key, const std::string& value) {
        out += out.empty() ? "#" : "&";
        out += key + "=" + value;
    };
    for (std::size_t di = 0; di < kDims; ++di) {
        Dim dim = static_cast<Dim>(di);
        if (!filter_.active(dim)) continue;
        std::string list;
        for (std::uint32_t v : filter_.values(dim)) {
            std::string id;
            switch (dim) {
                case Dim::Province:
                    id = v < d.provinces.size() ? std::string(d.str(d.provinces[v].code)) : "";
                    break;
                case Dim::Sector:
                    id = v < d.sectors.size() ? std::string(d.str(d.sectors[v].id)) : "";
                    break;
                case Dim::Award:
                    id = v < d.programs.size() ? std::string(d.str(d.programs[v].id)) : "";
                    break;
                case Dim::Stage:
                    id = v < kStages.size() ? kStages[v] : "";
                    break;
                case Dim::Status:
                    id = v < kStatuses.size() ? kStatuses[v] : "";
                    break;
                case Dim::Kind:
                    id = v < kKinds.size() ? kKinds[v] : "";
                    break;
                case Dim::Sdg:
                case Dim::Year:
                    id = std::to_string(v);
                    break;
            }
            if (id.empty()) continue;
            if (!list.empty()) list += ",";
            list += percent_encode(id);
        }
        if (!list.empty()) add(kDimNames[di], list);
    }
    if (measure_ != Measure::Innovations) add("m", kMeasures[static_cast<int>(measure_)]);
    if (sort_ != SortColumn::Title || descending_)
        add("sort", std::string(kSorts[static_cast<int>(sort_)]) + (descending_ ? "-" : ""));
    if (!search_.empty()) add("q", percent_encode(search_));
    return out;
}

void App::from_hash(const std::string& hash) {
    const Data& d = *data_;
    Filter f;
    Measure m = Measure::Innovations;
    SortColumn sort = SortColumn::Title;
    bool desc = false;
    std::string q;
    std::string_view h = hash;
    if (!h.empty() && h[0] == '#') h.remove_prefix(1);
    for (const auto& pair : split(h, '&')) {
        auto eq = pair.find('=');
        if (eq == std::string::npos) continue;
        std::string key = pair.substr(0, eq), value = pair.substr(eq + 1);
        if (key == "m") {
            for (std::size_t i = 0; i < kMeasures.size(); ++i)
                if (value == kMeasures[i]) m = static_cast<Measure>(i);
            continue;
        }
        if (key == "sort") {
            desc = !value.empty() && value.back() == '-';
            if (desc) value.pop_back();
            for (std::size_t i = 0; i < kSorts.size(); ++i)
                if (value == kSorts[i]) sort = static_cast<SortColumn>(i);
            continue;
        }
        if (key == "q") {
            q = percent_decode(value);
            continue;
        }
        for (std::size_t di = 0; di < kDims; ++di) {
            if (key != kDimNames[di]) continue;
            Dim dim = static_cast<Dim>(di);
            std::vector<std::uint32_t> values;
            for (const auto& raw : split(value, ',')) {
                std::string id = percent_decode(raw);
                auto find_str = [&](auto& list, auto member) {
                    for (std::size_t i = 0; i < list.size(); ++i)
                        if (d.str(list[i].*member) == id)
                            values.push_back(static_cast<std::uint32_t>(i));
                };
                auto find_key = [&](const auto& keys) {
                    for (std::size_t i = 0; i < keys.size(); ++i)
                        if (id == keys[i]) values.push_back(static_cast<std::uint32_t>(i));
                };
                switch (dim) {
                    case Dim::Province:
                        find_str(d.provinces, &Province::code);
                        break;
                    case Dim::Sector:
                        find_str(d.sectors, &Named::id);
                        break;
                    case Dim::Award:
                        find_str(d.programs, &Named::id);
                        break;
                    case Dim::Stage:
                        find_key(kStages);
                        break;
                    case Dim::Status:
                        find_key(kStatuses);
                        break;
                    case Dim::Kind:
                        find_key(kKinds);
                        break;
                    case Dim::Sdg:
                    case Dim::Year: {
                        char* end = nullptr;
                        unsigned long v = std::strtoul(id.c_str(), &end, 10);
                        if (end && *end == '\0' && !id.empty() && v < 100000)
                            values.push_back(static_cast<std::uint32_t>(v));
                        break;
                    }
                }
            }
            f.set(dim, values);
        }
    }
    bool rows_only = f == filter_;
    filter_ = f;
    measure_ = m;
    sort_ = sort;
    descending_ = desc;
    search_ = q;
    if (rows_only)
        refresh_rows();
    else
        recompute();
}

// ---- texts -------------------------------------------------------------------------

std::string App::tr(const std::string& key) const {
    auto it = strings_.find(key);
    return it == strings_.end() ? key : it->second;
}

std::string App::province_name(std::uint8_t index) const {
    if (index >= data_->provinces.size()) return tr("unknown");
    return std::string(data_->str(data_->provinces[index].name));
}

std::string App::value_label(Dim dim, std::uint32_t v) const {
    const Data& d = *data_;
    bool en = lang_ == "en";
    auto named = [&](const std::vector<Named>& list) {
        if (v >= list.size()) return tr("unknown");
        auto name = d.str(en && !d.str(list[v].name_en).empty() ? list[v].name_en : list[v].name);
        return std::string(name.empty() ? d.str(list[v].id) : name);
    };
    switch (dim) {
        case Dim::Province:
            return province_name(static_cast<std::uint8_t>(std::min<std::uint32_t>(v, 255)));
        case Dim::Sector:
            return named(d.sectors);
        case Dim::Award:
            return named(d.programs);
        case Dim::Sdg:
            for (const auto& s : d.sdgs)
                if (s.number == v)
                    return std::to_string(v) + ". " +
                           std::string(d.str(en && !d.str(s.name_en).empty() ? s.name_en : s.name));
            return "SDG " + std::to_string(v);
        case Dim::Stage:
            return v < kStages.size() ? tr(std::string("stage.") + kStages[v]) : tr("unknown");
        case Dim::Status:
            return v < kStatuses.size() ? tr(std::string("status.") + kStatuses[v]) : tr("unknown");
        case Dim::Kind:
            return v < kKinds.size() ? tr(std::string("kind.") + kKinds[v]) : tr("unknown");
        case Dim::Year:
            return std::to_string(v);
    }
    return {};
}

std::string App::title(std::uint32_t row) const {
    const Texts& t = data_->texts;
    if (!t.loaded) return {};
    if (lang_ == "en" && !t.title_en(row).empty()) return std::string(t.title_en(row));
    return std::string(t.title(row));
}

std::string App::number(double n, int decimals) const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(n));
    std::string s = buf, frac;
    if (auto dot = s.find('.'); dot != std::string::npos) {
        frac = s.substr(dot + 1);
        s = s.substr(0, dot);
    }
    const char* thousands = lang_ == "en" ? "," : ".";
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i > 0 && (s.size() - i) % 3 == 0) out += thousands;
        out += s[i];
    }
    if (!frac.empty()) out += (lang_ == "en" ? "." : ",") + frac;
    return (n < 0 ? "-" : "") + out;
}

}  // namespace simpul::dash
