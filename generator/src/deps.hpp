// Between plan and render: what each page is made from, as one number, its
// fingerprint. A rebuild renders only the pages whose fingerprint is not the
// one the manifest recorded (write.hpp); the others are taken from the last
// output as they are. A fingerprint covers the build's global inputs (simpul
// itself, templates, i18n, site.yaml, data/) and the records the page shows.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue.hpp"
#include "render.hpp"

namespace simpul::gen {

// Folds `x` into the hash `h` (the fingerprints' one way of combining values).
std::uint64_t mix(std::uint64_t h, std::uint64_t x);
// A text's hash, to fold into fingerprints.
std::uint64_t text_hash(std::string_view s);

// The files the running simpul is made of: its program file, then the shared
// libraries it loaded (cmark, yaml-cpp, libdeflate, libstdc++ ...), in load order.
std::vector<std::string> program_files();
// The files' sizes, modification times and inodes, as one number (a file that
// cannot be stat'ed counts by its name alone).
std::uint64_t files_stamp(const std::vector<std::string>& files);
// simpul itself: files_stamp(program_files()), taken once per process. A
// rebuilt simpul, or an upgraded library (a new cmark renders Markdown
// differently), may make other pages from the same content.
std::uint64_t program_fingerprint();

// The running simpul and every file of the template folder.
std::uint64_t template_fingerprint(const std::filesystem::path& template_dir);

// What every page depends on: template_fingerprint() and the content's data
// files (site.yaml, data/*.yaml).
std::uint64_t global_fingerprint(std::uint64_t templates, const SiteModel& model);

// One fingerprint per plan, never 0. Record pages and listings hash the records
// they show (see deps.cpp for each kind), a sitemap the paths it lists; every
// other page (home, indexes, statistics, feeds) hashes the whole catalogue. On
// `threads` threads (0: one per core); the result does not depend on their number.
// `cards`, when given, receives what each innovation's card is made from (the
// global inputs, its record and its agency's), as one number.
std::vector<std::uint64_t> page_fingerprints(const std::vector<PagePlan>& plans,
                                             const SiteModel& model, std::uint64_t global,
                                             unsigned threads = 0,
                                             std::vector<std::uint64_t>* cards = nullptr);

}  // namespace simpul::gen
