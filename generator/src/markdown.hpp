// Markdown to HTML with cmark in its safe mode: raw HTML is dropped. Links keep
// their address only when it is http://, https:// or mailto: (else their text
// stays, unlinked); images become links to the image, as pages load nothing from
// other sites. Record links such as [OM-SPAN](inovasi:omspan) are found and
// rewritten here (without a resolver they lose their address).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace simpul::gen {

std::string markdown_to_html(const std::string& markdown);

// A link to another record: [text](kind:id), kind one of record_link_kinds().
struct RecordLink {
    std::string
        kind;  // "inovasi", "hub", "instansi", "agenda", "regulasi", "replikasi", "provinsi"
    std::string id;
    int line = 1;  // line within the Markdown text, 1-based
    bool operator==(const RecordLink&) const = default;
};

const std::vector<std::string>& record_link_kinds();

// Every record link of a Markdown text.
std::vector<RecordLink> record_links(const std::string& markdown);

// Renders like markdown_to_html, with each record link's URL replaced by
// resolve(kind, id): a page-relative href, or "" to drop the link (text kept).
using RecordLinkResolver =
    std::function<std::string(const std::string& kind, const std::string& id)>;
std::string markdown_to_html(const std::string& markdown, const RecordLinkResolver& resolve);

}  // namespace simpul::gen
