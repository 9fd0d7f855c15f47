// Tests for generator/src/main.cpp: the CLI's commands, exit statuses and
// messages, run as a user would run them.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "support.hpp"

using namespace simpul::test;

TEST_CASE("--help and --version") {
    TempDir tmp;
    RunResult help = run_simpul("--help", tmp.path());
    CHECK(help.status == 0);
    CHECK(help.out.find("simpul build [CONTENT] [-o OUT]") != std::string::npos);
    CHECK(help.out.find("simpul check [CONTENT]") != std::string::npos);
    RunResult version = run_simpul("--version", tmp.path());
    CHECK(version.status == 0);
    CHECK(version.out.rfind("simpul ", 0) == 0);
}

TEST_CASE("wrong usage exits 2 with a hint") {
    TempDir tmp;
    RunResult r = run_simpul("bild", tmp.path());
    CHECK(r.status == 2);
    CHECK(r.err == "simpul: unknown command 'bild'\nTry 'simpul --help'.\n");
    CHECK(run_simpul("build --threads 0", tmp.path()).status == 2);
    CHECK(run_simpul("", tmp.path()).status == 2);
}

TEST_CASE("a missing content folder is an error, not a crash") {
    TempDir tmp;
    RunResult r = run_simpul("check nowhere", tmp.path());
    CHECK(r.status == 1);
    CHECK(r.err.rfind("nowhere:1:1: error[missing-file]: content folder not found\n", 0) == 0);
}

TEST_CASE("each invalid fixture: exit 1, the expected diagnostics, the previous output untouched") {
    for (const char* name :
         {"fields", "files", "ids", "json-syntax", "references", "yaml-syntax"}) {
        CAPTURE(name);
        TempDir tmp;
        std::filesystem::copy(fixture(std::string("invalid/") + name + "/content"), tmp / "content",
                              std::filesystem::copy_options::recursive);
        write_file(tmp / "public/index.html", "previous site");
        write_file(tmp / "public/inovasi/x/index.html", "previous page");
        auto before = snapshot(tmp / "public");
        RunResult r = run_simpul("build content -o public --templates '" +
                                     (source_dir() / "site-template").string() + "'",
                                 tmp.path());
        CHECK(r.status == 1);
        CHECK(r.err == read_file(fixture(std::string("invalid/") + name + "/expected.txt")));
        CHECK(snapshot(tmp / "public") == before);
        // No staging folder is left behind.
        for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
            CHECK(e.path().filename().string().find("staging") == std::string::npos);
    }
}

TEST_CASE("check writes nothing; build prints a summary with records and pages") {
    TempDir tmp;
    std::filesystem::copy(fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    std::string templates = " --templates '" + (source_dir() / "site-template").string() + "'";
    RunResult check = run_simpul("check content" + templates, tmp.path());
    CHECK(check.status == 0);
    CHECK_FALSE(std::filesystem::exists(tmp / "public"));
    RunResult build = run_simpul("build" + templates, tmp.path());  // defaults: content/ -> public/
    CHECK(build.status == 0);
    CHECK(build.err == "");
    CHECK(build.out.find("innovation" + std::string(14, ' ') + "3\n") != std::string::npos);
    CHECK(build.out.find("pages (id)") != std::string::npos);
    CHECK(build.out.find("Built in") != std::string::npos);
    CHECK(std::filesystem::exists(tmp / "public/index.html"));
}

TEST_CASE("new scaffolds a record; check then names what to fill in") {
    TempDir tmp;
    std::filesystem::copy(fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    RunResult made = run_simpul("new innovation inovasi-baru", tmp.path());
    CHECK(made.status == 0);
    CHECK(made.out.rfind("Created content/innovations/inovasi-baru.md\n", 0) == 0);
    CHECK(run_simpul("new innovation inovasi-baru", tmp.path()).status == 1);
    CHECK(run_simpul("new provinsi x", tmp.path()).status == 2);
    RunResult check = run_simpul(
        "check --format=json --templates '" + (source_dir() / "site-template").string() + "'",
        tmp.path());
    CHECK(check.status == 1);
    CHECK(check.out.find("\"path\": \"content/innovations/inovasi-baru.md\"") != std::string::npos);
    CHECK(check.out.find("\"code\": \"missing-field\"") != std::string::npos);
    RunResult gh = run_simpul("check --format github", tmp.path());
    CHECK(gh.out.rfind("::error file=content/innovations/inovasi-baru.md,line=", 0) == 0);
    CHECK(run_simpul("check --format=xml", tmp.path()).status == 2);
}

TEST_CASE("a build killed at any moment leaves the previous output complete and unchanged") {
    namespace fs = std::filesystem;
    TempDir tmp;
    fs::copy(fixture("valid/basic/content"), tmp / "content", fs::copy_options::recursive);
    // Enough synthetic records that a build takes a while (test data, not content).
    std::string site = read_file(tmp / "content/site.yaml");
    write_file(tmp / "content/site.yaml",
               site.replace(site.find("per_page: 2"), 11, "per_page: 50"));
    for (int i = 0; i < 800; ++i)
        write_file(tmp / ("content/innovations/uji-" + std::to_string(i) + ".md"),
                   "---\ntitle: \"Uji " + std::to_string(i) +
                       "\"\nsummary: \"Uji.\"\nagency: kemenpanrb\nsectors: "
                       "[tata-kelola]\nsources: [{title: t, seed: s}]\n---\n"
                       "Teks **uji** " +
                       std::to_string(i) + ".\n");
    std::string templates = " --templates '" + (source_dir() / "site-template").string() + "'";
    auto started = std::chrono::steady_clock::now();
    REQUIRE(run_simpul("build content -o public" + templates, tmp.path()).status == 0);
    // The build's length only spreads the kill moments over it; nothing is asserted on it.
    double build_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    auto before = snapshot(tmp / "public");
    REQUIRE(before.size() > 1600);
    // 30 moments: one in each thirtieth of a build, at a seeded random point inside it, so
    // every stage (load, render, staging writes, Pagefind, the swap) gets killed somewhere.
    std::mt19937 random(20261123);
    for (int i = 0; i < 30; ++i) {
        double at = build_ms * (i + std::uniform_real_distribution<double>(0, 1)(random)) / 30;
        CAPTURE(i);
        CAPTURE(at);
        char delay[32];
        std::snprintf(delay, sizeof delay, "%.3f", at / 1000);
        std::string cmd = "cd '" + tmp.path().string() + "' && ('" + simpul_binary().string() +
                          "' build content -o public" + templates +
                          " >/dev/null 2>&1 & pid=$!; sleep " + delay +
                          "; kill -9 $pid; wait $pid) 2>/dev/null";
        std::system(cmd.c_str());
        CHECK(snapshot(tmp / "public") == before);
    }
    // The next build succeeds and leaves no staging folder behind.
    REQUIRE(run_simpul("build content -o public" + templates, tmp.path()).status == 0);
    CHECK(snapshot(tmp / "public") == before);
    for (const auto& e : fs::directory_iterator(tmp.path())) {
        std::string name = e.path().filename().string();
        CHECK(name.find("staging") == std::string::npos);
        CHECK(name.find(".old-") == std::string::npos);
    }
}

TEST_CASE("each invalid fixture: --format=json and --format=github match their expected text") {
    for (const char* name :
         {"fields", "files", "ids", "json-syntax", "references", "yaml-syntax"}) {
        CAPTURE(name);
        std::filesystem::path dir = fixture(std::string("invalid/") + name);
        RunResult json = run_simpul("check content --format=json", dir);
        CHECK(json.status == 1);
        CHECK(json.out == read_file(dir / "expected.json"));
        RunResult github = run_simpul("check content --format=github", dir);
        CHECK(github.status == 1);
        CHECK(github.out == read_file(dir / "expected.github"));
    }
}

TEST_CASE("a scaffolded innovation, once its required fields are filled, checks clean") {
    TempDir tmp;
    std::filesystem::copy(fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    REQUIRE(run_simpul("new innovation bank-air", tmp.path()).status == 0);
    std::string text = read_file(tmp / "content/innovations/bank-air.md");
    auto fill = [&](const std::string& from, const std::string& to) {
        auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
    };
    fill("\ntitle: \"\"", "\ntitle: \"Bank Air\"");
    fill("\nsummary: \"\"", "\nsummary: \"Menabung air hujan.\"");
    fill("\nagency: \"\"", "\nagency: pemprov-diy");
    fill("\n# sectors: []", "\nsectors: [lingkungan]");
    fill("\n  - title: \"\"",
         "\n  - title: \"Berita uji\"");  // the open sources item, not a commented example
    fill("\n    url: \"\"", "\n    url: \"https://example.org/bank-air\"");
    fill("\n# province: \"\"", "\nprovince: \"34\"");
    write_file(tmp / "content/innovations/bank-air.md", text);
    RunResult check = run_simpul(
        "check --templates '" + (source_dir() / "site-template").string() + "'", tmp.path());
    CAPTURE(check.err);
    CHECK(check.status == 0);
    CHECK(check.err.find("error[") == std::string::npos);
}
