// Fuzz harness record_build: one innovation record (a whole .md file) through
// load -> validate -> model -> render, in memory: the record joins the fixture
// site tests/fixtures/valid/basic/content (loaded once) as innovations/fuzz-record.md;
// when it validates, its pages and the home page are rendered with site-template/
// and the dashboard data file is encoded and decoded. No Pagefind, no git, no writes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <tuple>

#include "catalogue.hpp"
#include "check.hpp"
#include "datafile.hpp"
#include "load.hpp"
#include "render.hpp"
#include "templates.hpp"
#include "validate.hpp"

namespace {

using namespace simpul;
using namespace simpul::gen;

struct Fixture {
    Content content;
    SiteTemplate tmpl;
};

const Fixture& fixture() {
    static const Fixture f = [] {
        Fixture x;
        std::filesystem::path src = SIMPUL_SOURCE_DIR;
        Diagnostics diags;
        x.content = load_content(src / "tests/fixtures/valid/basic/content", "content", diags);
        validate_content(x.content, diags);
        x.tmpl = SiteTemplate::load(src / "site-template", "site-template", {"id", "en"}, diags);
        if (diags.has_errors()) {
            for (const auto& d : diags.sorted())
                std::fprintf(stderr, "%s\n", format_diagnostic(d).c_str());
            std::fprintf(stderr, "record_build: the fixture site does not load\n");
            std::abort();
        }
        return x;
    }();
    return f;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    fixture();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Fixture& fx = fixture();
    std::string text(reinterpret_cast<const char*>(data), size);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
    if (simpul::gen::invalid_utf8_at(text) != std::string::npos ||
        text.find_first_not_of(" \t\r\n") == std::string::npos)
        return 0;

    // Stage 1, as load.cpp's load_record does for a .md file, but with the body
    // kept in the Document (load leaves an innovation's body in its file).
    const std::string path = "content/innovations/fuzz-record.md";
    Diagnostics diags;
    auto fm = split_front_matter(text, path, diags);
    if (!fm) return 0;
    auto fields = parse_yaml(fm->yaml, path, 2, diags);
    if (!fields) return 0;
    Document doc;
    doc.type = RecordType::Innovation;
    doc.id = "fuzz-record";
    doc.path = path;
    doc.format = Format::Markdown;
    doc.fields = std::move(*fields);
    doc.body = std::move(fm->body);
    doc.body_line = fm->body_line;

    Content content = fx.content;
    auto at = std::find_if(content.records.begin(), content.records.end(), [&](const Document& d) {
        return std::tie(d.type, d.id) > std::tie(doc.type, doc.id);
    });
    content.records.insert(at, std::move(doc));

    // Stage 2 (with the editor's advice, as `simpul check` runs it).
    validate_content(content, diags, /*advice=*/true);
    static const bool verbose = std::getenv("SIMPUL_FUZZ_VERBOSE") != nullptr;
    if (verbose)  // why an input stopped where it did (replay it with SIMPUL_FUZZ_VERBOSE=1)
        for (const auto& d : diags.sorted())
            std::fprintf(stderr, "  %s\n", format_diagnostic(d).c_str());
    if (diags.has_errors()) return 0;

    // Stages 3 and 4: the model, then the pages that show the record.
    SiteModel model = build_model(content);
    const auto& inn = model.cat.innovations;
    auto it =
        std::find_if(inn.begin(), inn.end(), [](const auto& i) { return i.id == "fuzz-record"; });
    fuzz_check(it != inn.end(), "a valid record is missing from the model");
    std::size_t index = static_cast<std::size_t>(it - inn.begin());
    for (const std::string lang : {"id", "en"}) {
        for (const PagePlan& plan : plan_pages(model, lang)) {
            bool shows =
                plan.key == "fuzz-record" || plan.kind == PageKind::Home ||
                (plan.page == 1 && plan.sort.empty() &&
                 std::find(plan.items.begin(), plan.items.end(), index) != plan.items.end());
            if (!shows) continue;
            std::string html = render_page(plan, model, fx.tmpl);
            fuzz_check(!html.empty(), "an empty page");
            if (verbose) std::fprintf(stderr, "  rendered %s\n", plan.path.c_str());
        }
    }
    // The dashboard's data file holds the record too.
    dash::Data d = dash::from_catalogue(model.cat, {}, {});
    std::string bytes = dash::encode(d);
    dash::Data back;
    std::string error;
    fuzz_check(dash::decode(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), back,
                            error),
               "the dashboard data file of a valid site does not decode");
    return 0;
}
