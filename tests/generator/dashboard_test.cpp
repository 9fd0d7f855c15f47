// Tests for generator/src/dashboard.cpp: a build writes the dashboard's data
// file, reference figures, pages (relative links only) and the app when it is
// built; the data file of the real content decodes and its cross-filter counts
// equal the generator's figures (core/stats) for the whole and for each province.
#include "dashboard.hpp"

#include <doctest/doctest.h>

#include <zlib.h>

#include <cstdlib>
#include <set>

#include "filter.hpp"
#include "gzip.hpp"
#include "load.hpp"
#include "pipeline.hpp"
#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {

BuildOptions options(const fs::path& content, const fs::path& out) {
    BuildOptions o;
    o.content_dir = content;
    o.template_dir = test::source_dir() / "site-template";
    o.out_dir = out;
    return o;
}

std::string gunzip(const std::string& gz) {
    z_stream z{};
    REQUIRE(inflateInit2(&z, 15 + 16) == Z_OK);
    std::string out;
    char buf[65536];
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
    z.avail_in = static_cast<uInt>(gz.size());
    int rc;
    do {
        z.next_out = reinterpret_cast<Bytef*>(buf);
        z.avail_out = sizeof buf;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buf, sizeof buf - z.avail_out);
    } while (rc == Z_OK);
    inflateEnd(&z);
    REQUIRE(rc == Z_STREAM_END);
    return out;
}

dash::Data decode_file(const fs::path& p) {
    std::string bytes = gunzip(test::read_file(p));
    dash::Data d;
    std::string error;
    REQUIRE_MESSAGE(
        dash::decode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), d, error),
        error);
    return d;
}

// Sets an environment variable for one scope.
struct Env {
    Env(const char* name, const std::string& value) : name_(name) {
        ::setenv(name, value.c_str(), 1);
    }
    ~Env() { ::unsetenv(name_); }
    const char* name_;
};

}  // namespace

TEST_CASE("the dashboard section of the UI strings is flattened, with the site's names") {
    nlohmann::json t = {{"dashboard", {{"title", "Dasbor"}, {"panel", {{"map", "Peta"}}}}},
                        {"stage", {{"penciptaan", "Penciptaan"}}},
                        {"nav", {{"innovations", "Inovasi"}}}};
    auto s = dashboard_strings(t);
    std::map<std::string, std::string> m(s.begin(), s.end());
    CHECK(m.at("title") == "Dasbor");
    CHECK(m.at("panel.map") == "Peta");
    CHECK(m.at("stage.penciptaan") == "Penciptaan");
    CHECK(m.count("nav.innovations") == 0);
}

TEST_CASE("gzip output inflates to its input and does not depend on the time") {
    std::string text(100000, 'a');
    for (std::size_t i = 0; i < text.size(); i += 7) text[i] = static_cast<char>('a' + i % 26);
    std::string gz = gzip(text);
    CHECK(gz.size() < text.size() / 4);
    CHECK(gz.substr(0, 2) == "\x1f\x8b");
    CHECK(gz.substr(4, 4) == std::string(4, '\0'));  // no modification time
    CHECK(gunzip(gz) == text);
    CHECK(gzip(text) == gz);
}

TEST_CASE("a data file is compressed again only when its bytes changed") {
    test::TempDir tmp;
    auto build = [&](const std::string& bytes) {
        StagedOutput out(tmp / "public");
        write_gzipped(out, "data/x.bin.gz", bytes);
        out.commit();
        CHECK(gunzip(test::read_file(tmp / "public/data/x.bin.gz")) == bytes);
        return out.reused();
    };
    CHECK(build("figures") == 0);
    CHECK(build("figures") == 1);  // the same bytes: the last build's file
    CHECK(build("figures, changed") == 0);
    CHECK(build("figures, changed") == 1);
}

TEST_CASE("the preview's fastest level makes another file of the same bytes, not reused") {
    test::TempDir tmp;
    std::string text;
    for (int i = 0; i < 5000; ++i) text += "inovasi " + std::to_string(i * 7919 % 1000) + "\n";
    auto build = [&](int level) {
        StagedOutput out(tmp / "public");
        write_gzipped(out, "data/x.bin.gz", text, level);
        out.commit();
        std::string gz = test::read_file(tmp / "public/data/x.bin.gz");
        CHECK(gunzip(gz) == text);
        CHECK(gz.at(8) == (level == kGzipFastest ? 4 : 2));  // XFL: fastest, smallest
        return std::pair(out.reused(), gz.size());
    };
    auto [reused, smallest] = build(kGzipSmallest);
    CHECK(reused == 0);
    auto [reused_fast, fastest] = build(kGzipFastest);
    CHECK(reused_fast == 0);  // the same bytes, but not the level the last build used
    CHECK(fastest > smallest);
    CHECK(build(kGzipFastest).first == 1);
    CHECK(build(kGzipSmallest).first == 0);
}

TEST_CASE("a build after the preview's gzips the dashboard's data again at the smallest level") {
    test::TempDir tmp;
    BuildOptions preview = options(test::fixture("valid/basic/content"), tmp / "out");
    preview.fast_compression = true;
    REQUIRE(run_build(preview).ok);
    const fs::path data = tmp / "out/data/dashboard.bin.gz";
    const std::string fast = test::read_file(data);
    CHECK(fast.at(8) == 4);  // XFL: fastest
    REQUIRE(run_build(options(test::fixture("valid/basic/content"), tmp / "out")).ok);
    const std::string smallest = test::read_file(data);
    CHECK(smallest.at(8) == 2);  // XFL: smallest
    CHECK(gunzip(smallest) == gunzip(fast));
}

TEST_CASE("a build writes the data file, the figures, both pages and the app") {
    test::TempDir tmp;
    fs::create_directories(tmp / "app");
    test::write_file(tmp / "app/simpul-dasbor.js", "// js");
    test::write_file(tmp / "app/simpul-dasbor.wasm", "wasm");
    Env env("SIMPUL_DASHBOARD_APP", (tmp / "app").string());
    BuildResult r = run_build(options(test::fixture("valid/basic/content"), tmp / "out"));
    REQUIRE(r.ok);
    const fs::path out = tmp / "out";
    dash::Data d = decode_file(out / "data/dashboard.bin.gz");
    CHECK(d.innovations.size() == 3);
    CHECK(test::read_file(out / "data/dashboard.bin.gz").at(8) == 2);  // smallest (XFL)
    CHECK_FALSE(d.ui.empty());
    CHECK(test::read_file(out / "dasbor/simpul-dasbor.wasm") == "wasm");
    CHECK(test::read_file(out / "dasbor/simpul-dasbor.js") == "// js");
    auto figures = nlohmann::json::parse(test::read_file(out / "data/dashboard-figures.json"));
    CHECK(figures["innovations"] == 3);

    std::string id = test::read_file(out / "dasbor/index.html");
    CHECK(id.find("<html lang=\"id\">") != std::string::npos);
    CHECK(id.find("data-app=\"../dasbor/\"") != std::string::npos);
    CHECK(id.find("data-data=\"../data/dashboard.bin.gz\"") != std::string::npos);
    CHECK(id.find("href=\"../statistik/index.html\"") != std::string::npos);
    CHECK(id.find("href=\"../en/dasbor/index.html\"") != std::string::npos);
    CHECK(id.find("href=\"/") == std::string::npos);  // no absolute link
    std::string en = test::read_file(out / "en/dasbor/index.html");
    CHECK(en.find("<html lang=\"en\">") != std::string::npos);
    CHECK(en.find("data-app=\"../../dasbor/\"") != std::string::npos);
    CHECK(en.find("href=\"../../en/statistik/index.html\"") != std::string::npos);
    // Every catalogue page links to the dashboard.
    CHECK(test::read_file(out / "index.html").find("href=\"dasbor/index.html\"") !=
          std::string::npos);
    CHECK(test::read_file(out / "en/index.html").find("href=\"../en/dasbor/index.html\"") !=
          std::string::npos);
}

TEST_CASE("without a built app the page and data are written, the app files are not") {
    test::TempDir tmp;
    Env env("SIMPUL_DASHBOARD_APP", (tmp / "nothing").string());
    BuildResult r = run_build(options(test::fixture("valid/basic/content"), tmp / "out"));
    REQUIRE(r.ok);
    CHECK(fs::exists(tmp / "out/dasbor/index.html"));
    CHECK(fs::exists(tmp / "out/data/dashboard.bin.gz"));
    CHECK_FALSE(fs::exists(tmp / "out/dasbor/simpul-dasbor.wasm"));
}

TEST_CASE("for the real content, the dashboard's counts equal the generator's figures") {
    Diagnostics diags;
    Content content = load_content(test::source_dir() / "content", "content", diags);
    REQUIRE_FALSE(diags.has_errors());
    SiteModel model = build_model(content);
    Diagnostics tdiags;
    SiteTemplate tmpl = SiteTemplate::load(test::source_dir() / "site-template", "site-template",
                                           {"id", "en"}, tdiags);
    DashboardData files = dashboard_data(model, tmpl);
    const std::string& bytes = files.figures;
    dash::Data d;
    std::string error;
    REQUIRE(
        dash::decode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), d, error));
    // The texts file belongs to this figures file and holds every innovation's id.
    REQUIRE(dash::decode_texts(reinterpret_cast<const std::uint8_t*>(files.texts.data()),
                               files.texts.size(), d, error));
    REQUIRE(d.texts.size() == model.cat.innovations.size());
    std::set<std::string> ids, expected;
    for (std::size_t i = 0; i < d.texts.size(); ++i) ids.emplace(d.texts.id(i));
    for (const auto& inn : model.cat.innovations) expected.insert(inn.id);
    CHECK(ids == expected);
    nlohmann::json f = dashboard_figures(model);
    dash::Engine engine(d);
    dash::Result r;
    dash::Filter none;
    engine.compute(none, r);
    CHECK(r.innovations == f["innovations"]);
    CHECK(r.hubs == f["hubs"]);
    CHECK(r.hubs_daerah == f["hubs_daerah"]);
    CHECK(r.hubs_kl == f["hubs_kl"]);
    CHECK(r.replications == f["replications"]);
    CHECK(r.events == f["events"]);
    REQUIRE(r.hubs_per_year.size() == f["hubs_per_year"].size());
    for (std::size_t i = 0; i < r.hubs_per_year.size(); ++i) {
        CHECK(f["hubs_per_year"][i][0] == r.hubs_per_year[i].year);
        CHECK(f["hubs_per_year"][i][1] == r.hubs_per_year[i].cumulative_daerah);
        CHECK(f["hubs_per_year"][i][2] == r.hubs_per_year[i].cumulative_kl);
    }
    CHECK(f["flows"].size() == r.flows.size());
    for (std::size_t p = 0; p < d.provinces.size(); ++p) {
        std::string code(d.str(d.provinces[p].code));
        CAPTURE(code);
        dash::Filter one;
        one.toggle(dash::Dim::Province, static_cast<std::uint32_t>(p));
        engine.compute(one, r);
        const auto& pf = f["province"][code];
        CHECK(r.innovations == pf["innovations"]);
        CHECK(r.hubs == pf["hubs"]);
        CHECK(r.replications == pf["replications"]);
        CHECK(r.events == pf["events"]);
        CHECK(f["by"]["prov"].value(code, 0) == r.groups[0][p]);
    }
    // The dashboard's UI strings come from site-template/i18n.
    bool found = false;
    for (const auto& u : d.ui)
        if (d.str(u.key) == "panel.map")
            found = d.str(u.id) == "Peta provinsi" && d.str(u.en) == "Province map";
    CHECK(found);
}
