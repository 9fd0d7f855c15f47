// Tests for generator/src/search.cpp: finding Pagefind (node_modules, PATH,
// an explicit path), skipping the index when it is off or missing, failures
// reported with Pagefind's output, and a real run over a built fixture site.
#include "search.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "pipeline.hpp"
#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {
// A stand-in for Pagefind: a shell script.
fs::path fake_pagefind(const fs::path& at, const std::string& body) {
    fs::create_directories(at.parent_path());
    simpul::test::write_file(at, "#!/bin/sh\n" + body);
    ::chmod(at.c_str(), 0755);
    return at;
}
}  // namespace

TEST_CASE("Pagefind is found in node_modules of a start folder or its parents") {
    simpul::test::TempDir tmp;
    fs::create_directories(tmp / "repo/content/innovations");
    CHECK(find_pagefind({tmp / "repo/content/innovations"}).filename() != "pagefind_extended");
    fs::path bin = fake_pagefind(
        tmp / "repo/node_modules/@pagefind/linux-x64/bin/pagefind_extended", "exit 0\n");
    CHECK(find_pagefind({tmp / "elsewhere", tmp / "repo/content/innovations"}) == bin);
    // The npm wrapper is the fallback when the platform package is missing.
    fs::remove(bin);
    fs::path wrapper = fake_pagefind(tmp / "repo/node_modules/.bin/pagefind", "exit 0\n");
    CHECK(find_pagefind({tmp / "repo"}) == wrapper);
}

TEST_CASE("the index is skipped, not failed, when Pagefind is off or missing") {
    simpul::test::TempDir tmp;
    auto off = build_search_index(tmp.path(), "off", {});
    CHECK(off.status == SearchIndexResult::Status::Off);
    auto missing = build_search_index(tmp.path(), (tmp / "no/pagefind").string(), {});
    CHECK(missing.status == SearchIndexResult::Status::NotFound);
    CHECK(missing.message ==
          "SIMPUL_PAGEFIND is not an executable file: " + (tmp / "no/pagefind").string());
    CHECK_FALSE(fs::exists(tmp / "pagefind"));
}

TEST_CASE("a run writes the bundle, drops the unused UIs and counts pages per language") {
    simpul::test::TempDir tmp;
    fs::path bin =
        fake_pagefind(tmp / "bin/pagefind",
                      "[ \"$1\" = --site ] || exit 3\n"
                      "mkdir -p \"$2/pagefind\"\n"
                      "echo "
                      "'{\"version\":\"1.6.0\",\"languages\":{\"id\":{\"page_count\":7},\"en\":{"
                      "\"page_count\":6}}}' > \"$2/pagefind/pagefind-entry.json\"\n"
                      "echo js > \"$2/pagefind/pagefind.js\"\n"
                      "echo ui > \"$2/pagefind/pagefind-ui.js\"\n"
                      "echo ui > \"$2/pagefind/pagefind-component-ui.css\"\n");
    fs::create_directories(tmp / "site");
    auto r = build_search_index(tmp / "site", bin.string(), {});
    CHECK(r.status == SearchIndexResult::Status::Built);
    CHECK(r.pages == std::map<std::string, std::size_t>{{"en", 6}, {"id", 7}});
    CHECK(fs::exists(tmp / "site/pagefind/pagefind.js"));
    CHECK_FALSE(fs::exists(tmp / "site/pagefind/pagefind-ui.js"));
    CHECK_FALSE(fs::exists(tmp / "site/pagefind/pagefind-component-ui.css"));
    CHECK(r.files == 2);
}

TEST_CASE("Pagefind runs with small index chunks unless the user chose a size") {
    simpul::test::TempDir tmp;
    fs::path bin =
        fake_pagefind(tmp / "bin/pagefind",
                      "mkdir -p \"$2/pagefind\"\n"
                      "echo \"$PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE $HOME\" > \"$2/env\"\n");
    fs::create_directories(tmp / "site");
    const char* home = std::getenv("HOME");
    std::string home_text = home ? home : "";
    ::unsetenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE");
    build_search_index(tmp / "site", bin.string(), {});
    // The rest of the environment passes through.
    CHECK(simpul::test::read_file(tmp / "site/env") == "2000 " + home_text + "\n");
    ::setenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE", "700", 1);
    build_search_index(tmp / "site", bin.string(), {});
    ::unsetenv("PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE");
    CHECK(simpul::test::read_file(tmp / "site/env") == "700 " + home_text + "\n");
}

TEST_CASE("a failing Pagefind fails the build step with its output") {
    simpul::test::TempDir tmp;
    fs::path bin = fake_pagefind(tmp / "bin/pagefind", "echo 'Error: broken index' >&2\nexit 4\n");
    auto r = build_search_index(tmp.path(), bin.string(), {});
    CHECK(r.status == SearchIndexResult::Status::Failed);
    CHECK(r.message ==
          "Pagefind (" + bin.string() + ") failed with status 4:\nError: broken index\n");
}

TEST_CASE("the real Pagefind indexes a built site in both languages, the same way twice") {
    fs::path pagefind = find_pagefind(search_start_dirs(simpul::test::source_dir() / "content"));
    if (pagefind.empty()) {
        MESSAGE("Pagefind is not installed (npm install): skipped");
        return;
    }
    simpul::test::TempDir tmp;
    for (const char* out : {"a", "b"}) {
        BuildOptions o;
        o.content_dir = simpul::test::fixture("valid/basic/content");
        o.template_dir = simpul::test::source_dir() / "site-template";
        o.out_dir = tmp / out;
        o.pagefind = pagefind.string();
        BuildResult r = run_build(o);
        REQUIRE(r.ok);
        REQUIRE(r.search.status == SearchIndexResult::Status::Built);
        // Record pages only (data-pagefind-body): 3 innovations, 1 hub, 2 provinces,
        // 3 agencies, 1 replication, 2 events and 1 regulation per language.
        CHECK(r.search.pages == std::map<std::string, std::size_t>{{"en", 13}, {"id", 13}});
    }
    auto a = simpul::test::snapshot(tmp / "a");
    CHECK(a == simpul::test::snapshot(tmp / "b"));
    std::size_t wasm = 0;
    for (const auto& [path, content] : a) wasm += path.rfind("pagefind/wasm.", 0) == 0;
    CHECK(wasm >= 2);  // one per language (and one for unknown languages)
    CHECK(a.count("pagefind/pagefind.js") == 1);
    CHECK(a.count("pagefind/pagefind-ui.js") == 0);
}
