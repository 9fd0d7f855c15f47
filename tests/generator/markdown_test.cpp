// Tests for generator/src/markdown.cpp: cmark in safe mode.
#include "markdown.hpp"

#include <doctest/doctest.h>

using simpul::gen::markdown_to_html;

TEST_CASE("Markdown renders to HTML") {
    CHECK(markdown_to_html("## Latar belakang\n\nTeks **tebal**.\n") ==
          "<h2>Latar belakang</h2>\n<p>Teks <strong>tebal</strong>.</p>\n");
}

TEST_CASE("raw HTML and script are dropped, dangerous links emptied") {
    std::string html = markdown_to_html(
        "<script>alert(1)</script>\n\nTeks <b onclick=x>b</b> [a](javascript:alert(1))\n");
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("onclick") == std::string::npos);
    CHECK(html.find("javascript:") == std::string::npos);
    CHECK(html.find("<!-- raw HTML omitted -->") != std::string::npos);
}

TEST_CASE("record links are found with their line") {
    auto links = simpul::gen::record_links(
        "Teks.\n\nLihat [OM-SPAN](inovasi:omspan) dan\n[hub](hub:bali), [web](https://x.org).\n");
    REQUIRE(links.size() == 2);
    CHECK(links[0].kind == "inovasi");
    CHECK(links[0].id == "omspan");
    CHECK(links[0].line == 3);
    CHECK(links[1].kind == "hub");
    CHECK(links[1].id == "bali");
}

TEST_CASE("record links are rewritten by the resolver; unknown ones keep only their text") {
    auto resolve = [](const std::string& kind, const std::string& id) {
        return kind == "inovasi" && id == "omspan" ? std::string("../omspan/index.html")
                                                   : std::string();
    };
    CHECK(
        markdown_to_html("[OM-SPAN](inovasi:omspan) [X](hub:tidak-ada) [Y](https://x.org)\n",
                         resolve) ==
        "<p><a href=\"../omspan/index.html\">OM-SPAN</a> X <a href=\"https://x.org\">Y</a></p>\n");
}

TEST_CASE("only http(s) and mailto links keep their address; images become links") {
    CHECK(markdown_to_html(
              "[a](javascript:x) [b](JavaScript:x) [c](data:text/html,x) [d](../x) "
              "[e](ftp://x.org) <vbscript:x> [f](HTTPS://x.org) [g](mailto:a@x.org)\n") ==
          "<p>a b c d e vbscript:x <a href=\"HTTPS://x.org\">f</a> "
          "<a href=\"mailto:a@x.org\">g</a></p>\n");
    CHECK(markdown_to_html("![foto](https://x.org/a.png) ![js](javascript:x) "
                           "[![lencana](https://x.org/b.png)](https://x.org/b)\n") ==
          "<p><a href=\"https://x.org/a.png\">foto</a> js <a "
          "href=\"https://x.org/b\">lencana</a></p>\n");
    // Without a resolver a record link cannot become a page address: its text stays.
    CHECK(markdown_to_html("[OM-SPAN](inovasi:omspan)\n") == "<p>OM-SPAN</p>\n");
}
