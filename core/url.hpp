// Percent-encoding of values put into a URL's query or fragment (and back), shared by the
// generator (links to the search page with filters set) and the dashboard (its
// state in the address bar).
#pragma once

#include <string>
#include <string_view>

namespace simpul {

// Every byte but the unreserved ones of RFC 3986 (A-Z a-z 0-9 - _ . ~) as %XX.
std::string percent_encode(std::string_view s);

// The other way: %XX (two hex digits) becomes its byte, '+' a space; a '%' not
// followed by two hex digits stays as it is.
std::string percent_decode(std::string_view s);

}  // namespace simpul
