// What the builds keep beside the output folder `OUT`: each folder's manifest
// (`.OUT.manifest-<inode>`: its format, reading and saving it, removing the
// ones no folder has any more, the preview's memory of it), and the caches and
// indexes saved whole through a temporary file (`.OUT.load-cache` and others).
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <system_error>

#include "write.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

fs::path beside_output(const fs::path& out, const std::string& suffix) {
    fs::path parent = out.parent_path().empty() ? fs::path(".") : out.parent_path();
    std::string name = out.filename().string();
    name.insert(name.begin(), '.');  // (not "." + name: GCC 12 warns of a false overlap)
    return parent / (name + suffix);
}

bool save_beside_output(const fs::path& file, const std::string& bytes) {
    // Temporary files left by builds that were killed while saving (their process is gone).
    const std::string prefix = file.filename().string() + ".tmp-";
    std::error_code dir_ec;
    fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    for (const auto& e : fs::directory_iterator(dir, dir_ec)) {
        std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        char* end = nullptr;
        long pid = std::strtol(name.c_str() + prefix.size(), &end, 10);
        if (pid <= 0 || *end != '\0' || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ec;
            fs::remove(e.path(), ec);
        }
    }
    fs::path tmp = file;
    tmp += ".tmp-" + std::to_string(::getpid());
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out.write(bytes.data(), static_cast<std::streamsize>(bytes.size())) || !out.flush()) {
            out.close();
            std::error_code ec;
            fs::remove(tmp, ec);
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, file, ec);
    if (!ec) return true;
    std::error_code ignored;
    fs::remove(tmp, ignored);
    return false;
}

bool StagedOutput::recall(const fs::path& manifest) {
    if (!memory_) return false;
    OutputMemory& m = *memory_;
    struct stat st {};
    const bool same =
        !manifest.empty() && ::stat(manifest.c_str(), &st) == 0 && stamp_of(st) == m.manifest;
    if (same && !m.files.empty()) {
        previous_ = std::move(m.files);
        for (auto& [rel, e] : previous_) e.kept = false;
        trusted_ = true;
    }
    m = OutputMemory{};  // given back by commit() only
    return trusted_;
}

// Each folder's manifest is named after the folder's inode, which a swap does
// not change: a manifest that names no folder now there (a build killed before
// the swap, an output replaced by hand) is ignored, and every file is written.
fs::path StagedOutput::manifest_path(const fs::path& dir) const {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) return {};
    return parent_ / ("." + name_ + ".manifest-" + std::to_string(st.st_ino));
}

namespace {

// A manifest line: "<hash hex> <size> <mtime ns> <fingerprint hex> <path>\n".
constexpr std::string_view kManifestHeader = "simpul-manifest 3\n";

// Reads the number at `p` up to the space after it; false when there is none.
template <class T>
bool manifest_field(const char*& p, const char* end, T& value, int base) {
    auto [next, ec] = std::from_chars(p, end, value, base);
    if (ec != std::errc{} || next == end || *next != ' ') return false;
    p = next + 1;
    return true;
}

}  // namespace

std::unordered_map<std::string, StagedOutput::Entry> StagedOutput::load_manifest(
    const fs::path& dir) const {
    std::unordered_map<std::string, Entry> out;
    fs::path file = manifest_path(dir);
    std::string text;
    if (file.empty() || read_regular_file(file, text) != ReadResult::Ok) return out;
    if (text.compare(0, kManifestHeader.size(), kManifestHeader) != 0) return out;
    const char* p = text.data() + kManifestHeader.size();
    const char* end = text.data() + text.size();
    out.reserve(static_cast<std::size_t>(std::count(p, end, '\n')));
    while (p < end) {
        unsigned long long hash = 0, size = 0, fingerprint = 0;
        long long mtime = 0;
        if (!manifest_field(p, end, hash, 16) || !manifest_field(p, end, size, 10) ||
            !manifest_field(p, end, mtime, 10) || !manifest_field(p, end, fingerprint, 16))
            break;  // a line cut short: what came before it stands
        const char* eol = std::find(p, end, '\n');
        if (eol == end || eol == p) break;
        out[std::string(p, eol)] = {static_cast<std::size_t>(hash), static_cast<std::size_t>(size),
                                    mtime, static_cast<std::uint64_t>(fingerprint)};
        p = eol + 1;
    }
    return out;
}

bool StagedOutput::save_manifest(const fs::path& dir,
                                 const std::unordered_map<std::string, Entry>& entries) const {
    fs::path file = manifest_path(dir);
    if (file.empty()) return false;
    std::string text(kManifestHeader);
    text.reserve(entries.size() * 96);
    char number[24];
    auto field = [&](auto value, int base) {
        auto [end, ec] = std::to_chars(number, number + sizeof number, value, base);
        text.append(number, end);
        text += ' ';
    };
    for (const auto& [path, e] : entries) {
        field(static_cast<unsigned long long>(e.hash), 16);
        field(static_cast<unsigned long long>(e.size), 10);
        field(e.mtime_ns, 10);
        field(static_cast<unsigned long long>(e.fingerprint), 16);
        text += path;
        text += '\n';
    }
    return save_beside_output(file, text);  // if not saved, the next build writes every file
}

// Manifests of folders that are gone, and the single manifest of earlier versions.
void StagedOutput::remove_stale_manifests() const {
    std::string keep_out = manifest_path(out_).filename().string();
    std::string keep_spare = manifest_path(spare_path_).filename().string();
    std::string prefix = "." + name_ + ".manifest";
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(parent_, ec)) {
        std::string f = e.path().filename().string();
        if (f.rfind(prefix, 0) == 0 && f != keep_out && f != keep_spare) fs::remove(e.path(), ec);
    }
}

}  // namespace simpul::gen
