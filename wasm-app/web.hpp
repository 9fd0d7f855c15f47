// The browser side of the platform glue: URL hash and history, navigation,
// file download and the ready signal, as small JavaScript functions (EM_JS).
#pragma once

#include <string>

namespace simpul::dash::web {

std::string hash();                    // location.hash ("" or "#...")
void push_hash(const std::string& h);  // a new history entry (back steps through them)
void replace_hash(const std::string& h);
void open_url(const std::string& url);  // relative to the page
void download(const std::string& name, const std::string& text, const char* mime);
void switch_language(const std::string& h);  // the other language's dashboard, same hash
void signal_ready();                         // window.simpulDash.ready = true

}  // namespace simpul::dash::web
