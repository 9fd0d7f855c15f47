// Tests for generator/src/history.cpp: record history read from a real git
// repository made here, with fixed commit dates.
#include "history.hpp"

#include <doctest/doctest.h>

#include "pipeline.hpp"
#include "support.hpp"

using namespace simpul::gen;
namespace fs = std::filesystem;

namespace {
void git(const fs::path& repo, const std::string& args,
         const std::string& date = "2024-01-02T10:00:00+07:00") {
    std::string cmd =
        "cd '" + repo.string() + "' && GIT_AUTHOR_DATE='" + date + "' GIT_COMMITTER_DATE='" + date +
        "' git -c user.name=Uji -c user.email=uji@example.org -c init.defaultBranch=main " + args +
        " >/dev/null 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
}
}  // namespace

TEST_CASE("first published, last changed and the change list, newest first") {
    simpul::test::TempDir tmp;
    git(tmp.path(), "init -q .");
    simpul::test::write_file(tmp / "content/innovations/omspan.md", "v1");
    simpul::test::write_file(tmp / "content/hubs/bali.md", "v1");
    simpul::test::write_file(tmp / "README.md", "not content");
    git(tmp.path(), "add -A");
    git(tmp.path(), "commit -q -m 'Tambah OM-SPAN dan hub Bali'", "2024-01-02T23:30:00+07:00");
    simpul::test::write_file(tmp / "content/innovations/omspan.md", "v2");
    git(tmp.path(), "commit -q -am 'Perbarui sumber OM-SPAN'", "2024-03-05T09:00:00+07:00");
    simpul::test::write_file(tmp / "README.md", "changed");
    git(tmp.path(), "commit -q -am 'Bukan konten'", "2024-04-01T09:00:00+07:00");

    History h = read_history(tmp / "content", "content");
    REQUIRE(h.count("content/innovations/omspan.md"));
    const RecordHistory& omspan = h.at("content/innovations/omspan.md");
    CHECK(omspan.first_published == "2024-01-02");  // the committer's local date, not UTC
    CHECK(omspan.last_changed == "2024-03-05");
    CHECK(omspan.change_count == 2);
    REQUIRE(omspan.changes.size() == 2);
    CHECK(omspan.changes[0].summary == "Perbarui sumber OM-SPAN");
    CHECK(omspan.changes[1].summary == "Tambah OM-SPAN dan hub Bali");
    CHECK(omspan.changes[0].commit.size() == 7);
    CHECK(h.at("content/hubs/bali.md").change_count == 1);
    CHECK(h.count("README.md") == 0);
    CHECK(h.size() == 2);
}

TEST_CASE("outside a repository there is no history") {
    simpul::test::TempDir tmp;
    simpul::test::write_file(tmp / "content/site.yaml", "title: x\n");
    // /tmp may itself be inside no repository; the content folder certainly has no .git of its own.
    History h = read_history(tmp / "content", "content");
    CHECK(h.empty());
}

TEST_CASE("the preview's memory holds one commit's history until HEAD moves") {
    simpul::test::TempDir tmp;
    git(tmp.path(), "init -q .");
    simpul::test::write_file(tmp / "content/innovations/omspan.md", "v1");
    git(tmp.path(), "add -A");
    git(tmp.path(), "commit -q -m 'Tambah OM-SPAN'", "2024-01-02T10:00:00+07:00");

    HistoryMemory memory;
    History first = read_history(tmp / "content", "content", {}, &memory);
    CHECK(first.at("content/innovations/omspan.md").change_count == 1);
    CHECK(memory.history == first);
    CHECK_FALSE(memory.key.empty());

    // While HEAD is the same commit the log is not walked again: what memory
    // holds is the history (marked here to tell it from a walk's).
    memory.history["content/innovations/omspan.md"].change_count = 99;
    CHECK(read_history(tmp / "content", "content", {}, &memory)
              .at("content/innovations/omspan.md")
              .change_count == 99);
    // Another display of the same folder is another history.
    CHECK(read_history(tmp / "content", "isi", {}, &memory).count("isi/innovations/omspan.md"));

    // A new commit: the log is walked again, and memory follows.
    simpul::test::write_file(tmp / "content/innovations/omspan.md", "v2");
    git(tmp.path(), "commit -q -am 'Perbarui OM-SPAN'", "2024-03-05T09:00:00+07:00");
    History second = read_history(tmp / "content", "isi", {}, &memory);
    CHECK(second.at("isi/innovations/omspan.md").change_count == 2);
    CHECK(memory.history == second);

    // A walk that was asked to stop leaves memory as it was.
    std::stop_source stopped;
    stopped.request_stop();
    simpul::test::write_file(tmp / "content/innovations/omspan.md", "v3");
    git(tmp.path(), "commit -q -am 'Perbarui lagi'", "2024-04-05T09:00:00+07:00");
    read_history(tmp / "content", "isi", stopped.get_token(), &memory);
    CHECK(memory.history == second);

    // A shallow clone's log stops at commits whose parents are missing: what
    // the walk finds there (Debian's libgit2 1.5: nothing) is not kept.
    git(tmp.path(), "clone -q --depth 1 file://" + tmp.path().string() + " shallow");
    HistoryMemory shallow;
    read_history(tmp / "shallow/content", "isi", {}, &shallow);
    CHECK(shallow.key.empty());
}

TEST_CASE("the history cache beside the output keeps a memory whole, and nothing else") {
    simpul::test::TempDir tmp;
    HistoryMemory m;
    m.key = "abc\n/isi\nisi";
    m.history["isi/innovations/omspan.md"] = {
        "2024-01-02", "2024-03-05", {{"2024-03-05", "Perbarui", "1234567"}}, 12};
    m.history["isi/hubs/bali.md"] = {"2024-01-02", "2024-01-02", {}, 0};
    const fs::path file = history_cache_path(tmp / "public");
    CHECK(file == tmp / ".public.history-cache");
    save_history_cache(file, m);
    HistoryMemory back = read_history_cache(file);
    CHECK(back.key == m.key);
    CHECK(back.history == m.history);

    // Damaged, cut short or missing: an empty memory, as if there were none.
    std::string bytes = simpul::test::read_file(file);
    simpul::test::write_file(file, bytes.substr(0, bytes.size() / 2));
    CHECK(read_history_cache(file).key.empty());
    simpul::test::write_file(file, "{\"layout\": 1010}");
    CHECK(read_history_cache(file).key.empty());
    fs::remove(file);
    CHECK(read_history_cache(file).key.empty());
}

TEST_CASE("simpul build takes the history from its cache while HEAD is the same commit") {
    simpul::test::TempDir tmp;
    fs::copy(simpul::test::fixture("valid/basic/content"), tmp / "content",
             fs::copy_options::recursive);
    git(tmp.path(), "init -q .");
    git(tmp.path(), "add -A");
    git(tmp.path(), "commit -q -m 'Katalog pertama'", "2024-01-02T10:00:00+07:00");
    BuildOptions o;
    o.content_dir = tmp / "content";
    o.template_dir = simpul::test::source_dir() / "site-template";
    o.out_dir = tmp / "public";
    o.pagefind = "off";
    REQUIRE(run_build(o).ok);
    const fs::path file = tmp / ".public.history-cache";
    HistoryMemory cached = read_history_cache(file);
    REQUIRE(cached.history.count("content/innovations/bank-sampah.md"));
    CHECK(cached.history.at("content/innovations/bank-sampah.md").changes.at(0).summary ==
          "Katalog pertama");

    // Marked, to tell the cache's history from a walk's: the next build shows it.
    const fs::path page = tmp / "public/inovasi/bank-sampah/index.html";
    cached.history["content/innovations/bank-sampah.md"].changes.at(0).summary = "Dari cache";
    save_history_cache(file, cached);
    REQUIRE(run_build(o).ok);
    CHECK(simpul::test::read_file(page).find("Dari cache") != std::string::npos);

    // --clean reads the log again (and keeps what it read).
    BuildOptions clean = o;
    clean.clean = true;
    REQUIRE(run_build(clean).ok);
    CHECK(simpul::test::read_file(page).find("Dari cache") == std::string::npos);
    CHECK(read_history_cache(file).history.at("content/innovations/bank-sampah.md") ==
          read_history(tmp / "content", "content").at("content/innovations/bank-sampah.md"));

    // A new commit on top: only it is walked, before the cache's history.
    save_history_cache(file, cached);
    const fs::path record = tmp / "content/innovations/bank-sampah.md";
    simpul::test::write_file(record, simpul::test::read_file(record) + "\nDiubah.\n");
    git(tmp.path(), "commit -q -am 'Ganti judul'", "2024-02-03T10:00:00+07:00");
    REQUIRE(run_build(o).ok);
    std::string text = simpul::test::read_file(page);
    CHECK(text.find("Dari cache") != std::string::npos);
    CHECK(text.find("Ganti judul") != std::string::npos);
    CHECK(read_history_cache(file).history.at("content/innovations/bank-sampah.md").change_count ==
          2);
    // That commit replaced (amended): HEAD is not on top of the cache's, the log is walked.
    git(tmp.path(), "commit -q --amend -m 'Ganti isi'", "2024-02-04T10:00:00+07:00");
    REQUIRE(run_build(o).ok);
    text = simpul::test::read_file(page);
    CHECK(text.find("Dari cache") == std::string::npos);
    CHECK(text.find("Ganti judul") == std::string::npos);
    CHECK(text.find("Ganti isi") != std::string::npos);
}

TEST_CASE("after commits on top of the memory's, only they are walked, as a whole walk reads") {
    simpul::test::TempDir tmp;
    const fs::path content = tmp / "content";
    auto commit = [&](const std::string& file, const std::string& text, const std::string& msg,
                      const std::string& date) {
        simpul::test::write_file(content / file, text);
        git(tmp.path(), "add -A");
        git(tmp.path(), "commit -q -m '" + msg + "'", date);
    };
    git(tmp.path(), "init -q .");
    commit("innovations/a.md", "a1", "A pertama", "2024-01-01T10:00:00+07:00");
    // A branch merged: the walk's order mixes the two lines by date.
    git(tmp.path(), "checkout -q -b cabang");
    commit("innovations/b.md", "b1", "B di cabang", "2024-01-03T10:00:00+07:00");
    git(tmp.path(), "checkout -q main");
    commit("innovations/a.md", "a2", "A kedua", "2024-01-02T10:00:00+07:00");
    git(tmp.path(), "merge -q --no-ff cabang -m 'Gabung'", "2024-01-04T10:00:00+07:00");

    HistoryMemory memory;
    read_history(content, "content", {}, &memory);
    REQUIRE(memory.history.size() == 2);
    // Marked: the mark stays while the walk takes only the new commits.
    memory.history["content/innovations/b.md"].first_published = "ditandai";
    for (int i = 3; i <= 13; ++i)  // more than the kMaxChanges kept
        commit("innovations/a.md", "a" + std::to_string(i), "A ke-" + std::to_string(i),
               "2024-02-" + std::to_string(10 + i) + "T10:00:00+07:00");
    commit("innovations/c.md", "c1", "C baru", "2024-03-01T10:00:00+07:00");
    History on_top = read_history(content, "content", {}, &memory);
    CHECK(on_top.at("content/innovations/b.md").first_published == "ditandai");
    CHECK(memory.history == on_top);
    // Unmarked, it is what a whole walk reads.
    on_top["content/innovations/b.md"].first_published = "2024-01-03";
    const History whole = read_history(content, "content");
    CHECK(on_top == whole);
    CHECK(whole.at("content/innovations/a.md").change_count == 13);
    CHECK(whole.at("content/innovations/a.md").changes.size() == kMaxChanges);
    CHECK(whole.at("content/innovations/a.md").first_published == "2024-01-01");

    // A merge on top is not one line of commits: the whole log is walked.
    memory.history["content/innovations/b.md"].first_published = "ditandai";
    git(tmp.path(), "checkout -q -b lain HEAD~1");
    commit("innovations/d.md", "d1", "D di cabang", "2024-03-02T10:00:00+07:00");
    git(tmp.path(), "checkout -q main");
    git(tmp.path(), "merge -q --no-ff lain -m 'Gabung lagi'", "2024-03-03T10:00:00+07:00");
    History merged = read_history(content, "content", {}, &memory);
    CHECK(merged.at("content/innovations/b.md").first_published == "2024-01-03");
    CHECK(merged == read_history(content, "content"));
}
