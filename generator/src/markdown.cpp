// The only place that calls cmark.
#include "markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace simpul::gen {
namespace {

// CMARK_OPT_SAFE is the default since cmark 0.29; passed explicitly for clarity.
constexpr int kOptions = CMARK_OPT_DEFAULT | CMARK_OPT_SAFE | CMARK_OPT_SMART;

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

NodePtr parse(const std::string& md) {
    return NodePtr(cmark_parse_document(md.data(), md.size(), kOptions), &cmark_node_free);
}

// Splits "inovasi:omspan" into kind and id when kind is a record-link kind.
bool split_record_url(const char* url, std::string& kind, std::string& id) {
    if (!url) return false;
    std::string u(url);
    auto colon = u.find(':');
    if (colon == std::string::npos) return false;
    kind = u.substr(0, colon);
    id = u.substr(colon + 1);
    const auto& kinds = record_link_kinds();
    return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

int line_of(cmark_node* node) {
    for (cmark_node* n = node; n; n = cmark_node_parent(n))
        if (int line = cmark_node_get_start_line(n); line > 0) return line;
    return 1;
}

// Calls fn(link_node, kind, id) for every record link.
template <class Fn>
void each_record_link(cmark_node* root, Fn fn) {
    cmark_iter* it = cmark_iter_new(root);
    std::vector<cmark_node*> links;
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK)
            links.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* n : links) {
        std::string kind, id;
        if (split_record_url(cmark_node_get_url(n), kind, id)) fn(n, kind, id);
    }
}

std::string render(cmark_node* root) {
    std::unique_ptr<char, decltype(&std::free)> html(cmark_render_html(root, kOptions), &std::free);
    return html ? std::string(html.get()) : std::string();
}

}  // namespace

const std::vector<std::string>& record_link_kinds() {
    static const std::vector<std::string> kinds = {"inovasi",  "hub",       "instansi", "agenda",
                                                   "regulasi", "replikasi", "provinsi"};
    return kinds;
}

std::string markdown_to_html(const std::string& markdown) {
    NodePtr root = parse(markdown);
    return root ? render(root.get()) : std::string();
}

std::vector<RecordLink> record_links(const std::string& markdown) {
    std::vector<RecordLink> out;
    NodePtr root = parse(markdown);
    if (!root) return out;
    each_record_link(root.get(),
                     [&](cmark_node* n, const std::string& kind, const std::string& id) {
                         out.push_back({kind, id, line_of(n)});
                     });
    return out;
}

std::string markdown_to_html(const std::string& markdown, const RecordLinkResolver& resolve) {
    NodePtr root = parse(markdown);
    if (!root) return {};
    each_record_link(root.get(),
                     [&](cmark_node* n, const std::string& kind, const std::string& id) {
                         std::string href = resolve(kind, id);
                         if (!href.empty()) {
                             cmark_node_set_url(n, href.c_str());
                             return;
                         }
                         // Unknown target: keep the text, drop the link.
                         while (cmark_node* child = cmark_node_first_child(n))
                             cmark_node_insert_before(n, child);
                         cmark_node_free(n);
                     });
    return render(root.get());
}

}  // namespace simpul::gen
