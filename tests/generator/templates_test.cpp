// Tests for generator/src/templates.cpp: the kind -> template table, missing
// templates named by path, i18n strings.
#include "templates.hpp"

#include <doctest/doctest.h>

#include <set>

#include "support.hpp"

using namespace simpul;
using namespace simpul::gen;
namespace fs = std::filesystem;

TEST_CASE("every page kind has exactly one template") {
    std::set<std::string> files;
    for (const auto& t : template_table()) files.insert(t.file);
    CHECK(files.size() == template_table().size());
    CHECK(std::string(template_info(PageKind::Innovation).file) == "innovation.html");
    CHECK_FALSE(template_info(PageKind::Sitemap).html);
}

TEST_CASE("the repository's template folder is complete for both languages") {
    Diagnostics d;
    SiteTemplate t =
        SiteTemplate::load(test::source_dir() / "site-template", "site-template", {"id", "en"}, d);
    CHECK(d.all().empty());
    CHECK(t.strings("id").at("nav").at("innovations").is_string());
    CHECK(t.strings("en").at("nav").at("innovations").is_string());
    CHECK(t.strings("id").at("months").size() == 12);
    CHECK_FALSE(t.assets().empty());
}

TEST_CASE("a missing template is an error naming its path") {
    test::TempDir tmp;
    fs::copy(test::source_dir() / "site-template", tmp / "tpl", fs::copy_options::recursive);
    fs::remove(tmp / "tpl/innovation.html");
    Diagnostics d;
    SiteTemplate::load(tmp / "tpl", "tpl", {"id"}, d);
    REQUIRE(d.all().size() == 1);
    CHECK(format_diagnostic(d.all()[0]) ==
          "tpl/innovation.html:1:1: error[missing-template]: template file is missing");
}

TEST_CASE("pager.html is included by name, its UI strings in the page's language") {
    test::TempDir tmp;
    fs::copy(test::source_dir() / "site-template", tmp / "tpl", fs::copy_options::recursive);
    test::write_file(tmp / "tpl/layout.html", "{{{content}}}");
    test::write_file(tmp / "tpl/regulation.html", "<h1>{{title}}</h1>{{> pager_nav}}");
    test::write_file(tmp / "tpl/pager.html",
                     "{{#pager}}<nav>{{t.pager.label}} {{page}}</nav>{{/pager}}");
    Diagnostics d;
    SiteTemplate t = SiteTemplate::load(tmp / "tpl", "tpl", {"id", "en"}, d);
    REQUIRE(d.all().empty());
    const nlohmann::json view = {{"title", "R"}, {"pager", {{"page", "2"}}}};
    CHECK(t.render(PageKind::Regulation, view, "id") == "<h1>R</h1><nav>Halaman daftar 2</nav>");
    CHECK(t.render(PageKind::Regulation, view, "en") == "<h1>R</h1><nav>Listing pages 2</nav>");
    CHECK(t.render(PageKind::Regulation, {{"title", "R"}}, "id") == "<h1>R</h1>");

    // Written in where it is included, spaces in the tag or not; other names are
    // Mustache's partials, and without one of that name they show nothing.
    test::write_file(tmp / "tpl/regulation.html",
                     "{{>pager_nav}}|{{> pager_nav }}|{{> other}}|{{title}}");
    SiteTemplate spaced = SiteTemplate::load(tmp / "tpl", "tpl", {"id"}, d);
    REQUIRE(d.all().empty());
    CHECK(spaced.render(PageKind::Regulation, view, "id") ==
          "<nav>Halaman daftar 2</nav>|<nav>Halaman daftar 2</nav>||R");

    fs::remove(tmp / "tpl/pager.html");
    Diagnostics missing;
    SiteTemplate::load(tmp / "tpl", "tpl", {"id"}, missing);
    REQUIRE(missing.all().size() == 1);
    CHECK(format_diagnostic(missing.all()[0]) ==
          "tpl/pager.html:1:1: error[missing-template]: template file is missing");
}

TEST_CASE("UI strings must exist for every language of the site") {
    test::TempDir tmp;
    fs::copy(test::source_dir() / "site-template", tmp / "tpl", fs::copy_options::recursive);
    Diagnostics d;
    SiteTemplate::load(tmp / "tpl", "tpl", {"id", "jv"}, d);
    REQUIRE(d.all().size() == 1);
    CHECK(format_diagnostic(d.all()[0]) ==
          "tpl/i18n/jv.yaml:1:1: error[missing-template]: UI strings file is missing");
}

TEST_CASE("rendering wraps HTML pages in the layout and escapes text") {
    test::TempDir tmp;
    fs::copy(test::source_dir() / "site-template", tmp / "tpl", fs::copy_options::recursive);
    test::write_file(tmp / "tpl/layout.html", "<main>{{{content}}}</main>");
    test::write_file(tmp / "tpl/regulation.html", "<h1>{{title}}</h1>");
    Diagnostics d;
    SiteTemplate t = SiteTemplate::load(tmp / "tpl", "tpl", {"id"}, d);
    REQUIRE(d.all().empty());
    CHECK(t.render(PageKind::Regulation, {{"title", "A <b>&</b>"}}) ==
          "<main><h1>A &lt;b&gt;&amp;&lt;/b&gt;</h1></main>");
}

TEST_CASE("UI strings written into the templates render as Mustache would render them") {
    test::TempDir tmp;
    fs::copy(test::source_dir() / "site-template", tmp / "tpl", fs::copy_options::recursive);
    test::write_file(tmp / "tpl/layout.html", "{{{content}}}");
    // Escaped, raw, a missing string, a string holding braces, a section and a page field.
    test::write_file(tmp / "tpl/regulation.html",
                     "{{t.x.amp}}|{{{t.x.amp}}}|{{t.x.none}}|{{t.x.braces}}|"
                     "{{#t.x.amp}}yes{{/t.x.amp}}|{{title}}|{{t.x.quote}}");
    test::write_file(
        tmp / "tpl/i18n/id.yaml",
        test::read_file(tmp / "tpl/i18n/id.yaml") +
            "\nx:\n  amp: \"A & B <c>\"\n  braces: \"{{title}}\"\n  quote: \"'\\\"\"\n");
    Diagnostics d;
    SiteTemplate t = SiteTemplate::load(tmp / "tpl", "tpl", {"id"}, d);
    REQUIRE(d.all().empty());
    CHECK(t.render(PageKind::Regulation, {{"title", "<T>"}}, "id") ==
          "A &amp; B &lt;c&gt;|A & B <c>||{{title}}|yes|&lt;T&gt;|&apos;&quot;");
}

TEST_CASE("the layout shows the site's name and licence from a layer beneath the page's view") {
    Diagnostics d;
    SiteTemplate t =
        SiteTemplate::load(test::source_dir() / "site-template", "site-template", {"id"}, d);
    REQUIRE(d.all().empty());
    auto page = [&](const nlohmann::json& site, bool home) {
        ViewLayer beneath(nlohmann::json{{"site", site}});
        // The page's own "title" (a record's) is not the site's.
        nlohmann::json view = {{"page_title", "Halaman"}, {"title", "Judul"}, {"is_home", home}};
        return t.render(PageKind::NotFound, view, "id", {&beneath});
    };
    auto has = [](const std::string& text, const std::string& part) {
        return text.find(part) != std::string::npos;
    };
    const std::string licence = "<p>Data katalog dapat dipakai ulang dengan lisensi ";
    std::string both =
        page({{"title", "Katalog"}, {"licence_url", "https://l/"}, {"licence_name", "CC BY 4.0"}},
             false);
    CHECK(has(both, "<title>Halaman · Katalog</title>"));
    CHECK(has(both, "aria-current=\"page\">Katalog</a>") == false);
    CHECK(has(both, licence + "<a href=\"https://l/\" rel=\"license\">CC BY 4.0</a>.</p>"));
    std::string name_only =
        page({{"title", "Katalog"}, {"licence_url", false}, {"licence_name", "CC BY 4.0"}}, true);
    CHECK(has(name_only, "<title>Katalog</title>"));
    CHECK(has(name_only, "aria-current=\"page\">Katalog</a>"));
    CHECK(has(name_only, licence + "CC BY 4.0.</p>"));
    std::string none =
        page({{"title", "Katalog"}, {"licence_url", false}, {"licence_name", false}}, false);
    CHECK_FALSE(has(none, licence));
}
