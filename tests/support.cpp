// Test helpers (see support.hpp).
#include "support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

#include "validate.hpp"

namespace simpul::test {

fs::path source_dir() {
    return SIMPUL_SOURCE_DIR;
}
fs::path simpul_binary() {
    return SIMPUL_BINARY;
}
fs::path fixture(const std::string& rel) {
    return source_dir() / "tests" / "fixtures" / rel;
}

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("simpul-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

gen::SiteModel model_of(const fs::path& content) {
    Diagnostics d;
    gen::Content c = gen::load_content(content, "content", d);
    gen::validate_content(c, d);
    if (d.has_errors()) {
        std::string all;
        for (const auto& x : d.sorted()) all += format_diagnostic(x) + "\n";
        throw std::runtime_error("fixture content has errors:\n" + all);
    }
    return gen::build_model(c);
}

gen::SiteModel fixture_model() {
    return model_of(fixture("valid/basic/content"));
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

RunResult run_simpul(const std::string& args, const fs::path& cwd, const std::string& prefix) {
    TempDir tmp;
    if (!prefix.empty()) fs::permissions(tmp.path(), fs::perms::all);  // writable by that user
    std::string cmd = "cd '" + cwd.string() + "' && " + prefix + "'" + simpul_binary().string() +
                      "' " + args + " >'" + (tmp / "out").string() + "' 2>'" +
                      (tmp / "err").string() + "'";
    int raw = std::system(cmd.c_str());
    RunResult r;
    r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    r.out = read_file(tmp / "out");
    r.err = read_file(tmp / "err");
    return r;
}

std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = read_file(e.path());
    return files;
}

Province province(std::string code, std::string name) {
    Province p;
    p.code = std::move(code);
    p.name = std::move(name);
    return p;
}

}  // namespace simpul::test
