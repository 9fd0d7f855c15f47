// The publishing templates in docs/publishing/: their build steps run here,
// on a copy of the real content, as the CI services would run them.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include "support.hpp"

using namespace simpul::test;
namespace fs = std::filesystem;

namespace {

// A folder shaped like a content repository: content/ and site-template/.
struct Workspace {
    TempDir tmp;
    Workspace() {
        fs::copy(source_dir() / "content", tmp / "content", fs::copy_options::recursive);
        fs::copy(source_dir() / "site-template", tmp / "site-template",
                 fs::copy_options::recursive);
    }
    // Runs a step with the simpul binary in place of the recipe's build path.
    int run(std::string step) const {
        const std::string built = "./build/dev/generator/simpul";
        for (auto at = step.find(built); at != std::string::npos; at = step.find(built))
            step.replace(at, built.size(), "'" + simpul_binary().string() + "'");
        std::string cmd =
            "cd '" + tmp.path().string() + "' && bash -c '" + escape(step) + "' >/dev/null 2>&1";
        return std::system(cmd.c_str());
    }
    static std::string escape(const std::string& s) {
        std::string out;
        for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return out;
    }
};

// The shell steps of a recipe, without `./dev build` (the test binary is already built).
std::vector<std::string> steps(const YAML::Node& list, const char* key) {
    std::vector<std::string> out;
    for (const auto& item : list) {
        std::string cmd =
            key ? (item[key] ? item[key].as<std::string>() : "") : item.as<std::string>();
        if (!cmd.empty() && cmd != "./dev build") out.push_back(cmd);
    }
    return out;
}

}  // namespace

TEST_CASE("GitHub Actions: check with annotations, then build the site") {
    YAML::Node wf = YAML::LoadFile((source_dir() / "docs/publishing/github-pages.yml").string());
    auto run = steps(wf["jobs"]["build"]["steps"], "run");
    REQUIRE(run.size() == 2);
    CHECK(run[0].find("--format=github") != std::string::npos);
    Workspace w;
    for (const auto& step : run) {
        CAPTURE(step);
        CHECK(w.run(step) == 0);
    }
    CHECK(fs::is_regular_file(w.tmp / "public/index.html"));
    CHECK(wf["jobs"]["build"]["steps"][4]["with"]["path"].as<std::string>() == "public");
}

TEST_CASE("GitLab CI: the check job fails on bad content, the pages job builds public/") {
    YAML::Node ci = YAML::LoadFile((source_dir() / "docs/publishing/gitlab-ci.yml").string());
    Workspace w;
    for (const auto& step : steps(ci["check"]["script"], nullptr)) CHECK(w.run(step) == 0);
    for (const auto& step : steps(ci["pages"]["script"], nullptr)) CHECK(w.run(step) == 0);
    CHECK(fs::is_regular_file(w.tmp / "public/index.html"));
    CHECK(ci["pages"]["artifacts"]["paths"][0].as<std::string>() == "public");
    write_file(w.tmp / "content/innovations/rusak.md", "---\ntitle: [\n---\n");
    for (const auto& step : steps(ci["check"]["script"], nullptr)) CHECK(w.run(step) != 0);
}

TEST_CASE("rsync recipe: publishes a complete build, and nothing when the content is invalid") {
    Workspace w;
    std::string script = (source_dir() / "docs/publishing/publish-rsync.sh").string();
    std::string env = "SIMPUL='" + simpul_binary().string() + "' ";
    CHECK(w.run(env + "'" + script + "' dest/") == 0);
    CHECK(fs::is_regular_file(w.tmp / "dest/index.html"));
    CHECK(snapshot(w.tmp / "dest") == snapshot(w.tmp / "public"));
    write_file(w.tmp / "dest/hapus.html", "a page of a deleted record");
    write_file(w.tmp / "content/innovations/rusak.md", "---\ntitle: [\n---\n");
    CHECK(w.run(env + "'" + script + "' dest/") != 0);
    CHECK(fs::exists(w.tmp / "dest/hapus.html"));  // untouched: nothing was uploaded
    fs::remove(w.tmp / "content/innovations/rusak.md");
    CHECK(w.run(env + "'" + script + "' dest/") == 0);
    CHECK_FALSE(fs::exists(w.tmp / "dest/hapus.html"));  // --delete
}
