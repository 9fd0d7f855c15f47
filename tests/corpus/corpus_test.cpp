// The bad-input corpus (tests/fixtures/corpus/README.md): every folder there is
// a whole content folder that simpul must survive. Each runs through the binary
// (`build` unless the case has an `args` file) and must exit with
// expected-status and print exactly expected.txt on stderr. A case that builds
// has its output searched for anything unsafe taken from the content.
// A few cases are completed here at run time (a 50 MB file, symbolic links, a
// pipe, a file nobody may read): see setup(). SIMPUL_CORPUS_UPDATE=1 rewrites
// the expected files instead of comparing them (review the diff before committing).
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <vector>

#include "support.hpp"

using namespace simpul::test;

namespace {

// Text of a file with its trailing line ends removed.
std::string trimmed(const fs::path& p) {
    std::string s = read_file(p);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
    return s;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

void append(const fs::path& p, const std::string& text) {
    std::string s = read_file(p);
    write_file(p, s + text);
}

// What a case needs beyond its committed files. Returns a prefix for the
// command (empty: run as is), or sets `skip` when the case cannot run here.
std::string setup(const std::string& name, const fs::path& tmp, std::string& skip) {
    const fs::path content = tmp / "content";
    if (name == "file-50mb") {
        // A valid record followed by 50 MB of text: refused by size, never parsed.
        fs::path p = content / "innovations/bank-sampah.md";
        std::string record = read_file(p);
        std::string chunk;
        while (chunk.size() < 1024 * 1024) chunk += "Teks uji yang sangat panjang sekali. ";
        chunk.resize(1024 * 1024);
        std::FILE* f = std::fopen(p.c_str(), "wb");
        REQUIRE(f);
        std::fwrite(record.data(), 1, record.size(), f);
        for (int i = 0; i < 50; ++i) std::fwrite(chunk.data(), 1, chunk.size(), f);
        std::fclose(f);
    } else if (name == "nested-list-10000") {
        // 10,000 levels of list and of block quote, in the body of a valid record.
        std::string list, quote;
        for (int i = 0; i < 10000; ++i) list += "- ", quote += "> ";
        append(content / "innovations/bank-sampah.md",
               "\n" + list + "daftar-terdalam\n\n" + quote + "kutipan-terdalam\n");
    } else if (name == "symlink-loop") {
        fs::create_symlink("b.md", content / "innovations/a.md");
        fs::create_symlink("a.md", content / "innovations/b.md");
        fs::create_symlink("diri.yaml", content / "agencies/diri.yaml");
        fs::create_symlink("tidak-ada.md", content / "hubs/hilang.md");
    } else if (name == "symlink-outside-content") {
        // A valid record beside content/, and a system file: both refused.
        fs::copy_file(content / "innovations/bank-sampah.md", tmp / "luar.md");
        fs::create_symlink("../../luar.md", content / "innovations/luar.md");
        fs::create_symlink("/etc/passwd", content / "agencies/passwd.yaml");
        fs::create_symlink(tmp / "luar.md", content / "regulations/mutlak.md");
    } else if (name == "symlink-to-folder-and-pipe") {
        // Reading a pipe would block forever: it must be refused unread.
        REQUIRE(::mkfifo((content / "pipa").c_str(), 0644) == 0);
        REQUIRE(::mkfifo((content / "innovations/pipa-langsung.md").c_str(), 0644) == 0);
        fs::create_symlink("../pipa", content / "innovations/pipa.md");
        fs::create_symlink("../data", content / "innovations/folder.md");
    } else if (name == "file-name-not-utf8") {
        // Linux allows any bytes in a name; JSON output must still be written.
        fs::copy_file(content / "innovations/bank-sampah.md", content / "innovations/caf\xE9.md");
    } else if (name == "unreadable-file") {
        fs::permissions(content / "innovations/bank-sampah.md", fs::perms::none);
        if (::geteuid() != 0) return "";
        // root reads anything: run as nobody instead, when the system allows it.
        if (std::system("setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null") !=
            0) {
            skip = "running as root and setpriv cannot drop to nobody";
            return "";
        }
        return "setpriv --reuid=65534 --regid=65534 --clear-groups ";
    }
    return "";
}

// Decodes the character references an attribute value may hide a scheme behind.
std::string decode_entities(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '&' && i + 2 < s.size() && s[i + 1] == '#') {
            bool hex = s[i + 2] == 'x' || s[i + 2] == 'X';
            std::size_t j = i + (hex ? 3 : 2);
            long v = 0;
            std::size_t start = j;
            while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j])) &&
                   (hex || std::isdigit(static_cast<unsigned char>(s[j]))))
                v = v * (hex ? 16 : 10) + (std::isdigit(static_cast<unsigned char>(s[j]))
                                               ? s[j] - '0'
                                               : std::tolower(s[j]) - 'a' + 10),
                ++j;
            if (j > start && v > 0 && v < 128) {
                out += static_cast<char>(v);
                i = (j < s.size() && s[j] == ';') ? j : j - 1;
                continue;
            }
        }
        if (s.compare(i, 7, "&colon;") == 0) {
            out += ':';
            i += 6;
            continue;
        }
        out += s[i];
    }
    return out;
}

// Every problem found in one page: markup from the content that survived, and
// link targets that run code or carry a document.
std::vector<std::string> unsafe_in(const std::string& page) {
    std::vector<std::string> found;
    const std::string low = lower(page);
    for (const char* bad :
         {"<script>alert", "<script src=https://example.org", "<img src=x", "<img src=\"x\"",
          "<iframe", "<svg onload", "<style>body", "<a href=\"javascript"})
        if (low.find(bad) != std::string::npos) found.push_back(std::string("markup ") + bad);
    // The values of href, src and action attributes.
    for (const char* attr : {" href=", " src=", " action=", " formaction=", " xlink:href="}) {
        for (std::size_t at = low.find(attr); at != std::string::npos;
             at = low.find(attr, at + 1)) {
            std::size_t v = at + std::string(attr).size();
            if (v >= low.size()) break;
            char quote = low[v] == '"' || low[v] == '\'' ? low[v] : ' ';
            std::size_t from = quote == ' ' ? v : v + 1;
            std::size_t to =
                low.find_first_of(quote == ' ' ? std::string(" >") : std::string(1, quote), from);
            std::string value = decode_entities(low.substr(from, to - from));
            value.erase(std::remove_if(value.begin(), value.end(),
                                       [](unsigned char c) { return c <= 0x20; }),
                        value.end());
            for (const char* scheme : {"javascript:", "vbscript:", "data:", "file:"})
                if (lower(value).rfind(scheme, 0) == 0)
                    found.push_back(std::string(attr) + value.substr(0, 60));
        }
    }
    if (page.find("\xEF\xBB\xBF") != std::string::npos) found.push_back("a byte order mark");
    for (char c : page)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
            found.push_back("a control character (byte " + std::to_string(int(c)) + ")");
            break;
        }
    return found;
}

// Checks every page, feed and drawing of a built site.
void check_output_is_safe(const fs::path& out) {
    REQUIRE(fs::exists(out / "index.html"));
    std::size_t pages = 0;
    for (const auto& [rel, text] : snapshot(out)) {
        std::string ext = fs::path(rel).extension().string();
        if (ext != ".html" && ext != ".xml" && ext != ".svg") continue;
        ++pages;
        CAPTURE(rel);
        for (const auto& problem : unsafe_in(text)) CHECK_MESSAGE(false, problem);
    }
    CHECK(pages > 20);
}

// The few checks a success case adds to the general ones.
void check_case_output(const std::string& name, const fs::path& out) {
    std::string page = read_file(out / "inovasi/bank-sampah/index.html");
    if (name == "nested-list-10000") {
        CHECK(page.find("daftar-terdalam") != std::string::npos);
        CHECK(page.find("kutipan-terdalam") != std::string::npos);
    } else if (name == "bom-every-format" || name == "crlf-every-file") {
        CHECK(read_file(out / "index.html").find("Katalog Uji Korpus") != std::string::npos);
        CHECK(page.find("<title>Bank Sampah Uji") != std::string::npos);
        CHECK(page.find("Teks uji tentang bank sampah.") != std::string::npos);
        CHECK(page.find('\r') == std::string::npos);
    } else if (name == "raw-html-in-bodies" || name == "unsafe-links-in-bodies") {
        CHECK(page.find("Teks uji tentang bank sampah.") != std::string::npos);
    }
}

}  // namespace

TEST_CASE("the output check finds markup and link targets that run code") {
    CHECK(unsafe_in("<p>&lt;script&gt;alert(1)&lt;/script&gt; <a href=\"https://x.org/\">x</a></p>")
              .empty());
    CHECK(unsafe_in("<p><script>alert(1)</script></p>").size() == 1);
    CHECK(unsafe_in("<a href=\"javascript:alert(1)\">x</a>").size() == 2);
    CHECK(unsafe_in("<a class=x href=' &#106;ava&#x73;cript&colon;x'>x</a>").size() == 1);
    CHECK(unsafe_in("<img alt=x src=data:text/html,x>").size() == 1);
    CHECK(unsafe_in("<link href=\"java\tscript:x\">").size() == 1);
    CHECK(unsafe_in(std::string("<p>a\0b</p>", 10)).size() == 1);
}

TEST_CASE("bad-input corpus: no crash, exact diagnostics, safe output") {
    ::setenv("SIMPUL_PAGEFIND", "off", 1);
    const bool update = std::getenv("SIMPUL_CORPUS_UPDATE") != nullptr;
    const std::string templates =
        " --templates '" + (source_dir() / "site-template").string() + "'";
    std::vector<fs::path> cases;
    for (const auto& e : fs::directory_iterator(fixture("corpus")))
        if (e.is_directory()) cases.push_back(e.path());
    std::sort(cases.begin(), cases.end());
    REQUIRE(cases.size() >= 40);
    auto started = std::chrono::steady_clock::now();
    for (const auto& dir : cases) {
        const std::string name = dir.filename().string();
        CAPTURE(name);
        TempDir tmp;
        fs::copy(dir / "content", tmp / "content", fs::copy_options::recursive);
        std::string skip;
        std::string prefix = setup(name, tmp.path(), skip);
        if (!skip.empty()) {
            MESSAGE("corpus case " << name << " skipped: " << skip);
            continue;
        }
        std::string args = fs::exists(dir / "args") ? trimmed(dir / "args")
                                                    : std::string("build content -o public");
        RunResult r = run_simpul(args + templates, tmp.path(), prefix);
        if (update) {
            write_file(dir / "expected.txt", r.err);
            write_file(dir / "expected-status", std::to_string(r.status) + "\n");
            continue;
        }
        CAPTURE(r.err);
        REQUIRE_MESSAGE(fs::exists(dir / "expected-status"),
                        "missing " << name << "/expected-status");
        CHECK(r.status == std::stoi(trimmed(dir / "expected-status")));
        CHECK(r.err == read_file(dir / "expected.txt"));
        if (r.status == 0 && args.rfind("build", 0) == 0) {
            check_output_is_safe(tmp / "public");
            check_case_output(name, tmp / "public");
        } else if (r.status != 0) {
            CHECK_FALSE(fs::exists(tmp / "public"));  // nothing written on error
        }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    MESSAGE(cases.size() << " corpus cases in " << seconds << " s");
}
