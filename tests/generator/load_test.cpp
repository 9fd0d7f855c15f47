// Tests for generator/src/load.cpp: whole content folders, and the checks on
// files from many hands (encoding, links, size).
#include "load.hpp"

#include <doctest/doctest.h>
#include <cstring>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "support.hpp"
#include "validate.hpp"

using namespace simpul;
using namespace simpul::gen;

TEST_CASE("a whole content folder loads every record type and data file") {
    Diagnostics d;
    Content c = load_content(test::fixture("valid/basic/content"), "content", d);
    CHECK(d.all().empty());
    CHECK(c.data.at(RecordType::Site).present);
    CHECK(c.data.at(RecordType::Province).root.items.size() == 2);
    CHECK(c.records.size() == 11);
    bool json_agency = false;
    for (const auto& r : c.records)
        if (r.path == "content/agencies/pemprov-kalsel.json")
            json_agency = r.format == Format::Json;
    CHECK(json_agency);
}

namespace {
std::string load_messages(const std::filesystem::path& dir) {
    Diagnostics d;
    load_content(dir, "content", d);
    std::string out;
    for (const auto& x : d.sorted()) out += format_diagnostic(x) + "\n";
    return out;
}
test::TempDir valid_copy() {
    test::TempDir tmp;
    std::filesystem::copy(test::fixture("valid/basic/content"), tmp / "content",
                          std::filesystem::copy_options::recursive);
    return tmp;
}
}  // namespace

TEST_CASE("invalid UTF-8 is reported at its line and column") {
    auto tmp = valid_copy();
    test::write_file(tmp / "content/agencies/rusak.yaml", "name: \"ok\"\ntype: \"ab\xFF\"\n");
    CHECK(load_messages(tmp / "content") ==
          "content/agencies/rusak.yaml:2:10: error[encoding]: the file is not valid UTF-8 (byte "
          "0xFF); save it as UTF-8\n");
    test::write_file(tmp / "content/agencies/rusak.yaml", "name: \"\xC0\xAF\"\n");  // overlong '/'
    CHECK(load_messages(tmp / "content").find("error[encoding]") != std::string::npos);
}

TEST_CASE("a byte-order mark and CRLF line ends are accepted") {
    auto tmp = valid_copy();
    test::write_file(tmp / "content/agencies/crlf.yaml",
                     "\xEF\xBB\xBFname: \"CRLF\"\r\ntype: lainnya\r\nlevel: pusat\r\nsources: "
                     "[{title: t, seed: s}]\r\n");
    CHECK(load_messages(tmp / "content") == "");
}

TEST_CASE(
    "links inside the content folder are followed; links outside, loops and huge files are "
    "refused") {
    namespace fs = std::filesystem;
    auto tmp = valid_copy();
    test::write_file(tmp / "secret.yaml", "name: rahasia\n");
    fs::create_symlink(tmp / "secret.yaml", tmp / "content/agencies/luar.yaml");
    fs::create_symlink("lingkar.yaml", tmp / "content/agencies/lingkar.yaml");
    fs::create_symlink("kemenpanrb.yaml", tmp / "content/agencies/alias.yaml");
    std::string big(11 * 1024 * 1024, 'a');
    test::write_file(tmp / "content/regulations/besar.md", "---\ntitle: x\n---\n" + big);
    CHECK(load_messages(tmp / "content") ==
          "content/agencies/lingkar.yaml:1:1: error[bad-link]: this link leads nowhere (a loop or "
          "a missing file)\n"
          "content/agencies/luar.yaml:1:1: error[outside-content]: this link points outside the "
          "content folder; copy "
          "the file in instead\n"
          "content/regulations/besar.md:1:1: error[too-large]: the file is 11 MB; a record may be "
          "at most 10 MB\n");
}

TEST_CASE("a link to a socket, a pipe or a folder is named for what it leads to") {
    namespace fs = std::filesystem;
    auto tmp = valid_copy();
    const std::string other = "expected a record file, found a pipe, socket or device\n";
    std::string expected =
        "content/innovations/ke-map.md:1:1: error[unknown-file]: expected a record file, found "
        "a folder\n"
        "content/innovations/ke-pipa.md:1:1: error[unknown-file]: " +
        other;
    // A socket, where the temporary folder's path is short enough for one and
    // its file system allows them.
    const fs::path socket_file = tmp / "content/innovations/soket";
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    bool socket_made = false;
    if (fd >= 0 && socket_file.string().size() < sizeof addr.sun_path) {
        std::strcpy(addr.sun_path, socket_file.c_str());
        socket_made = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    }
    if (fd >= 0) ::close(fd);  // the socket file stays
    if (socket_made) {
        fs::create_symlink("soket", tmp / "content/innovations/ke-soket.md");
        expected += "content/innovations/ke-soket.md:1:1: error[unknown-file]: " + other;
    } else {
        MESSAGE("no socket here: the link to a socket is not checked");
    }
    REQUIRE(::mkfifo((tmp / "content/innovations/pipa").c_str(), 0644) == 0);
    fs::create_symlink("pipa", tmp / "content/innovations/ke-pipa.md");
    fs::create_directory(tmp / "content/innovations/map");
    fs::create_symlink("map", tmp / "content/innovations/ke-map.md");
    expected +=
        "content/innovations/map:1:1: error[unknown-file]: expected a record file, found a "
        "folder\n"
        "content/innovations/pipa:1:1: error[unknown-file]: " +
        other;
    if (socket_made) expected += "content/innovations/soket:1:1: error[unknown-file]: " + other;
    CHECK(load_messages(tmp / "content") == expected);
}

TEST_CASE("a .md file with only blank lines after its front matter takes its `body:` field") {
    auto tmp = valid_copy();
    const auto file = tmp / "content/hubs/kalimantan-selatan.md";
    std::string hub = test::read_file(file);
    const std::string front = hub.substr(0, hub.rfind("---\n"));
    auto with_body = [&](const std::string& link) {
        test::write_file(file,
                         front + "body: \"Isi, lihat [hub](hub:" + link + ").\"\n---\n\n  \n");
    };
    with_body("kalimantan-selatan");
    Diagnostics d;
    Content c = load_content(tmp / "content", "content", d);
    for (const auto& r : c.records)
        if (r.path == "content/hubs/kalimantan-selatan.md") CHECK(r.body.empty());
    SiteModel m = test::model_of(tmp / "content");
    REQUIRE(m.cat.hub("kalimantan-selatan"));
    CHECK(m.cat.hub("kalimantan-selatan")->body == "Isi, lihat [hub](hub:kalimantan-selatan).");
    // The field's record links are checked as a body's are.
    with_body("tidak-ada");
    Diagnostics v;
    validate_content(load_content(tmp / "content", "content", v), v);
    std::string messages;
    for (const auto& x : v.sorted()) messages += format_diagnostic(x) + "\n";
    CHECK(messages ==
          "content/hubs/kalimantan-selatan.md:11:1: error[broken-link]: record link "
          "'hub:tidak-ada' points to a record that does not exist\n");
}

TEST_CASE("an innovation's Markdown body is left in its file and read again, checked") {
    auto tmp = valid_copy();
    const auto file = tmp / "content/innovations/bank-sampah.md";
    test::write_file(file,
                     "\xEF\xBB\xBF---\ntitle: Bank Sampah\n---\nLihat [OM-SPAN](inovasi:omspan).\n"
                     "\nDua [hub](hub:kalsel).\n");
    Diagnostics d;
    Content c = load_content(tmp / "content", "content", d);
    const Document* doc = nullptr;
    for (const auto& r : c.records)
        if (r.path == "content/innovations/bank-sampah.md") doc = &r;
    REQUIRE(doc);
    CHECK(doc->body.empty());
    CHECK(doc->body_source.path == "content/innovations/bank-sampah.md");
    CHECK(doc->body_line == 4);
    // Its record links are found while the text is read, with their lines.
    REQUIRE(doc->body_links.size() == 2);
    CHECK(doc->body_links[0].kind == "inovasi");
    CHECK(doc->body_links[0].id == "omspan");
    CHECK(doc->body_links[1].line == 3);
    CHECK(read_body(doc->body_source) ==
          "Lihat [OM-SPAN](inovasi:omspan).\n\nDua [hub](hub:kalsel).\n");
    // Other records keep their bodies in memory.
    for (const auto& r : c.records)
        if (r.type != RecordType::Innovation) CHECK(r.body_source.empty());
    // A file that changed (or went away) since load is refused.
    test::write_file(file, "---\ntitle: Bank Sampah\n---\nBerubah.\n");
    CHECK_THROWS_AS(read_body(doc->body_source), ChangedDuringBuild);
    // A pipe in its place is refused (opened without waiting for a writer).
    std::filesystem::remove(file);
    REQUIRE(::mkfifo(file.c_str(), 0644) == 0);
    CHECK_THROWS_AS(read_body(doc->body_source), ChangedDuringBuild);
    std::filesystem::remove(file);
    try {
        read_body(doc->body_source);
        FAIL("no exception");
    } catch (const ChangedDuringBuild& e) {
        CHECK(e.path == "content/innovations/bank-sampah.md");
    }
}
