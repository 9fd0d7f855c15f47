// simpul: the command-line entry point. Parses arguments and calls the
// pipeline or the preview server; nothing else lives here.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "pipeline.hpp"
#include "serve.hpp"

#ifndef SIMPUL_VERSION
#define SIMPUL_VERSION "0.0.0"
#endif

namespace {

const char* kUsage =
    "simpul " SIMPUL_VERSION
    " - katalog inovasi pelayanan publik / public-service innovation catalogue\n"
    "\n"
    "Usage:\n"
    "  simpul build [CONTENT] [-o OUT]   validate CONTENT (default content/) and write the site to "
    "OUT\n"
    "                                    (default public/); the previous OUT stays untouched on "
    "error\n"
    "  simpul check [CONTENT]            validate only; write nothing\n"
    "  simpul serve [CONTENT] [-o OUT]   build, then serve OUT on http://127.0.0.1:8080/\n"
    "  simpul --help | --version\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR     output folder (build, serve)\n"
    "  --templates DIR      template folder (default: site-template/ beside CONTENT)\n"
    "  --threads N          render with N threads (default: all cores)\n"
    "  --port N             port for serve (default 8080; 0 picks a free port)\n"
    "  --base-path PATH     serve under a sub-path, e.g. /simpul/ (default /)\n"
    "  --host ADDR          address for serve (default 127.0.0.1)\n"
    "\n"
    "Exit status: 0 success, 1 content errors (printed as path:line:col: error[code]: message),\n"
    "2 wrong usage.\n";

int usage_error(const std::string& msg) {
    std::fprintf(stderr, "simpul: %s\nTry 'simpul --help'.\n", msg.c_str());
    return 2;
}

bool parse_int(const std::string& s, int& out) {
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    if (s.empty() || *end != '\0' || v < 0 || v > 65535) return false;
    out = static_cast<int>(v);
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage_error("missing command (build, check or serve)");
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (args[0] == "--version") {
        std::printf("simpul %s\n", SIMPUL_VERSION);
        return 0;
    }
    const std::string command = args[0];
    if (command != "build" && command != "check" && command != "serve")
        return usage_error("unknown command '" + command + "'");

    simpul::gen::BuildOptions build;
    simpul::gen::ServeOptions serve;
    bool content_given = false;
    for (std::size_t i = 1; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&](std::string& out) {
            if (i + 1 >= args.size()) return false;
            out = args[++i];
            return true;
        };
        std::string v;
        if (a == "-o" || a == "--output") {
            if (!value(v)) return usage_error(a + " needs a folder");
            build.out_dir = v;
        } else if (a == "--templates") {
            if (!value(v)) return usage_error(a + " needs a folder");
            build.template_dir = v;
            build.template_display = v;
        } else if (a == "--threads") {
            int n = 0;
            if (!value(v) || !parse_int(v, n) || n < 1)
                return usage_error("--threads needs a number of at least 1");
            build.threads = static_cast<unsigned>(n);
        } else if (a == "--port") {
            if (!value(v) || !parse_int(v, serve.port))
                return usage_error("--port needs a port number");
        } else if (a == "--base-path") {
            if (!value(v)) return usage_error("--base-path needs a path such as /simpul/");
            serve.base_path = v;
        } else if (a == "--host") {
            if (!value(v)) return usage_error("--host needs an address");
            serve.host = v;
        } else if (a == "--help" || a == "-h") {
            std::fputs(kUsage, stdout);
            return 0;
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("unknown option '" + a + "'");
        } else if (!content_given) {
            build.content_dir = a;
            build.content_display = a;
            while (build.content_display.size() > 1 && build.content_display.back() == '/')
                build.content_display.pop_back();
            content_given = true;
        } else {
            return usage_error("unexpected argument '" + a + "'");
        }
    }
    build.check_only = command == "check";

    simpul::gen::BuildResult result = simpul::gen::run_build(build);
    for (const auto& d : result.diags.sorted())
        std::fprintf(stderr, "%s\n", simpul::format_diagnostic(d).c_str());
    if (!result.ok) {
        std::size_t n = result.diags.error_count();
        std::fprintf(stderr, "\n%zu error%s found; %s\n", n, n == 1 ? "" : "s",
                     command == "check"
                         ? "fix them and run again."
                         : "nothing was written (the previous output is unchanged).");
        return 1;
    }
    std::fputs(simpul::gen::format_summary(result, build).c_str(), stdout);
    if (command == "serve") {
        serve.root = build.out_dir;
        return simpul::gen::serve_folder(serve) ? 0 : 1;
    }
    return 0;
}
