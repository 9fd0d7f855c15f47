// Tests for generator/src/write.cpp: staged output and the swap.
#include "write.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {
int entries_besides_lock(const fs::path& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        n += e.path().filename() != ".public.lock" &&
             e.path().filename().string().rfind(".public.manifest-", 0) != 0;
    return n;
}
}  // namespace

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
    CHECK(entries_besides_lock(tmp.path()) == 1);  // no staging or old folder left
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
    CHECK(entries_besides_lock(tmp.path()) == 1);
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

TEST_CASE("a second build of the same output is refused while the first holds the lock") {
    simpul::test::TempDir tmp;
    auto first = std::make_unique<StagedOutput>(tmp / "public");
    try {
        StagedOutput second(tmp / "public");
        FAIL("the second build was not refused");
    } catch (const std::exception& e) {
        CHECK(std::string(e.what()) == "another build is writing " + (tmp / "public").string() +
                                           " right now (" + (tmp / ".public.lock").string() +
                                           " is locked); wait for it to finish and run again");
    }
    CHECK(
        fs::exists(first->staging()));  // the refused build did not remove the first one's staging
    first.reset();
    StagedOutput third(tmp / "public");  // free again
    third.write("index.html", "x");
    third.commit();
    CHECK(simpul::test::read_file(tmp / "public/index.html") == "x");
}

TEST_CASE("a build that fails after taking the lock lets it go") {
    simpul::test::TempDir tmp;
    // A 245-character name: its lock file's name fits in 255 bytes, its staging
    // folder's (".<name>.staging-<pid>") does not, so making it fails.
    const fs::path out = tmp / std::string(245, 'o');
    auto message = [&] {
        try {
            StagedOutput build(out);
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string first = message();
    CHECK(first.find("File name too long") != std::string::npos);
    CHECK(message() == first);  // not "another build is writing ..."
}

TEST_CASE("a file with the same text as in the previous output is linked, not written") {
    simpul::test::TempDir tmp;
    auto build = [&](const std::string& changed) {
        StagedOutput out(tmp / "public");
        out.write("same.html", "same");
        out.write("inovasi/a/index.html", changed);
        out.commit();
        return out.linked();
    };
    CHECK(build("one") == 0);  // no previous output
    struct stat before {};
    REQUIRE(::stat((tmp / "public/same.html").c_str(), &before) == 0);
    CHECK(build("two") == 1);
    struct stat after {};
    REQUIRE(::stat((tmp / "public/same.html").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    CHECK(simpul::test::read_file(tmp / "public/inovasi/a/index.html") == "two");
    // A file changed by hand in the output is written again, not linked.
    simpul::test::write_file(tmp / "public/same.html", "edited by hand");
    CHECK(build("two") == 1);  // inovasi/a only
    CHECK(simpul::test::read_file(tmp / "public/same.html") == "same");
    // --clean: nothing linked.
    StagedOutput clean(tmp / "public", StagedOutput::Mode::Clean);
    clean.write("same.html", "same");
    CHECK(clean.linked() == 0);
}

TEST_CASE("a file written in pieces holds them in order and is linked when unchanged") {
    simpul::test::TempDir tmp;
    auto build = [&](const std::vector<std::string>& pieces) {
        StagedOutput out(tmp / "public");
        out.write_pieces("data/big.json", [&](PieceSink& piece) {
            std::string all;
            for (const auto& p : pieces) {
                piece(p);
                all += p;
            }
            return std::hash<std::string>{}(all);
        });
        out.commit();
        return out.linked();
    };
    // Runs longer than the writer's 1 MB buffer still come out whole and in order.
    std::string big(3 << 20, 'x');
    CHECK(build({"[", big, ",", "1]"}) == 0);
    CHECK(simpul::test::read_file(tmp / "public/data/big.json") == "[" + big + ",1]");
    struct stat before {};
    REQUIRE(::stat((tmp / "public/data/big.json").c_str(), &before) == 0);
    CHECK(build({"[", big, ",", "1]"}) == 1);
    struct stat after {};
    REQUIRE(::stat((tmp / "public/data/big.json").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    // The spare's copy was the live one too (linked): a new file was written.
    CHECK(build({"[", big, ",", "2]"}) == 0);
    CHECK(simpul::test::read_file(tmp / "public/data/big.json") == "[" + big + ",2]");
    struct stat second {};
    REQUIRE(::stat((tmp / "public/data/big.json").c_str(), &second) == 0);
    CHECK(second.st_ino != before.st_ino);
    // Now the spare's copy (the first text) is its own: it is written over.
    CHECK(build({"[", big, ",", "3]"}) == 0);
    CHECK(simpul::test::read_file(tmp / "public/data/big.json") == "[" + big + ",3]");
    struct stat third {};
    REQUIRE(::stat((tmp / "public/data/big.json").c_str(), &third) == 0);
    CHECK(third.st_ino == before.st_ino);
    CHECK(third.st_size == static_cast<off_t>(big.size() + 4));
    // Shorter than the text it was written over: cut to its own size.
    CHECK(build({"[2]"}) == 0);
    CHECK(simpul::test::read_file(tmp / "public/data/big.json") == "[2]");
    CHECK(build({"[", big, ",", "3]"}) == 0);  // the same as the spare's: linked from there
    CHECK(simpul::test::read_file(tmp / "public/data/big.json") == "[" + big + ",3]");
    // No scratch file is left beside it.
    CHECK(!std::filesystem::exists(tmp / "public/data/big.json.simpul-pieces"));
}

TEST_CASE("the output a build replaces is kept as the spare, which the next build updates") {
    simpul::test::TempDir tmp;
    using Files = std::map<std::string, std::string>;
    auto build = [&](const Files& files) {
        StagedOutput out(tmp / "public");
        for (const auto& [rel, text] : files) out.write(rel, text);
        out.commit();
        return out.linked();
    };
    const Files a = {{"index.html", "a"}, {"inovasi/x/index.html", "x"}, {"same.html", "s"}};
    const Files b = {{"index.html", "b"}, {"inovasi/x/index.html", "x"}, {"same.html", "s"}};
    const Files c = {{"index.html", "c"}, {"same.html", "s"}, {"inovasi/y/index.html", "y"}};
    build(a);
    CHECK_FALSE(fs::exists(tmp / ".public.spare"));  // nothing was replaced
    CHECK(build(b) == 2);
    CHECK(simpul::test::snapshot(tmp / ".public.spare") == a);
    // The spare (a) becomes c: x removed with its folder, y added, index rewritten.
    CHECK(build(c) == 1);  // same.html, already in the spare
    CHECK(simpul::test::snapshot(tmp / "public") == c);
    CHECK_FALSE(fs::exists(tmp / "public/inovasi/x"));
    CHECK(simpul::test::snapshot(tmp / ".public.spare") == b);
    // The spare is now b, which shares same.html's file with c (linked): changing it
    // replaces the spare's file and leaves c's (the spare after this build) as it was.
    const Files d = {{"index.html", "c"}, {"same.html", "changed"}};
    CHECK(build(d) == 1);
    CHECK(simpul::test::snapshot(tmp / "public") == d);
    CHECK(simpul::test::snapshot(tmp / ".public.spare") == c);
    // A spare without its manifest (a build killed while updating it) is not used.
    for (const auto& e : fs::directory_iterator(tmp.path())) {
        struct stat st {};
        REQUIRE(::stat((tmp / ".public.spare").c_str(), &st) == 0);
        if (e.path().filename() == ".public.manifest-" + std::to_string(st.st_ino))
            fs::remove(e.path());
    }
    simpul::test::write_file(tmp / ".public.spare/index.html", "half-written");
    CHECK(build(a) == 0);  // all written into a new staging folder, the spare left alone
    CHECK(simpul::test::snapshot(tmp / "public") == a);
    CHECK(entries_besides_lock(tmp.path()) == 2);  // public and the spare
}

TEST_CASE("in place, only changed files are replaced and files no longer made are removed") {
    simpul::test::TempDir tmp;
    {
        StagedOutput first(tmp / "public", StagedOutput::Mode::InPlace);  // no manifest: staged
        CHECK_FALSE(first.in_place());
        first.write("same.html", "same");
        first.write("gone.html", "gone");
        first.commit();
    }
    struct stat before {};
    REQUIRE(::stat((tmp / "public/same.html").c_str(), &before) == 0);
    bool published = false;
    {
        StagedOutput out(tmp / "public", StagedOutput::Mode::InPlace);
        CHECK(out.in_place());
        CHECK(out.staging() == tmp / "public");
        out.write("same.html", "same");
        out.write("new.html", "new");
        CHECK(simpul::test::read_file(tmp / "public/new.html") == "new");  // already there
        out.commit([&] { published = true; });
        CHECK(out.linked() == 1);
    }
    CHECK(published);
    struct stat after {};
    REQUIRE(::stat((tmp / "public/same.html").c_str(), &after) == 0);
    CHECK(after.st_ino == before.st_ino);
    CHECK(simpul::test::snapshot(tmp / "public") ==
          std::map<std::string, std::string>{{"new.html", "new"}, {"same.html", "same"}});
    CHECK(entries_besides_lock(tmp.path()) == 1);
}

TEST_CASE("in place from the preview's memory, files are taken as the last build left them") {
    simpul::test::TempDir tmp;
    const fs::path out = tmp / "public";
    {
        StagedOutput first(out);
        first.write("a.html", "a", 7);
        first.write("gone.html", "gone");
        first.commit();
    }
    OutputMemory memory;
    {
        StagedOutput out_(out, StagedOutput::Mode::InPlace, &memory);  // the manifest read
        REQUIRE(out_.in_place());
        CHECK(out_.reuse("a.html", 7));
        out_.write("gone.html", "gone");
        out_.commit();
    }
    CHECK(memory.files.size() == 2);
    // From memory the file is not looked at: the preview alone writes its output.
    // (Changed by hand here only to show that.)
    simpul::test::write_file(out / "a.html", "by hand");
    {
        StagedOutput out_(out, StagedOutput::Mode::InPlace, &memory);
        CHECK(memory.files.empty());  // taken; given back at commit
        CHECK(out_.reuse("a.html", 7));
        CHECK_FALSE(out_.reuse("a.html", 8));  // made from other inputs
        out_.write("new.html", "new");
        out_.commit();
        CHECK(out_.reused() == 1);
    }
    CHECK(simpul::test::snapshot(out) ==
          std::map<std::string, std::string>{{"a.html", "by hand"}, {"new.html", "new"}});
    CHECK(memory.files.size() == 2);
    CHECK(memory.files.count("a.html") == 1);
    CHECK(memory.files.count("new.html") == 1);
    // The saved manifest is the one remembered: a build without memory reads the same.
    {
        StagedOutput out_(out, StagedOutput::Mode::InPlace);
        CHECK_FALSE(out_.reuse("a.html", 7));  // checked: not the file the manifest describes
        CHECK(out_.reuse("new.html", 0) == false);
    }
    // A build that is not committed gives nothing back: the next one checks the files.
    { StagedOutput out_(out, StagedOutput::Mode::InPlace, &memory); }
    CHECK(memory.files.empty());
    {
        StagedOutput out_(out, StagedOutput::Mode::InPlace, &memory);
        CHECK_FALSE(out_.reuse("a.html", 7));
        out_.write("a.html", "a", 7);
        out_.write("new.html", "new");
        out_.commit();
    }
    // Another build replaced the output, and with it the manifest: memory is not used.
    {
        StagedOutput other(out);
        other.write("a.html", "a", 7);
        other.commit();
    }
    simpul::test::write_file(out / "a.html", "by hand again");
    {
        StagedOutput out_(out, StagedOutput::Mode::InPlace, &memory);
        CHECK_FALSE(out_.reuse("a.html", 7));
    }
}

TEST_CASE("a file made in pieces that fails halfway leaves no scratch file in the output") {
    simpul::test::TempDir tmp;
    {
        StagedOutput first(tmp / "public");
        first.write("index.html", "home");
        first.commit();
    }
    StagedOutput out(tmp / "public", StagedOutput::Mode::InPlace);
    REQUIRE(out.in_place());
    CHECK_THROWS_AS(out.write_pieces("data/big.json",
                                     [](PieceSink& piece) -> std::uint64_t {
                                         piece(std::string(3u << 20, 'x'));  // on disk already
                                         throw std::runtime_error("a body changed");
                                     }),
                    std::runtime_error);
    CHECK(simpul::test::snapshot(tmp / "public") ==
          std::map<std::string, std::string>{{"index.html", "home"}});
}

TEST_CASE("in place, a file made in pieces is written over a copy beside the output") {
    simpul::test::TempDir tmp;
    const fs::path live = tmp / "public/data/big.json";
    const fs::path copy = tmp / ".public.pieces-data-big.json";
    auto build = [&](const std::string& text, StagedOutput::Mode mode) {
        StagedOutput out(tmp / "public", mode);
        out.write_pieces("data/big.json", [&](PieceSink& piece) {
            piece(text);
            return std::hash<std::string>{}(text);
        });
        out.commit();
        return out.linked();
    };
    auto inode = [](const fs::path& f) {
        struct stat st {};
        return ::stat(f.c_str(), &st) == 0 ? st.st_ino : 0;
    };
    build("[1]", StagedOutput::Mode::Staged);
    const ino_t first = inode(live);
    // The first rebuild in place makes the copy; the live file and it trade places.
    CHECK(build("[2]", StagedOutput::Mode::InPlace) == 0);
    CHECK(simpul::test::read_file(live) == "[2]");
    CHECK(simpul::test::read_file(copy) == "[1]");
    CHECK(inode(copy) == first);
    const ino_t second = inode(live);
    // The next writes over that copy (its own file: the spare does not hold it).
    CHECK(build("[3, 4]", StagedOutput::Mode::InPlace) == 0);
    CHECK(simpul::test::read_file(live) == "[3, 4]");
    CHECK(inode(live) == first);
    CHECK(simpul::test::read_file(copy) == "[2]");
    CHECK(inode(copy) == second);
    // Unchanged: the live file stays; the copy holds the same bytes.
    CHECK(build("[3, 4]", StagedOutput::Mode::InPlace) == 1);
    CHECK(inode(live) == first);
    CHECK(simpul::test::read_file(copy) == "[3, 4]");
    CHECK(!fs::exists(tmp / "public/data/big.json.simpul-pieces"));
    // A staged build leaves no copy beside the output.
    build("[5]", StagedOutput::Mode::Staged);
    CHECK(simpul::test::read_file(live) == "[5]");
    CHECK(!fs::exists(copy));
}

TEST_CASE("a file written over the spare's copy stays when the live one cannot be linked") {
    simpul::test::TempDir tmp;
    auto build = [&](const char* text) {
        StagedOutput out(tmp / "public");
        out.write_pieces("data/big.json", [&](PieceSink& piece) -> std::uint64_t {
            piece(text);
            return std::hash<std::string>{}(text);
        });
        out.commit();
        return out.linked();
    };
    build("AAAA");
    build("AAAA");              // the spare's copy is the live one (linked)
    CHECK(build("BBBB") == 0);  // a new file; the spare's copy is now its own
    // The live file made immutable: linking it fails (EPERM), even for root.
    const fs::path live = tmp / "public/data/big.json";
    int fd = ::open(live.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    int flags = 0;
    const bool immutable = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0 &&
                           ::ioctl(fd, FS_IOC_SETFLAGS, &(flags |= FS_IMMUTABLE_FL)) == 0;
    if (immutable) {
        // The same text again: written over the spare's copy, which stays when
        // the live file cannot be linked in its place.
        CHECK(build("BBBB") == 0);
        CHECK(simpul::test::read_file(live) == "BBBB");
        CHECK(simpul::test::snapshot(tmp / "public") ==
              std::map<std::string, std::string>{{"data/big.json", "BBBB"}});
        flags &= ~FS_IMMUTABLE_FL;
        for (const auto& dir : fs::directory_iterator(tmp.path()))  // the file is in the spare now
            if (fs::exists(dir.path() / "data/big.json")) {
                int f = ::open((dir.path() / "data/big.json").c_str(), O_RDONLY);
                if (f >= 0) {
                    ::ioctl(f, FS_IOC_SETFLAGS, &flags);
                    ::close(f);
                }
            }
    } else {
        MESSAGE("this file system cannot make a file immutable: the failed link is not tried");
    }
    ::close(fd);
    CHECK(build("BBBB") == 1);  // and linked when it can be
}

TEST_CASE("a file made in pieces that fails over the spare's copy leaves the output as it was") {
    simpul::test::TempDir tmp;
    for (const char* text : {"one", "two"}) {
        StagedOutput out(tmp / "public");
        out.write_pieces("data/big.json", [&](PieceSink& piece) -> std::uint64_t {
            piece(text);
            return std::hash<std::string>{}(text);
        });
        out.commit();
    }
    {
        StagedOutput out(tmp / "public");  // the spare holds "one", its own copy
        CHECK_THROWS_AS(out.write_pieces("data/big.json",
                                         [](PieceSink& piece) -> std::uint64_t {
                                             piece("thr");
                                             throw std::runtime_error("a body changed");
                                         }),
                        std::runtime_error);
    }
    CHECK(simpul::test::snapshot(tmp / "public") ==
          std::map<std::string, std::string>{{"data/big.json", "two"}});
    StagedOutput again(tmp / "public");
    again.write_pieces("data/big.json", [&](PieceSink& piece) -> std::uint64_t {
        piece("three");
        return 3;
    });
    again.commit();
    CHECK(simpul::test::snapshot(tmp / "public") ==
          std::map<std::string, std::string>{{"data/big.json", "three"}});
}

TEST_CASE("saving beside the output removes the temporary files of killed builds only") {
    simpul::test::TempDir tmp;
    const fs::path file = tmp / ".public.load-cache";
    auto touch = [](const fs::path& p) { simpul::test::write_file(p, "half a cache"); };
    fs::path dead = file.string() + ".tmp-2147483646";  // above any pid Linux gives
    fs::path alive = file.string() + ".tmp-" + std::to_string(::getppid());
    fs::path other = tmp / ".public.other.tmp-2147483646";  // not this file's
    touch(dead);
    touch(alive);
    touch(other);
    save_beside_output(file, "the cache");
    CHECK_FALSE(fs::exists(dead));
    CHECK(fs::exists(alive));
    CHECK(fs::exists(other));
    CHECK(simpul::test::read_file(file) == "the cache");
    CHECK_FALSE(fs::exists(file.string() + ".tmp-" + std::to_string(::getpid())));
}

TEST_CASE("the files kept beside the output") {
    CHECK(beside_output("site/public", ".spare") == fs::path("site/.public.spare"));
    CHECK(beside_output("public", ".lock") == fs::path("./.public.lock"));
}
