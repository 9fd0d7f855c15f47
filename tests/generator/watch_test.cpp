// Tests for generator/src/watch.cpp: the watcher names the files that changed,
// under their root, and says when it may have missed one.
#include "watch.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <unordered_set>

#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;
using Files = std::unordered_set<std::string>;

namespace {
constexpr std::chrono::milliseconds kWait(2000), kSettle(50);
}

TEST_CASE("the watcher names each changed file under its root") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "content/innovations/a.md", "a");
    simpul::test::write_file(tmp / "content/site.yaml", "title: x");
    simpul::test::write_file(tmp / "templates/page.html", "p");
    Watcher w({tmp / "content", tmp / "templates"});
    REQUIRE(w.ok());
    CHECK(!w.wait(std::chrono::milliseconds(50)));
    simpul::test::write_file(tmp / "content/innovations/a.md", "a2");
    simpul::test::write_file(tmp / "content/innovations/b.md", "b");
    simpul::test::write_file(tmp / "templates/page.html", "p2");
    REQUIRE(w.wait(kWait, kSettle));
    Watcher::Changes c = w.take_changes();
    CHECK(c.complete);
    REQUIRE(c.files.size() == 2);
    CHECK(c.files[0] == Files{"innovations/a.md", "innovations/b.md"});
    CHECK(c.files[1] == Files{"page.html"});
    // Taken: the next call starts empty; a rename names both names.
    fs::rename(tmp / "content/innovations/b.md", tmp / "content/innovations/c.md");
    fs::remove(tmp / "content/site.yaml");
    REQUIRE(w.wait(kWait, kSettle));
    c = w.take_changes();
    CHECK(c.complete);
    CHECK(c.files[0] == Files{"innovations/b.md", "innovations/c.md", "site.yaml"});
    CHECK(c.files[1].empty());
}

TEST_CASE("the watcher says when it may have missed a file") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "content/innovations/a.md", "a");
    simpul::test::write_file(tmp / "elsewhere/x.md", "x");
    {
        Watcher w({tmp / "content"});
        // A new folder: its files may have come before it was watched.
        fs::create_directories(tmp / "content/events");
        REQUIRE(w.wait(kWait, kSettle));
        CHECK(!w.take_changes().complete);
        // Watched from then on: a file in it is named.
        simpul::test::write_file(tmp / "content/events/e.yaml", "e");
        REQUIRE(w.wait(kWait, kSettle));
        Watcher::Changes c = w.take_changes();
        CHECK(c.complete);
        CHECK(c.files[0] == Files{"events/e.yaml"});
        // A folder removed.
        fs::remove_all(tmp / "content/events");
        REQUIRE(w.wait(kWait, kSettle));
        CHECK(!w.take_changes().complete);
    }
    {
        // A link to a folder made while watching is not watched either.
        Watcher w({tmp / "content"});
        fs::create_directory_symlink(tmp / "elsewhere", tmp / "content/hubs");
        REQUIRE(w.wait(kWait, kSettle));
        CHECK(!w.take_changes().complete);
        simpul::test::write_file(tmp / "content/innovations/a.md", "a3");
        REQUIRE(w.wait(kWait, kSettle));
        CHECK(!w.take_changes().complete);  // for good
    }
    {
        // A folder that is a link is not watched: nothing it holds can be vouched for.
        Watcher w({tmp / "content"});
        simpul::test::write_file(tmp / "content/innovations/a.md", "a2");
        REQUIRE(w.wait(kWait, kSettle));
        Watcher::Changes c = w.take_changes();
        CHECK(c.files[0] == Files{"innovations/a.md"});
        CHECK(!c.complete);
    }
    fs::remove(tmp / "content/hubs");
    // A root moved away and another put in its place: the new one is not watched.
    Watcher w({tmp / "content"});
    fs::rename(tmp / "content", tmp / "old");
    fs::create_directories(tmp / "content/innovations");
    REQUIRE(w.wait(kWait, kSettle));
    CHECK(!w.take_changes().complete);
    simpul::test::write_file(tmp / "content/innovations/b.md", "b");
    w.wait(std::chrono::milliseconds(200), kSettle);
    CHECK(!w.take_changes().complete);
}

TEST_CASE("a folder under two roots leaves the watcher unsure of its names") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "site/content/innovations/a.md", "a");
    Watcher w({tmp / "site/content", tmp / "site"});
    simpul::test::write_file(tmp / "site/content/innovations/a.md", "a2");
    REQUIRE(w.wait(kWait, kSettle));
    CHECK(!w.take_changes().complete);
}
