// Tests for core/url.cpp: percent-encoding of query values, and decoding.
#include "url.hpp"

#include <doctest/doctest.h>

using namespace simpul;

TEST_CASE("query values are percent-encoded as UTF-8") {
    CHECK(percent_encode("Kalimantan Selatan") == "Kalimantan%20Selatan");
    CHECK(percent_encode("1. Tanpa Kemiskinan") == "1.%20Tanpa%20Kemiskinan");
    CHECK(percent_encode("a&b=c") == "a%26b%3Dc");
    CHECK(percent_encode("é") == "%C3%A9");
}

TEST_CASE("percent-decoding undoes the encoding and leaves stray percent signs alone") {
    CHECK(percent_decode(percent_encode("Sehat & co / é")) == "Sehat & co / é");
    CHECK(percent_decode("Kalimantan+Selatan") == "Kalimantan Selatan");
    CHECK(percent_decode("%c3%A9") == "é");
    // Not two hex digits after '%': kept as typed (sscanf's %2x took "-1" and " 1").
    CHECK(percent_decode("100%") == "100%");
    CHECK(percent_decode("%4") == "%4");
    CHECK(percent_decode("%-1") == "%-1");
    CHECK(percent_decode("% 1") == "% 1");
    CHECK(percent_decode("%zz") == "%zz");
}
