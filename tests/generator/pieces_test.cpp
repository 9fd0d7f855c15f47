// Tests for generator/src/pieces.cpp: runs of one file's bytes copied into
// another or into a text, and the errors when the file has fewer bytes.
#include "pieces.hpp"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <stdexcept>

#include "support.hpp"
#include "write.hpp"

using namespace simpul::gen;
using simpul::test::read_file;
using simpul::test::TempDir;
using simpul::test::write_file;

namespace {

// A file descriptor closed when it goes.
struct Fd {
    explicit Fd(int f) : fd(f) { REQUIRE(fd >= 0); }
    ~Fd() { ::close(fd); }
    int fd;
};

}  // namespace

TEST_CASE("a run of another file's bytes is copied into a file, after what it holds") {
    TempDir dir;
    write_file(dir / "last.json", "0123456789");
    Fd from(::open((dir / "last.json").c_str(), O_RDONLY));
    Fd to(::open((dir / "new.json").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
    REQUIRE(::write(to.fd, "<", 1) == 1);
    copy_between(from.fd, 2, 5, to.fd, "new.json");
    copy_between(from.fd, 9, 1, to.fd, "new.json");
    copy_between(from.fd, 0, 0, to.fd, "new.json");  // nothing to copy
    CHECK(read_file(dir / "new.json") == "<234569");

    SUBCASE("past the end of the file: an error naming the file written") {
        CHECK_THROWS_WITH_AS(copy_between(from.fd, 8, 5, to.fd, "new.json"),
                             "cannot copy into new.json: the file is shorter than expected",
                             std::runtime_error);
    }
}

TEST_CASE("a copy the system refuses is an error giving the system's reason") {
    TempDir dir;
    write_file(dir / "last.json", std::string(64 * 1024, 'x'));
    Fd from(::open((dir / "last.json").c_str(), O_RDONLY));
    Fd to(::open((dir / "new.json").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
    // Files of this process may grow to 4 KiB only (and SIGXFSZ is ignored, so
    // a longer write fails with EFBIG): the copy stops there.
    struct rlimit before {};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &before) == 0);
    auto handler = std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = before;
    small.rlim_cur = 4096;
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string error;
    try {
        copy_between(from.fd, 0, 64 * 1024, to.fd, "new.json");
    } catch (const std::runtime_error& e) {
        error = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &before);
    std::signal(SIGXFSZ, handler);
    CHECK(error == "cannot copy into new.json: File too large");
}

TEST_CASE("a text made in pieces takes copied runs in their place") {
    TempDir dir;
    write_file(dir / "last.json", "0123456789");
    Fd from(::open((dir / "last.json").c_str(), O_RDONLY));
    TextPieces text;
    text("[");
    text.copy(from.fd, 3, 4);
    text("]");
    CHECK(text.text() == "[3456]");
    CHECK(text.pieces() == 3);
    CHECK_THROWS_WITH_AS(text.copy(from.fd, 7, 4),
                         "cannot read the last catalogue.json: the file is shorter than expected",
                         std::runtime_error);
    CHECK(text.text() == "[3456]");  // nothing of the failed copy
}

TEST_CASE("a file written in pieces by the output takes copied runs between its texts") {
    TempDir dir;
    write_file(dir / "last.json", "abcdefghij");
    Fd from(::open((dir / "last.json").c_str(), O_RDONLY));
    StagedOutput out(dir / "public");
    // Text past the writer's 1 MB buffer, then a copy: the order holds.
    const std::string big(1u << 20, 'x');
    out.write_pieces("data/catalogue.json", [&](PieceSink& piece) -> std::uint64_t {
        piece(big);
        piece("{");
        piece.copy(from.fd, 1, 3);
        piece("}");
        piece.copy(from.fd, 9, 1);
        return 7;
    });
    out.commit();
    CHECK(read_file(dir / "public/data/catalogue.json") == big + "{bcd}j");
    CHECK(out.bytes() == big.size() + 6);
}
