// Test helpers shared by the test files: temporary folders, running the
// simpul binary, reading and comparing whole folders.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "catalogue.hpp"

namespace simpul::test {

namespace fs = std::filesystem;

// The repository root and the built binary (set by CMake).
fs::path source_dir();
fs::path simpul_binary();
fs::path fixture(const std::string& rel);  // tests/fixtures/<rel>

// A fresh empty folder, removed when the object goes away.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& rel) const { return path_ / rel; }

  private:
    fs::path path_;
};

struct RunResult {
    int status = -1;
    std::string out, err;
};
// Runs the simpul binary with `args` in folder `cwd`.
// `prefix`, if given, goes before the program: a command that runs it as another user.
RunResult run_simpul(const std::string& args, const fs::path& cwd, const std::string& prefix = {});

// A province with only its code and name (for catalogues made in a test).
Province province(std::string code, std::string name);

// The model of a content folder that must be valid (throws with the diagnostics otherwise).
gen::SiteModel model_of(const fs::path& content);
// The model of the small synthetic fixture site, tests/fixtures/valid/basic.
gen::SiteModel fixture_model();

std::string read_file(const fs::path& p);
void write_file(const fs::path& p, const std::string& text);
// Every regular file below `dir`: relative path -> content.
std::map<std::string, std::string> snapshot(const fs::path& dir);

}  // namespace simpul::test
