// Stage 1, load: read every file of a content folder (safely: UTF-8, size,
// links kept inside the folder) and parse it into Nodes with parse.cpp, on all
// cores. Nothing is validated here.
#include "load.hpp"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string_view>

#include <sys/stat.h>

#include "load_cache.hpp"
#include "parallel.hpp"
#include "pieces.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

void strip_bom(std::string& text) {
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
}

constexpr std::uintmax_t kMaxFileBytes = 10u * 1024 * 1024;

std::string not_a_file(bool folder) {
    return folder ? "expected a record file, found a folder"
                  : "expected a record file, found a pipe, socket or device";
}

// Reads a content file with every check a file from many hands needs: links
// must stay inside the content folder, size is capped, text must be UTF-8.
bool read_content_file(const fs::path& file, const fs::path& root, const std::string& shown,
                       std::string& text, Diagnostics& diags) {
    std::error_code ec;
    const fs::file_status entry = fs::symlink_status(file, ec);
    const bool link = fs::is_symlink(entry);
    if (link) {
        fs::path target = fs::canonical(file, ec);
        if (ec) {
            diags.error(shown, 0, 0, "bad-link",
                        "this link leads nowhere (a loop or a missing file)");
            return false;
        }
        auto rel = target.lexically_relative(root);
        if (rel.empty() || *rel.begin() == "..") {
            diags.error(shown, 0, 0, "outside-content",
                        "this link points outside the content folder; copy the file in instead");
            return false;
        }
    }
    // A link may lead to a folder, and a pipe or device would block or never
    // end: only regular files are opened (and checked again once open).
    if (const fs::file_status what = link ? fs::status(file, ec) : entry;
        fs::exists(what) && !fs::is_regular_file(what)) {
        diags.error(shown, 0, 0, "unknown-file", not_a_file(fs::is_directory(what)));
        return false;
    }
    struct stat st {};
    switch (read_regular_file(file, text, st, kMaxFileBytes)) {
        case ReadResult::Ok:
            break;
        case ReadResult::TooLarge:
            diags.error(shown, 0, 0, "too-large",
                        "the file is " + std::to_string(st.st_size / (1024 * 1024)) +
                            " MB; a record may be at most 10 MB");
            return false;
        case ReadResult::NotRegular:
            diags.error(shown, 0, 0, "unknown-file", not_a_file(S_ISDIR(st.st_mode)));
            return false;
        case ReadResult::Failed:
            diags.error(shown, 0, 0, "read-error", "cannot read the file");
            return false;
    }
    strip_bom(text);
    std::size_t bad = invalid_utf8_at(text);
    bool control = false;
    if (bad == std::string::npos) control = (bad = control_char_at(text)) != std::string::npos;
    if (bad != std::string::npos) {
        int line = 1 + static_cast<int>(std::count(
                           text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
        std::size_t line_start = text.rfind('\n', bad == 0 ? 0 : bad - 1);
        int col = static_cast<int>(
                      bad - (line_start == std::string::npos || bad == 0 ? 0 : line_start + 1)) +
                  1;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[bad]));
        if (control)
            diags.error(shown, line, col, "control-char",
                        std::string("the file contains an invisible control character (byte ") +
                            hex + "); delete it");
        else
            diags.error(
                shown, line, col, "encoding",
                std::string("the file is not valid UTF-8 (byte ") + hex + "); save it as UTF-8");
        return false;
    }
    return true;
}

struct FolderInfo {
    std::string_view folder;
    RecordType type;
};

constexpr FolderInfo kRecordFolders[] = {
    {"agencies", RecordType::Agency}, {"innovations", RecordType::Innovation},
    {"hubs", RecordType::Hub},        {"replications", RecordType::Replication},
    {"events", RecordType::Event},    {"regulations", RecordType::Regulation},
};

constexpr FolderInfo kDataFiles[] = {
    {"site.yaml", RecordType::Site},
    {"data/provinces.yaml", RecordType::Province},
    {"data/sectors.yaml", RecordType::Sector},
    {"data/sdgs.yaml", RecordType::Sdg},
    {"data/programs.yaml", RecordType::Program},
};

std::string join(const std::string& display, const std::string& rel) {
    if (display.empty() || display == ".") return rel;
    return display.back() == '/' ? display + rel : display + "/" + rel;
}

// One record file, parsed on its own (so files can be loaded in parallel).
struct LoadedRecord {
    std::optional<Document> doc;  // empty when the file could not be parsed
    Diagnostics diags;
};

void load_record(const fs::path& file, const fs::path& root, RecordType type,
                 const std::string& display_path, LoadedRecord& out) {
    Diagnostics& diags = out.diags;
    std::string ext = file.extension().string();
    Document doc;
    doc.type = type;
    doc.id = file.stem().string();
    doc.path = display_path;
    std::string text;
    if (!read_content_file(file, root, display_path, text, diags)) return;
    doc.hash = std::hash<std::string_view>{}(text);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags.error(display_path, 1, 1, "empty-file", "the file is empty");
        return;
    }
    std::optional<Node> fields;
    if (ext == ".md") {
        doc.format = Format::Markdown;
        auto fm = split_front_matter(text, display_path, diags);
        if (!fm) return;
        fields = parse_yaml(fm->yaml, display_path, 2, diags);
        doc.body_line = fm->body_line;
        bool blank = fm->body.find_first_not_of(" \t\r\n") == std::string::npos;
        if (type == RecordType::Innovation && !blank) {
            // Left in the file until its page is rendered; its links are checked now.
            doc.body_source = {file, display_path, text.size() - fm->body.size(), doc.hash};
            doc.body_links = record_links(fm->body);
        } else if (!blank) {
            doc.body = std::move(fm->body);
        }  // (a blank body is none: a `body:` field, if any, is the body then)
    } else if (ext == ".yaml" || ext == ".yml") {
        doc.format = Format::Yaml;
        fields = parse_yaml(text, display_path, 1, diags);
    } else {
        doc.format = Format::Json;
        fields = parse_json(text, display_path, diags);
    }
    if (!fields) return;
    doc.fields = std::move(*fields);
    out.doc = std::move(doc);
}

}  // namespace

std::string read_body(const BodySource& src) {
    // Load read a regular file there; anything else has changed.
    std::string text;
    if (read_regular_file(src.file, text) != ReadResult::Ok) throw ChangedDuringBuild(src.path);
    strip_bom(text);
    if (std::hash<std::string_view>{}(text) != src.hash || src.offset > text.size())
        throw ChangedDuringBuild(src.path);
    return text.substr(src.offset);
}

// The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and
// code points past U+10FFFF included), or npos when the text is valid.
std::size_t invalid_utf8_at(const std::string& s) {
    std::size_t i = 0, n = s.size();
    while (i < n) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t len = c < 0x80           ? 1
                          : (c >> 5) == 0x6  ? 2
                          : (c >> 4) == 0xE  ? 3
                          : (c >> 3) == 0x1E ? 4
                                             : 0;
        if (len == 0 || i + len > n) return i;
        unsigned cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < len; ++k) {
            auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc >> 6) != 0x2) return i;
            cp = (cp << 6) | (cc & 0x3F);
        }
        bool overlong =
            (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
        if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += len;
    }
    return std::string::npos;
}

Content load_content(const fs::path& dir, const std::string& display, Diagnostics& diags,
                     const LoadCache* cache, ContentMemory* memory) {
    Content content;
    content.root = display;
    std::error_code root_ec;
    const fs::path root = fs::weakly_canonical(dir, root_ec);
    // The preview's watcher names every file changed since its last load.
    const bool watched = memory && memory->changed && memory->listing;
    auto unchanged = [&](const std::string& rel) {
        return watched && !memory->changed->count(rel);
    };
    for (const auto& [rel, type] : kDataFiles) {
        if (unchanged(std::string(rel))) {
            if (auto kept = memory->data.find(type); kept != memory->data.end()) {
                content.data[type] = std::move(kept->second);
                content.clean_data.push_back(type);
                continue;
            }
        }
        DataFile df;
        df.type = type;
        df.path = join(display, std::string(rel));
        fs::path file = dir / fs::path(std::string(rel));
        std::error_code ec;
        const fs::file_status status = fs::symlink_status(file, ec);
        const std::size_t said = diags.all().size();
        if (!fs::exists(status)) {
            diags.error(df.path, 0, 0, "missing-file", "required file is missing");
        } else {
            std::string text;
            if (read_content_file(file, root, df.path, text, diags)) {
                df.hash = std::hash<std::string_view>{}(text);
                if (auto n = parse_yaml(text, df.path, 1, diags)) {
                    df.root = std::move(*n);
                    df.present = true;
                }
            }
        }
        if (df.present && status.type() == fs::file_type::regular && diags.all().size() == said)
            content.clean_data.push_back(type);
        content.data[type] = std::move(df);
    }
    struct Job {
        std::size_t folder;  // in kRecordFolders (its path: subs[folder])
        RecordType type;
        std::string shown;
        std::string rel;  // "innovations/omspan.md"
        std::string_view name() const { return std::string_view(rel).substr(rel.find('/') + 1); }
    };
    std::vector<Job> jobs;
    std::vector<fs::path> subs;
    if (watched) content.listing = std::move(*memory->listing);
    content.listing.resize(std::size(kRecordFolders));
    for (std::size_t f = 0; f < std::size(kRecordFolders); ++f) {
        const auto& [folder, type] = kRecordFolders[f];
        const fs::path& sub = subs.emplace_back(dir / fs::path(std::string(folder)));
        std::vector<std::string>& names = content.listing[f];  // sorted as strings: far cheaper
        if (watched) {
            // The last listing, with the names the watcher gave in this folder
            // added when there is something by that name now, else removed (a
            // folder made or removed there makes the watcher name every file).
            const std::string prefix = std::string(folder) + "/";
            for (const std::string& rel : *memory->changed) {
                if (rel.compare(0, prefix.size(), prefix) != 0) continue;
                std::string name = rel.substr(prefix.size());
                if (name.empty() || name[0] == '.' || name.find('/') != std::string::npos) continue;
                struct stat st {};
                const bool there = ::lstat((sub / name).c_str(), &st) == 0;
                auto at = std::lower_bound(names.begin(), names.end(), name);
                const bool listed = at != names.end() && *at == name;
                if (there && !listed)
                    names.insert(at, std::move(name));
                else if (!there && listed)
                    names.erase(at);
            }
        } else {
            names.clear();
            std::error_code ec;
            if (!fs::is_directory(sub, ec)) continue;
            for (const auto& entry : fs::directory_iterator(sub, ec)) {
                std::string name = entry.path().filename().string();
                if (name.empty() || name[0] == '.') continue;
                names.push_back(std::move(name));
            }
            std::sort(names.begin(), names.end());
        }
        for (const auto& name : names) {
            std::string rel = std::string(folder) + "/" + name;
            jobs.push_back({f, type, join(display, rel), std::move(rel)});
        }
    }
    // Parse on all cores (or take the record from the cache); merge in file
    // order so the result never depends on timing.
    std::vector<LoadedRecord> loaded(jobs.size());
    std::vector<char> skipped(jobs.size(), 0);  // not a record file at all
    std::atomic<std::size_t> cached{0};
    parallel_for(jobs.size(), 0, [&](std::size_t i) {
        const Job& job = jobs[i];
        auto not_a_record = [&](const std::string& message) {
            loaded[i].diags.error(job.shown, 0, 0, "unknown-file", message);
            skipped[i] = 1;
        };
        // (Each path is one job's: threads move out different records, and the
        // map itself does not change while they do.)
        if (memory && memory->changed && !memory->changed->count(job.rel)) {
            auto it = memory->records.find(job.shown);
            if (it != memory->records.end()) {  // the watcher saw no change to its file
                loaded[i].doc = std::move(it->second);
                ++cached;
                return;
            }
        }
        const fs::path file = subs[job.folder] / fs::path(job.name());
        struct stat st {};
        if (::lstat(file.c_str(), &st) != 0 || (!S_ISLNK(st.st_mode) && !S_ISREG(st.st_mode)))
            return not_a_record(not_a_file(S_ISDIR(st.st_mode)));
        std::string ext = file.extension().string();
        if (ext != ".md" && ext != ".yaml" && ext != ".yml" && ext != ".json")
            return not_a_record("a record must be a .md, .yaml or .json file");
        // Unknown for a link: its target may change without a trace here.
        const FileStamp stamp = S_ISREG(st.st_mode) ? stamp_of(st) : FileStamp{};
        if (memory && stamp.known()) {
            auto it = memory->records.find(job.shown);
            if (it != memory->records.end() && it->second.stamp == stamp) {
                loaded[i].doc = std::move(it->second);
                ++cached;
                return;
            }
        }
        if (cache && stamp.known() && (loaded[i].doc = cache->find(job.shown, stamp))) {
            ++cached;
            return;
        }
        load_record(file, root, job.type, job.shown, loaded[i]);
        // Only a file read without a word to say may skip this next time.
        if (loaded[i].doc && loaded[i].diags.all().empty()) loaded[i].doc->stamp = stamp;
    });
    content.records.reserve(jobs.size());
    for (std::size_t i = 0; i < jobs.size(); ++i) {
        diags.append(loaded[i].diags);
        if (loaded[i].doc)
            content.records.push_back(std::move(*loaded[i].doc));
        else if (!skipped[i])
            content.unparsed.emplace_back(jobs[i].type, fs::path(jobs[i].name()).stem().string());
    }
    content.cached = cached;
    return content;
}

}  // namespace simpul::gen
