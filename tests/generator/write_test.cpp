// Tests for generator/src/write.cpp: staged output and the swap.
#include "write.hpp"

#include <doctest/doctest.h>

#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;

TEST_CASE("nothing reaches the output folder until commit") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "public/old.html", "old");
    {
        StagedOutput out(tmp / "public");
        out.write("index.html", "new");
        out.write("inovasi/a/index.html", "page");
        CHECK(fs::exists(tmp / "public/old.html"));
        CHECK_FALSE(fs::exists(tmp / "public/index.html"));
        CHECK(out.files() == 2);
        CHECK(out.bytes() == 7);
        out.commit();
    }
    CHECK_FALSE(fs::exists(tmp / "public/old.html"));
    CHECK(simpul::test::read_file(tmp / "public/inovasi/a/index.html") == "page");
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 1);  // no staging or old folder left
}

TEST_CASE("an abandoned build leaves the output as it was and no staging folder") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "public/old.html", "old");
    {
        StagedOutput out(tmp / "public");
        out.write("index.html", "half");
    }
    CHECK(simpul::test::snapshot(tmp / "public") ==
          std::map<std::string, std::string>{{"old.html", "old"}});
    int entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path())) ++entries;
    CHECK(entries == 1);
}

TEST_CASE("a staging folder left by a killed build is removed by the next one") {
    simpul::test::TempDir tmp;
    fs::create_directories(tmp / ".public.staging-99999/inovasi");
    StagedOutput out(tmp / "public");
    CHECK_FALSE(fs::exists(tmp / ".public.staging-99999"));
    out.write("index.html", "x");
    out.commit();
    CHECK(simpul::test::read_file(tmp / "public/index.html") == "x");
}
