// End to end: build the real content/ with the real templates, then check
// that every internal link and asset reference resolves to a file, that no
// link is absolute (so any sub-path works), and crawl the site served under
// /a/b/ over HTTP.
#include <doctest/doctest.h>
#include <httplib.h>

#include <deque>
#include <regex>
#include <set>
#include <thread>

#include "pipeline.hpp"
#include "support.hpp"

using namespace simpul;
namespace fs = std::filesystem;

namespace {

// href="..." and src="..." values of a page (our own output, so a regex is enough).
std::vector<std::string> references(const std::string& html) {
    static const std::regex attr(R"re((?:href|src)="([^"]*)")re");
    std::vector<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attr);
         it != std::sregex_iterator(); ++it)
        out.push_back((*it)[1].str());
    return out;
}

// Every id="..." of a page.
std::set<std::string> ids(const std::string& html) {
    static const std::regex attr(R"re(\sid="([^"]*)")re");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), attr);
         it != std::sregex_iterator(); ++it)
        out.insert((*it)[1].str());
    return out;
}

bool external(const std::string& url) {
    return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0 ||
           url.rfind("mailto:", 0) == 0;
}

std::string strip_fragment(std::string url) {
    url = url.substr(0, url.find('#'));
    return url.substr(0, url.find('?'));
}

// Resolves a relative reference against a URL path ("/a/b/inovasi/x/index.html").
std::string resolve(const std::string& base, const std::string& ref) {
    std::vector<std::string> parts;
    std::string dir = base.substr(0, base.rfind('/') + 1) + ref;
    std::size_t start = 1;
    while (start <= dir.size()) {
        std::size_t slash = dir.find('/', start);
        std::string part =
            dir.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (part != "." && !(part.empty() && slash != std::string::npos)) {
            parts.push_back(part);
        }
        if (slash == std::string::npos) break;
        start = slash + 1;
    }
    std::string out;
    for (const auto& p : parts) out += "/" + p;
    return out.empty() ? "/" : out;
}

struct BuiltSite {
    test::TempDir tmp;
    fs::path out;
    BuiltSite() : out(tmp / "public") {
        gen::BuildOptions o;
        o.content_dir = test::source_dir() / "content";
        o.template_dir = test::source_dir() / "site-template";
        o.out_dir = out;
        gen::BuildResult r = gen::run_build(o);
        for (const auto& d : r.diags.all()) MESSAGE(format_diagnostic(d));
        REQUIRE(r.ok);
    }
};

}  // namespace

TEST_CASE("every internal link and asset of the built content resolves, and none is absolute") {
    BuiltSite site;
    std::size_t pages = 0, links = 0, anchors = 0;
    for (const auto& e : fs::recursive_directory_iterator(site.out)) {
        if (e.path().extension() != ".html") continue;
        ++pages;
        std::string rel = fs::relative(e.path(), site.out).string();
        bool is_404 = rel == "404.html" || rel == "en/404.html";
        const std::string html = test::read_file(e.path());
        for (const auto& ref : references(html)) {
            if (external(ref)) continue;
            ++links;
            CAPTURE(rel);
            CAPTURE(ref);
            // An anchor must name an element of its page (issue 4: no broken anchor).
            if (auto hash = ref.find('#'); hash != std::string::npos && !is_404) {
                std::string id = ref.substr(hash + 1);
                std::string target = ref.substr(0, hash);
                std::string page = target.empty() ? html : "";
                if (!target.empty()) {
                    fs::path file = e.path().parent_path() / strip_fragment(target);
                    if (fs::is_regular_file(file)) page = test::read_file(file);
                }
                CHECK(ids(page).count(id) == 1);
                ++anchors;
                if (target.empty()) continue;
            }
            if (is_404) {
                CHECK((ref.rfind("/", 0) == 0 ||
                       ref.rfind("#", 0) == 0));  // 404 is served at any depth: links from the root
                continue;
            }
            CHECK(ref.rfind("/", 0) != 0);
            std::string target = strip_fragment(ref);
            fs::path file = e.path().parent_path() / target;
            if (!target.empty() && target.back() == '/') file /= "index.html";
            CHECK(fs::is_regular_file(file));
        }
    }
    CHECK(pages > 100);
    CHECK(links > 1000);
    CHECK(anchors > 100);  // the skip link on every page, the statistics contents, ...
}

TEST_CASE("en/ mirrors every Indonesian page and every page switches to its counterpart") {
    BuiltSite site;
    std::size_t pages = 0;
    static const std::regex switcher(
        R"re(<a class="lang"[^>]* href="([^"]*)" hreflang="([a-z]+)")re");
    for (const auto& e : fs::recursive_directory_iterator(site.out)) {
        if (e.path().extension() != ".html") continue;
        std::string rel = fs::relative(e.path(), site.out).string();
        bool en = rel.rfind("en/", 0) == 0;
        std::string other = en ? rel.substr(3) : "en/" + rel;
        CAPTURE(rel);
        CHECK(fs::is_regular_file(site.out / other));
        std::string html = test::read_file(e.path());
        std::smatch m;
        REQUIRE(std::regex_search(html, m, switcher));
        CHECK(m[2].str() == (en ? "id" : "en"));
        std::string href = m[1].str();
        if (rel == "404.html" || rel == "en/404.html")
            CHECK(href == "/" + other);  // served at any depth: from the root
        else
            CHECK((e.path().parent_path() / href).lexically_normal() ==
                  (site.out / other).lexically_normal());
        ++pages;
    }
    CHECK(pages > 200);
}

TEST_CASE("the site works when served under the sub-path /a/b/") {
    BuiltSite site;
    httplib::Server server;
    REQUIRE(server.set_mount_point("/a/b/", site.out.string()));
    int port = server.bind_to_any_port("127.0.0.1");
    std::thread th([&] { server.listen_after_bind(); });
    while (!server.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    httplib::Client client("127.0.0.1", port);

    std::set<std::string> seen{"/a/b/index.html"};
    std::deque<std::string> queue{"/a/b/index.html"};
    std::size_t fetched = 0;
    while (!queue.empty()) {
        std::string url = queue.front();
        queue.pop_front();
        auto res = client.Get(url);
        CAPTURE(url);
        REQUIRE(res);
        CHECK(res->status == 200);
        ++fetched;
        if (url.size() < 5 || url.substr(url.size() - 5) != ".html") continue;
        for (const auto& ref : references(res->body)) {
            if (external(ref) || ref.rfind("#", 0) == 0) continue;
            std::string next = resolve(url, strip_fragment(ref));
            CHECK(next.rfind("/a/b/", 0) == 0);
            if (seen.insert(next).second) queue.push_back(next);
        }
    }
    server.stop();
    th.join();
    std::size_t files = 0;
    for (const auto& e : fs::recursive_directory_iterator(site.out))
        if (e.path().extension() == ".html" && e.path().filename() != "404.html") ++files;
    CHECK(fetched >= files);  // every page is reachable by following links
}
