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
