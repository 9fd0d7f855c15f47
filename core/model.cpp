// Catalogue ordering and id look-ups.
#include "model.hpp"

#include <algorithm>

namespace simpul {
namespace {

template <class T, class Key>
void index_by(const std::vector<T>& items, Key key,
              std::unordered_map<std::string, std::size_t>& idx) {
    idx.clear();
    idx.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) idx.emplace(key(items[i]), i);
}

template <class T>
const T* find(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& idx,
              const std::string& key) {
    auto it = idx.find(key);
    return it == idx.end() ? nullptr : &items[it->second];
}

template <class T>
void sort_by_id(std::vector<T>& items) {
    auto by_id = [](const T& a, const T& b) { return a.id < b.id; };
    // Records come in file name order, which mostly is id order already.
    if (!std::is_sorted(items.begin(), items.end(), by_id))
        std::sort(items.begin(), items.end(), by_id);
}

}  // namespace

void Catalogue::finish() {
    std::sort(provinces.begin(), provinces.end(),
              [](const Province& a, const Province& b) { return a.code < b.code; });
    std::sort(sdgs.begin(), sdgs.end(),
              [](const Sdg& a, const Sdg& b) { return a.number < b.number; });
    sort_by_id(programs);
    sort_by_id(agencies);
    sort_by_id(innovations);
    sort_by_id(hubs);
    sort_by_id(replications);
    sort_by_id(events);
    sort_by_id(regulations);
    // Sectors keep the order of data/sectors.yaml: it is the editors' chosen order.

    index_by(
        provinces, [](const Province& p) { return p.code; }, province_idx_);
    index_by(
        sectors, [](const Sector& s) { return s.id; }, sector_idx_);
    index_by(
        programs, [](const Program& p) { return p.id; }, program_idx_);
    index_by(
        agencies, [](const Agency& a) { return a.id; }, agency_idx_);
    index_by(
        innovations, [](const Innovation& i) { return i.id; }, innovation_idx_);
    index_by(
        hubs, [](const Hub& h) { return h.id; }, hub_idx_);
    index_by(
        events, [](const Event& e) { return e.id; }, event_idx_);
    index_by(
        replications, [](const Replication& r) { return r.id; }, replication_idx_);
    index_by(
        regulations, [](const Regulation& r) { return r.id; }, regulation_idx_);
    replication_counts_.clear();
    for (const auto& r : replications) ++replication_counts_[r.innovation];
}

const Province* Catalogue::province(const std::string& code) const {
    return find(provinces, province_idx_, code);
}
const Sector* Catalogue::sector(const std::string& id) const {
    return find(sectors, sector_idx_, id);
}
const Sdg* Catalogue::sdg(int number) const {
    for (const auto& s : sdgs)
        if (s.number == number) return &s;
    return nullptr;
}
const Program* Catalogue::program(const std::string& id) const {
    return find(programs, program_idx_, id);
}
const Agency* Catalogue::agency(const std::string& id) const {
    return find(agencies, agency_idx_, id);
}
const Innovation* Catalogue::innovation(const std::string& id) const {
    return find(innovations, innovation_idx_, id);
}
const Hub* Catalogue::hub(const std::string& id) const {
    return find(hubs, hub_idx_, id);
}
const Event* Catalogue::event(const std::string& id) const {
    return find(events, event_idx_, id);
}
const Replication* Catalogue::replication(const std::string& id) const {
    return find(replications, replication_idx_, id);
}
const Regulation* Catalogue::regulation(const std::string& id) const {
    return find(regulations, regulation_idx_, id);
}

std::size_t Catalogue::replication_count(const std::string& id) const {
    auto it = replication_counts_.find(id);
    return it == replication_counts_.end() ? 0 : it->second;
}

std::string Catalogue::province_of(const Innovation& inn) const {
    if (!inn.province.empty()) return inn.province;
    const Agency* a = agency(inn.agency);
    return a ? a->province : std::string();
}

}  // namespace simpul
