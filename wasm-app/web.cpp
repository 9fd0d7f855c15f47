// EM_JS implementations of web.hpp. Language links (a.lang) follow the hash so
// that switching language keeps the view.
#include "web.hpp"

#include <emscripten.h>

#include <cstdlib>

namespace {

// clang-format off
EM_JS(char*, js_hash, (), {
    var s = window.location.hash || "";
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

EM_JS(void, js_set_hash, (const char* h, int push), {
    var hash = UTF8ToString(h);
    var url = window.location.pathname + window.location.search + hash;
    if (push) window.history.pushState(null, "", url); else window.history.replaceState(null, "", url);
    document.querySelectorAll('a.lang').forEach(function (a) { a.hash = hash; });
});

EM_JS(void, js_open, (const char* u), { window.location.href = UTF8ToString(u); });

EM_JS(void, js_download, (const char* name, const char* data, int len, const char* mime), {
    var blob = new Blob([HEAPU8.slice(data, data + len)], { type: UTF8ToString(mime) });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = UTF8ToString(name);
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
});

EM_JS(void, js_switch_language, (const char* h), {
    var a = document.querySelector('a.lang');
    if (a) window.location.href = a.href.split('#')[0] + UTF8ToString(h);
});

EM_JS(void, js_ready, (), {
    if (window.simpulDash) window.simpulDash.ready = true;
    document.documentElement.setAttribute('data-dashboard-ready', '1');
});
// clang-format on

}  // namespace

namespace simpul::dash::web {

std::string hash() {
    char* p = js_hash();
    std::string s = p;
    std::free(p);
    return s;
}
void push_hash(const std::string& h) {
    js_set_hash(h.c_str(), 1);
}
void replace_hash(const std::string& h) {
    js_set_hash(h.c_str(), 0);
}
void open_url(const std::string& url) {
    js_open(url.c_str());
}
void download(const std::string& name, const std::string& text, const char* mime) {
    js_download(name.c_str(), text.data(), static_cast<int>(text.size()), mime);
}
void switch_language(const std::string& h) {
    js_switch_language(h.c_str());
}
void signal_ready() {
    js_ready();
}

}  // namespace simpul::dash::web
