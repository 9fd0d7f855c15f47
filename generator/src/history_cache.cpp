// The history cache's file: the HistoryMemory as CBOR (nlohmann::json's
// encoding), {"layout", "key", "records": [[path, first published, last
// changed, change count, [[date, summary, commit], ...]], ...]}. Anything that
// is not exactly that shape makes the whole file ignored.
#include <nlohmann/json.hpp>

#include <algorithm>

#include "history.hpp"
#include "pieces.hpp"
#include "write.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {
// Changed with the file's shape or with what a history holds (kMaxChanges).
constexpr int kLayout = 1 * 1000 + static_cast<int>(kMaxChanges);
}  // namespace

fs::path history_cache_path(const fs::path& out) {
    return beside_output(out, ".history-cache");
}

HistoryMemory read_history_cache(const fs::path& file) {
    std::string bytes;
    if (read_regular_file(file, bytes) != ReadResult::Ok) return {};
    HistoryMemory m;
    try {
        // (Even without exceptions, a length past what can be had throws.)
        const json j = json::from_cbor(bytes, /*strict=*/true, /*allow_exceptions=*/false);
        if (!j.is_object() || j.at("layout").get<int>() != kLayout) return {};
        m.key = j.at("key").get<std::string>();
        for (const json& r : j.at("records")) {
            RecordHistory h;
            h.first_published = r.at(1).get<std::string>();
            h.last_changed = r.at(2).get<std::string>();
            h.change_count = r.at(3).get<std::size_t>();
            if (r.size() != 5 || r.at(4).size() > std::min(kMaxChanges, h.change_count)) return {};
            for (const json& c : r.at(4))
                h.changes.push_back({c.at(0).get<std::string>(), c.at(1).get<std::string>(),
                                     c.at(2).get<std::string>()});
            m.history.emplace(r.at(0).get<std::string>(), std::move(h));
        }
    } catch (const std::exception&) {
        return {};
    }
    return m;
}

void save_history_cache(const fs::path& file, const HistoryMemory& memory) try {
    json records = json::array();
    for (const auto& [path, h] : memory.history) {
        json changes = json::array();
        for (const auto& c : h.changes) changes.push_back({c.date, c.summary, c.commit});
        records.push_back({path, h.first_published, h.last_changed, h.change_count, changes});
    }
    const json j = {{"layout", kLayout}, {"key", memory.key}, {"records", records}};
    const std::vector<std::uint8_t> bytes = json::to_cbor(j);
    save_beside_output(file, std::string(bytes.begin(), bytes.end()));
} catch (const std::exception&) {  // (no memory, a folder that cannot be listed): none saved
}

}  // namespace simpul::gen
