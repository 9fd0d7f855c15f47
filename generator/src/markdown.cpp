// The only place that calls cmark. Raw HTML is dropped (safe mode); links pass
// only to http(s) and mailto addresses (and record links, resolved to pages of
// the site); images become links, since pages load nothing from other sites.
#include "markdown.hpp"

#include <cmark.h>

#include <algorithm>
#include <cctype>
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

// http://, https:// or mailto: (scheme in any case): the only addresses a link may have.
bool is_web_url(const char* url) {
    if (!url) return false;
    std::string u(url);
    std::transform(u.begin(), u.end(), u.begin(), [](unsigned char c) {
        return c < 0x80 ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    });
    return u.rfind("http://", 0) == 0 || u.rfind("https://", 0) == 0 || u.rfind("mailto:", 0) == 0;
}

// Moves n's children before it and frees it: the text stays, the link goes.
void unwrap(cmark_node* n) {
    while (cmark_node* child = cmark_node_first_child(n)) cmark_node_insert_before(n, child);
    cmark_node_free(n);
}

bool inside_link(cmark_node* n) {
    for (cmark_node* p = cmark_node_parent(n); p; p = cmark_node_parent(p))
        if (cmark_node_get_type(p) == CMARK_NODE_LINK) return true;
    return false;
}

// Every link whose address is not a web address loses its address (its text
// stays), except record links when `keep_record_links`; every image becomes a
// link to the image, or its text alone (inside a link, or not a web address).
void make_links_safe(cmark_node* root, bool keep_record_links) {
    cmark_iter* it = cmark_iter_new(root);
    std::vector<cmark_node*> nodes;
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node* n = cmark_iter_get_node(it);
        cmark_node_type type = cmark_node_get_type(n);
        if (ev == CMARK_EVENT_ENTER && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE))
            nodes.push_back(n);
    }
    cmark_iter_free(it);
    // Innermost first (images inside links), so no node is freed before it is visited.
    for (auto i = nodes.rbegin(); i != nodes.rend(); ++i) {
        cmark_node* n = *i;
        const char* url = cmark_node_get_url(n);
        std::string kind, id;
        bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
        bool web = is_web_url(url);
        bool record = !image && keep_record_links && split_record_url(url, kind, id);
        if (image && web && !inside_link(n)) {
            cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
            cmark_node_set_url(link, url);
            while (cmark_node* child = cmark_node_first_child(n))
                cmark_node_append_child(link, child);
            cmark_node_replace(n, link);
            cmark_node_free(n);
        } else if (image || (!web && !record)) {
            unwrap(n);
        }
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
    if (!root) return {};
    make_links_safe(root.get(), false);
    return render(root.get());
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
    make_links_safe(root.get(), true);
    each_record_link(root.get(),
                     [&](cmark_node* n, const std::string& kind, const std::string& id) {
                         std::string href = resolve(kind, id);
                         if (!href.empty()) {
                             cmark_node_set_url(n, href.c_str());
                             return;
                         }
                         unwrap(n);  // unknown target: keep the text, drop the link
                     });
    return render(root.get());
}

}  // namespace simpul::gen
