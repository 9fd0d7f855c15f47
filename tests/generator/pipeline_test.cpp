// Tests for generator/src/pipeline.cpp: whole builds of a fixture site are
// repeatable, independent of thread count, and `check` writes nothing.
#include "pipeline.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <tuple>
#include <vector>

#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {
BuildOptions options(const fs::path& out, unsigned threads = 0) {
    BuildOptions o;
    o.content_dir = simpul::test::fixture("valid/basic/content");
    o.template_dir = simpul::test::source_dir() / "site-template";
    o.out_dir = out;
    o.threads = threads;
    return o;
}
}  // namespace

TEST_CASE("two builds are byte-identical, whatever the thread count") {
    simpul::test::TempDir tmp;
    BuildResult a = run_build(options(tmp / "a", 1));
    REQUIRE(a.ok);
    BuildResult b = run_build(options(tmp / "b", 4));
    REQUIRE(b.ok);
    auto sa = simpul::test::snapshot(tmp / "a");
    CHECK(sa == simpul::test::snapshot(tmp / "b"));
    CHECK(sa.size() == a.files);
    CHECK(sa.count("en/inovasi/bank-sampah/index.html") == 1);
    CHECK(sa.count("assets/style.css") == 1);
}

TEST_CASE("the build reports records per type, pages and stage times") {
    simpul::test::TempDir tmp;
    BuildResult r = run_build(options(tmp / "out"));
    REQUIRE(r.ok);
    std::map<std::string, std::size_t> records(r.records.begin(), r.records.end());
    CHECK(records["innovation"] == 3);
    CHECK(records["province"] == 2);
    CHECK(records["event"] == 2);
    // One robots.txt and one sitemap (of both languages) at the root only.
    CHECK(r.pages_per_language.at("id") == r.pages_per_language.at("en") + 2);
    std::vector<std::string> stages;
    for (const auto& s : r.stages) stages.push_back(s.name);
    CHECK(stages == std::vector<std::string>{"load", "validate", "model", "history", "templates",
                                             "plan", "render+write", "search", "publish"});
    // The dashboard, the open data and the search's common words are written in
    // the render pool, beside the pages.
    std::vector<std::string> jobs;
    for (const auto& g : r.page_groups) jobs.push_back(g.name);
    CHECK(jobs == std::vector<std::string>{"record pages", "innovation listing", "facet pages",
                                           "other pages", "dashboard", "open data",
                                           "search words"});
    CHECK(std::filesystem::exists(tmp / "out/cari/kata-umum.json"));
    std::string summary = format_summary(r, options(tmp / "out"));
    CHECK(summary.find("innovation" + std::string(14, ' ') + "3\n") != std::string::npos);
}

TEST_CASE("check validates templates too but writes nothing") {
    simpul::test::TempDir tmp;
    BuildOptions o = options(tmp / "out");
    o.check_only = true;
    BuildResult r = run_build(o);
    CHECK(r.ok);
    CHECK_FALSE(fs::exists(tmp / "out"));
}

TEST_CASE("a rendered page escapes record text and drops raw HTML from bodies") {
    simpul::test::TempDir tmp;
    REQUIRE(run_build(options(tmp / "out")).ok);
    std::string page = simpul::test::read_file(tmp / "out/inovasi/bank-sampah/index.html");
    CHECK(page.find("<script>alert") == std::string::npos);
    CHECK(page.find("javascript:") == std::string::npos);
    CHECK(page.find("Bank Sampah Uji") != std::string::npos);
    CHECK(page.find("Petugas Uji") != std::string::npos);
}

namespace {
ino_t inode(const fs::path& p) {
    struct stat st {};
    REQUIRE(::stat(p.c_str(), &st) == 0);
    return st.st_ino;
}
// Options building a copy of the fixture's content in `tmp` (which the test may
// edit) into tmp/public, without a search index.
BuildOptions editable(const simpul::test::TempDir& tmp) {
    fs::copy(simpul::test::fixture("valid/basic/content"), tmp / "content",
             fs::copy_options::recursive);
    BuildOptions o = options(tmp / "public");
    o.content_dir = tmp / "content";
    o.pagefind = "off";
    // Every file in the load cache, however new: each build takes longer than a
    // tick of the file system's clock, so an edit after it changes the stamp.
    o.cache_settle = std::chrono::nanoseconds(0);
    return o;
}
// editable(), with a copy of the site's templates in tmp/templates to edit too.
BuildOptions editable_with_templates(const simpul::test::TempDir& tmp) {
    BuildOptions o = editable(tmp);
    fs::copy(simpul::test::source_dir() / "site-template", tmp / "templates",
             fs::copy_options::recursive);
    o.template_dir = tmp / "templates";
    return o;
}
// Replaces the first `from` in `file` with `to`.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
    std::string text = simpul::test::read_file(file);
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    simpul::test::write_file(file, text.replace(at, from.size(), to));
}
// Adds an innovation to the content in `tmp`, renames it and deletes it,
// checking each rebuild with `same_as_clean(change)`.
template <class Check>
void add_rename_delete(const simpul::test::TempDir& tmp, Check same_as_clean) {
    std::string daring = simpul::test::read_file(tmp / "content/innovations/layanan-daring.json");
    simpul::test::write_file(tmp / "content/innovations/layanan-kedua.json", daring);
    same_as_clean("add a record");
    fs::rename(tmp / "content/innovations/layanan-kedua.json",
               tmp / "content/innovations/layanan-ketiga.json");
    same_as_clean("rename a record");
    fs::remove(tmp / "content/innovations/layanan-ketiga.json");
    same_as_clean("delete a record");
}
}  // namespace

TEST_CASE("a rebuild links unchanged files and is byte-identical to a clean build") {
    simpul::test::TempDir tmp;
    BuildOptions o = editable_with_templates(tmp);
    REQUIRE(run_build(o).ok);
    auto same_as_clean = [&](const char* change) {
        const std::string what = change;  // (a const char* would be shown as an address)
        CAPTURE(what);
        BuildResult r = run_build(o);
        REQUIRE(r.ok);
        BuildOptions clean = o;
        clean.out_dir = tmp / "clean";
        clean.clean = true;
        REQUIRE(run_build(clean).ok);
        CHECK(simpul::test::snapshot(tmp / "public") == simpul::test::snapshot(tmp / "clean"));
        return r;
    };

    // Editing one record rewrites its pages and what lists it, and links the rest.
    ino_t hub_page = inode(tmp / "public/hub/kalimantan-selatan/index.html");
    ino_t edited_page = inode(tmp / "public/inovasi/bank-sampah/index.html");
    edit(tmp / "content/innovations/bank-sampah.md", "Bank Sampah Uji", "Bank Sampah Baru");
    BuildResult r = same_as_clean("edit a record");
    CHECK(r.unchanged > 0);
    CHECK(r.unchanged < r.files);
    // Pages that do not show the innovation were not even rendered.
    CHECK(r.files_reused > 0);
    CHECK(r.files_reused < r.unchanged);
    CHECK(inode(tmp / "public/hub/kalimantan-selatan/index.html") == hub_page);
    CHECK(inode(tmp / "public/inovasi/bank-sampah/index.html") != edited_page);

    // Each other kind of record: its index page lists it (and the rows of
    // other kinds that show it), and is rendered again only then.
    edit(tmp / "content/agencies/pemprov-kalsel.json", "Kalimantan Selatan (uji)",
         "Kalimantan Selatan (diubah)");
    same_as_clean("edit an agency");
    edit(tmp / "content/hubs/kalimantan-selatan.md", "Hub Uji", "Hub Baru");
    same_as_clean("edit a hub");
    edit(tmp / "content/events/fripp-kalsel.md", "Forum Replikasi Uji", "Forum Replikasi Baru");
    same_as_clean("edit an event");
    edit(tmp / "content/regulations/permen-uji.md", "Peraturan Uji", "Peraturan Baru");
    same_as_clean("edit a regulation");
    edit(tmp / "content/replications/kalsel-bank-sampah.yaml", "Rencana uji.", "Rencana baru.");
    same_as_clean("edit a replication");

    add_rename_delete(tmp, same_as_clean);

    // A template, a UI string, the site's configuration.
    edit(tmp / "templates/innovation-card.html", "<li class=\"card\">", "<li class=\"card x\">");
    r = same_as_clean("change a template");
    CHECK(simpul::test::read_file(tmp / "public/inovasi/index.html").find("card x") !=
          std::string::npos);
    edit(tmp / "templates/i18n/en.yaml", "\n", "\n# edited\n");  // a comment: nothing changes
    r = same_as_clean("change an i18n file without changing a string");
    CHECK(r.unchanged == r.files);
    // Every page rendered again, each the same as before; only the data files
    // that do not depend on templates (the dashboard's two, the search's common
    // words) are taken as they are.
    CHECK(r.files_reused == 3);
    std::string en = simpul::test::read_file(tmp / "templates/i18n/en.yaml");
    auto nav = en.find("innovations: ");
    REQUIRE(nav != std::string::npos);
    edit(tmp / "templates/i18n/en.yaml", en.substr(nav, en.find('\n', nav) - nav),
         "innovations: Innovations (edited)");
    same_as_clean("change an i18n string");
    edit(tmp / "content/site.yaml", "per_page: 2", "per_page: 1");
    same_as_clean("change the configuration");

    // A manifest that does not describe the output folder is not trusted.
    fs::remove_all(tmp / "public");
    fs::rename(tmp / "clean", tmp / "public");
    r = run_build(o);
    REQUIRE(r.ok);
    CHECK(r.unchanged == 0);
}

TEST_CASE("a rebuild takes the records of unchanged files from the load cache") {
    simpul::test::TempDir tmp, tmp2;
    BuildOptions o = editable(tmp);
    BuildResult first = run_build(o);
    REQUIRE(first.ok);
    CHECK(first.cached_records == 0);
    CHECK(fs::is_regular_file(tmp / ".public.load-cache"));
    BuildResult second = run_build(o);
    REQUIRE(second.ok);
    CHECK(second.cached_records == 11);
    CHECK(format_summary(second, o).find("records cached         11  (files unchanged: records "
                                         "not parsed again)\n") != std::string::npos);
    BuildOptions clean = o;
    clean.clean = true;
    CHECK(run_build(clean).cached_records == 0);
    // With the default settle time, files written a moment ago are parsed every time.
    BuildOptions fresh = editable(tmp2);
    fresh.cache_settle = BuildOptions{}.cache_settle;
    REQUIRE(run_build(fresh).ok);
    CHECK(run_build(fresh).cached_records == 0);
}

TEST_CASE("a rebuild copies the catalogue.json entries of unchanged records") {
    simpul::test::TempDir tmp;
    BuildOptions o = editable(tmp);
    BuildResult first = run_build(o);
    REQUIRE(first.ok);
    CHECK(first.catalogue_copied == 0);
    CHECK(fs::is_regular_file(tmp / ".public.catalogue-index"));
    BuildResult second = run_build(o);  // into the spare
    REQUIRE(second.ok);
    CHECK(second.catalogue_copied == 11);  // every record
    CHECK(format_summary(second, o).find("records copied         11  (data/catalogue.json "
                                         "entries copied from the last one)\n") !=
          std::string::npos);
    // One record changed: its entry is made again, in the spare and in place (serve).
    std::string text = simpul::test::read_file(tmp / "content/hubs/kalimantan-selatan.md");
    text.replace(text.find("established: 2020"), 17, "established: 2019");
    simpul::test::write_file(tmp / "content/hubs/kalimantan-selatan.md", text);
    BuildResult third = run_build(o);
    REQUIRE(third.ok);
    CHECK(third.catalogue_copied == 10);
    BuildOptions in_place = o;
    in_place.in_place = true;
    BuildResult fourth = run_build(in_place);
    REQUIRE(fourth.ok);
    CHECK(fourth.catalogue_copied == 11);
    BuildOptions clean = o;
    clean.clean = true;
    CHECK(run_build(clean).catalogue_copied == 0);
    CHECK(format_summary(run_build(clean), o).find("records copied") == std::string::npos);
}

// The live preview keeps its records and its output's manifest between rebuilds
// (BuildMemory): no load cache, no manifest read back, no file checked.
TEST_CASE("the preview's rebuilds from memory equal a clean build") {
    simpul::test::TempDir tmp;
    BuildOptions o = editable_with_templates(tmp);
    BuildMemory memory;
    o.memory = &memory;
    o.in_place = true;
    BuildResult first = run_build(o);  // no output yet: staged
    REQUIRE(first.ok);
    CHECK(first.cached_records == 0);
    CHECK(memory.content.records.size() == 11);
    CHECK(memory.output.files.empty());  // not in place
    BuildResult second = run_build(o);   // in place; the manifest read from the output
    REQUIRE(second.ok);
    CHECK(second.cached_records == 11);
    CHECK(second.unchanged == second.files);
    CHECK(memory.output.files.size() == second.files);
    // The load cache file is neither needed nor written any more.
    fs::remove(tmp / ".public.load-cache");
    BuildResult third = run_build(o);
    REQUIRE(third.ok);
    CHECK(third.cached_records == 11);
    CHECK(third.files_reused > 0);
    CHECK(third.unchanged == third.files);
    CHECK_FALSE(fs::exists(tmp / ".public.load-cache"));

    BuildOptions clean = o;
    clean.out_dir = tmp / "clean";
    clean.clean = true;
    clean.in_place = false;
    clean.memory = nullptr;
    auto same_as_clean = [&](const char* change) {
        const std::string what = change;  // (a const char* would be shown as an address)
        CAPTURE(what);
        BuildResult r = run_build(o);
        REQUIRE(r.ok);
        REQUIRE(run_build(clean).ok);
        CHECK(simpul::test::snapshot(tmp / "public") == simpul::test::snapshot(tmp / "clean"));
        CHECK(memory.output.files.size() == r.files);
        return r;
    };
    edit(tmp / "content/innovations/bank-sampah.md", "Bank Sampah Uji", "Bank Sampah Baru");
    BuildResult r = same_as_clean("edit a record");
    CHECK(r.cached_records == 10);
    CHECK(r.unchanged < r.files);
    add_rename_delete(tmp, same_as_clean);
    CHECK(memory.content.records.size() == 11);
    // No folder of a page gone is left behind, empty (the snapshots list files only).
    CHECK_FALSE(fs::exists(tmp / "public/inovasi/layanan-kedua"));
    CHECK_FALSE(fs::exists(tmp / "public/en/inovasi/layanan-ketiga"));
    edit(tmp / "templates/innovation-card.html", "<li class=\"card\">", "<li class=\"card x\">");
    same_as_clean("change a template");
    // What an innovation's row of innovations.csv shows of other records and
    // of the data files (the preview keeps the rows: TableMemory).
    edit(tmp / "content/agencies/pemprov-diy.yaml", "DI Yogyakarta (uji)", "DIY (diubah)");
    same_as_clean("change the name of an innovation's agency");
    edit(tmp / "content/replications/kalsel-bank-sampah.yaml", "innovation: bank-sampah",
         "innovation: sekolah-rimba");
    same_as_clean("move a replication to another innovation");
    edit(tmp / "content/data/provinces.yaml", "name: \"DI Yogyakarta\"", "name: \"Yogyakarta\"");
    same_as_clean("change a province's name");
    CHECK(memory.tables.innovation_rows.size() == 3);
    CHECK(memory.cards.cards.size() >= 3);  // (each language's, at each heading level)

    // A build that fails keeps the records it loaded for the next one (a record
    // that failed validation too: validation runs on every build), but not a
    // file that failed to parse.
    edit(tmp / "content/innovations/bank-sampah.md", "agency: pemprov-diy", "agency: tidak-ada");
    CHECK_FALSE(run_build(o).ok);
    CHECK(memory.content.records.size() == 11);
    edit(tmp / "content/innovations/layanan-daring.json", "{", "{{");
    CHECK_FALSE(run_build(o).ok);
    CHECK(memory.content.records.size() == 10);
    edit(tmp / "content/innovations/layanan-daring.json", "{{", "{");
    edit(tmp / "content/innovations/bank-sampah.md", "agency: tidak-ada", "agency: pemprov-diy");
    CHECK(same_as_clean("mend the errors").cached_records == 9);

    // Another build replaced the output (and its manifest): the next rebuild
    // reads the manifest and checks each file again, as any build does.
    BuildOptions staged = o;
    staged.memory = nullptr;
    staged.in_place = false;
    REQUIRE(run_build(staged).ok);
    simpul::test::write_file(tmp / "public/robots.txt", "changed by hand\n");
    same_as_clean("a file changed by hand after another build");

    // serve --clean: every record parsed again, whatever the memory holds.
    BuildOptions cleaned = o;
    cleaned.clean = true;
    REQUIRE(memory.content.records.size() == 11);
    CHECK(run_build(cleaned).cached_records == 0);
}

TEST_CASE("a watched preview keeps its templates until its watcher drops them") {
    simpul::test::TempDir tmp;
    BuildOptions o = editable_with_templates(tmp);
    BuildMemory memory;
    memory.watched = true;
    o.memory = &memory;
    o.in_place = true;
    REQUIRE(run_build(o).ok);
    const auto kept = memory.templates.templates;
    REQUIRE(kept);
    CHECK(memory.templates.languages == std::vector<std::string>{"id", "en"});
    // A template changed behind the watcher's back: the kept templates render on.
    const fs::path listing = tmp / "public/inovasi/index.html";
    edit(tmp / "templates/innovation-card.html", "<li class=\"card\">", "<li class=\"card x\">");
    REQUIRE(run_build(o).ok);
    CHECK(memory.templates.templates == kept);
    CHECK(simpul::test::read_file(listing).find("card x") == std::string::npos);
    // Dropped (serve.cpp does, when its watcher names a template file): loaded again.
    memory.templates = {};
    REQUIRE(run_build(o).ok);
    CHECK(memory.templates.templates != kept);
    CHECK(simpul::test::read_file(listing).find("<li class=\"card x\">") != std::string::npos);
    // Templates that did not load are not kept.
    edit(tmp / "templates/innovation-card.html", "<li class=\"card x\">", "<li>{{#open}}");
    memory.templates = {};
    CHECK_FALSE(run_build(o).ok);
    CHECK_FALSE(memory.templates.templates);
}

// Each page is rendered again only when a record it shows changed (deps.cpp):
// every record of the fixture is changed in turn, in what pages show of it and
// in how it links to others, and each rebuild must equal a clean build.
TEST_CASE("a rebuild after any record changes equals a clean build") {
    simpul::test::TempDir tmp;
    BuildOptions o = editable(tmp);
    REQUIRE(run_build(o).ok);
    const auto original = simpul::test::snapshot(tmp / "public");
    BuildOptions clean = o;
    clean.out_dir = tmp / "clean";
    clean.clean = true;
    auto check_same = [&](const std::string& what, bool undone) {
        CAPTURE(what);
        BuildResult r = run_build(o);
        REQUIRE(r.ok);
        CHECK(r.cached_records > 0);
        CHECK(r.catalogue_copied > 0);  // the unchanged records' entries
        if (undone) {
            CHECK(simpul::test::snapshot(tmp / "public") == original);
            return;
        }
        REQUIRE(run_build(clean).ok);
        CHECK(simpul::test::snapshot(tmp / "public") == simpul::test::snapshot(tmp / "clean"));
    };
    // Changes as (file, text, replacement); each is made and checked against a
    // clean build, then undone and checked against the first build.
    std::vector<std::tuple<std::string, std::string, std::string>> changes = {
        {"innovations/sekolah-rimba.yaml", R"(province: "34")", R"(province: "63")"},
        {"innovations/sekolah-rimba.yaml", "[lingkungan, tata-kelola]", "[lingkungan]"},
        {"innovations/layanan-daring.json", R"("year": 2021)", R"("year": 2018)"},
        {"innovations/bank-sampah.md", "agency: pemprov-diy", "agency: pemprov-kalsel"},
        {"innovations/bank-sampah.md",
         "awards:\n  - {program: kipp, year: 2019, title: \"Top 99\"}\n", ""},
        {"innovations/bank-sampah.md", "stage: pengembangan", "stage: penciptaan"},
        {"innovations/bank-sampah.md", "\n---\n", "\n---\nTambahan **uji**.\n"},
        {"agencies/pemprov-kalsel.json", R"("province": "63")", R"("province": "34")"},
        {"replications/kalsel-bank-sampah.yaml", "innovation: bank-sampah",
         "innovation: sekolah-rimba"},
        {"replications/kalsel-bank-sampah.yaml", "year: 2021", "year: 2022"},
        {"hubs/kalimantan-selatan.md", "established: 2020", "established: 2019"},
        {"hubs/kalimantan-selatan.md", "partners: [kemenpanrb]", "partners: [pemprov-diy]"},
        {"events/fripp-rencana.md", R"(province: "34")", R"(province: "63")"},
        {"events/fripp-kalsel.md", "[bank-sampah, layanan-daring]", "[sekolah-rimba]"},
    };
    // And in every record file, the text pages show first: its title, name or notes.
    for (const auto& e : fs::recursive_directory_iterator(tmp / "content")) {
        std::string rel = e.path().lexically_relative(tmp / "content").generic_string();
        if (!e.is_regular_file() || rel.rfind("data/", 0) == 0 || rel == "site.yaml") continue;
        std::string text = simpul::test::read_file(e.path());
        for (const char* field :
             {R"(title: ")", R"("title": ")", R"(name: ")", R"("name": ")", R"(notes: ")"})
            if (text.find(field) != std::string::npos) {
                changes.emplace_back(rel, field, std::string(field) + "Ubah ");
                break;
            }
    }
    REQUIRE(changes.size() > 20);
    for (const auto& [rel, from, to] : changes) {
        fs::path file = tmp / "content" / rel;
        std::string before = simpul::test::read_file(file);
        auto at = before.find(from);
        CAPTURE(rel);
        CAPTURE(from);
        REQUIRE(at != std::string::npos);
        std::string after = before;
        simpul::test::write_file(file, after.replace(at, from.size(), to));
        check_same(rel + ": " + from + " -> " + to, false);
        simpul::test::write_file(file, before);
        check_same(rel + ": undone", true);
    }
}

// The spare (the output before last) is the next build's staging folder: its
// search index, from two builds ago, must not reach the new output.
TEST_CASE("a rebuild into the spare keeps no search index of an older build") {
    simpul::test::TempDir tmp;
    BuildOptions o = editable(tmp);
    REQUIRE(run_build(o).ok);
    REQUIRE(run_build(o).ok);
    REQUIRE(fs::is_directory(tmp / ".public.spare"));
    simpul::test::write_file(tmp / ".public.spare/pagefind/pagefind-entry.json", "{}");
    simpul::test::write_file(tmp / ".public.spare/en/pagefind/pagefind-entry.json", "{}");
    REQUIRE(run_build(o).ok);
    CHECK_FALSE(fs::exists(tmp / "public/pagefind"));
    CHECK_FALSE(fs::exists(tmp / "public/en/pagefind"));
}
