// simpul: the command-line entry point. Parses arguments and calls the
// pipeline or the preview server; nothing else lives here.
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "allocator.hpp"
#include "pipeline.hpp"
#include "report.hpp"
#include "scaffold.hpp"
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
    "  simpul serve [CONTENT] [-o OUT]   build, serve OUT on http://127.0.0.1:8080/, rebuild on "
    "change\n"
    "                                    and reload open pages (errors show over the last good "
    "site)\n"
    "  simpul new TYPE ID                write a new record file to fill in (TYPE: innovation, "
    "hub,\n"
    "                                    agency, replication, event, regulation; --content DIR)\n"
    "  simpul --help | --version\n"
    "\n"
    "Options:\n"
    "  -o, --output DIR     output folder (build, serve)\n"
    "  --templates DIR      template folder (default: site-template/ beside CONTENT)\n"
    "  --format FORMAT      diagnostics as text (default: quoted line and hint), json, or github\n"
    "                       (workflow commands that annotate a pull request's lines)\n"
    "  --threads N          render with N threads (default: all cores)\n"
    "  --clean              write every file anew (default: files unchanged since the\n"
    "                       last build are linked from it, not written again)\n"
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

// `simpul new <type> <id>`: scaffolds a record file.
int run_new(const std::vector<std::string>& args, const std::string& content) {
    if (args.size() != 2)
        return usage_error(
            "usage: simpul new <type> <id>  (type: innovation, hub, agency, replication, event, "
            "regulation)");
    auto type = simpul::gen::record_type_named(args[0]);
    if (!type)
        return usage_error("unknown record type '" + args[0] +
                           "' (innovation, hub, agency, replication, event, regulation)");
    std::time_t now = std::time(nullptr);
    char today[11];
    std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&now));
    std::string display = content;
    while (display.size() > 1 && display.back() == '/') display.pop_back();
    auto r = simpul::gen::create_record(content, display, *type, args[1], today);
    if (!r.ok) {
        std::fprintf(stderr, "%s\n", r.error.c_str());
        return 1;
    }
    std::printf("Created %s\nFill it in, then run: simpul check %s\n",
                r.path.lexically_normal().c_str(), display.c_str());
    return 0;
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
    if (command != "build" && command != "check" && command != "serve" && command != "new")
        return usage_error("unknown command '" + command + "'");
    if (command != "new") simpul::gen::tune_allocator(/*resident=*/command == "serve");

    simpul::gen::BuildOptions build;
    simpul::gen::ServeOptions serve;
    simpul::gen::ReportFormat format = simpul::gen::ReportFormat::Text;
    std::vector<std::string> positional;
    std::string content_for_new = "content";
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
        } else if (a == "--content") {
            if (!value(v)) return usage_error(a + " needs a folder");
            content_for_new = v;
        } else if (a.rfind("--format", 0) == 0) {
            if (a.size() > 9 && a[8] == '=')
                v = a.substr(9);
            else if (a != "--format" || !value(v))
                return usage_error("--format needs text, json or github");
            if (v == "text")
                format = simpul::gen::ReportFormat::Text;
            else if (v == "json")
                format = simpul::gen::ReportFormat::Json;
            else if (v == "github")
                format = simpul::gen::ReportFormat::Github;
            else
                return usage_error("--format must be text, json or github, not '" + v + "'");
        } else if (a == "--clean") {
            build.clean = true;
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
        } else {
            positional.push_back(a);
        }
    }

    if (command == "new") return run_new(positional, content_for_new);
    if (positional.size() > 1) return usage_error("unexpected argument '" + positional[1] + "'");
    if (!positional.empty()) {
        build.content_dir = positional[0];
        build.content_display = positional[0];
        while (build.content_display.size() > 1 && build.content_display.back() == '/')
            build.content_display.pop_back();
    }
    build.check_only = command == "check";

    if (command == "serve") {
        serve.root = build.out_dir;
        return simpul::gen::serve_live(build, serve);
    }

    simpul::gen::BuildResult result = simpul::gen::run_build(build);
    std::string report =
        simpul::gen::format_report(result.diags.sorted(), format, simpul::gen::file_line_reader());
    std::fputs(report.c_str(), format == simpul::gen::ReportFormat::Text ? stderr : stdout);
    std::size_t errors = result.diags.error_count();
    std::size_t warnings = result.diags.all().size() - errors;
    if (!result.ok) {
        std::fprintf(stderr, "\n%zu error%s found; %s\n", errors, errors == 1 ? "" : "s",
                     command == "check"
                         ? "fix them and run again."
                         : "nothing was written (the previous output is unchanged).");
        return 1;
    }
    if (warnings > 0)
        std::fprintf(stderr, "\n%zu warning%s (the content is valid; these are advice)\n", warnings,
                     warnings == 1 ? "" : "s");
    if (format == simpul::gen::ReportFormat::Text)
        std::fputs(simpul::gen::format_summary(result, build).c_str(), stdout);
    return 0;
}
