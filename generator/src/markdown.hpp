// Markdown to HTML with cmark in its safe mode: raw HTML is dropped and
// javascript:/vbscript:/file:/data: links are removed by cmark itself.
#pragma once

#include <string>

namespace simpul::gen {

std::string markdown_to_html(const std::string& markdown);

}  // namespace simpul::gen
