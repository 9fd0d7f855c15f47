// The only place that calls cmark.
#include "markdown.hpp"

#include <cmark.h>

#include <cstdlib>
#include <memory>

namespace simpul::gen {

std::string markdown_to_html(const std::string& markdown) {
    // CMARK_OPT_SAFE is the default since cmark 0.29; passed explicitly for clarity.
    int options = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_SMART;
    std::unique_ptr<char, decltype(&std::free)> html(
        cmark_markdown_to_html(markdown.data(), markdown.size(), options), &std::free);
    return html ? std::string(html.get()) : std::string();
}

}  // namespace simpul::gen
