// Tests for core/url.cpp: percent-encoding of query values.
#include "url.hpp"

#include <doctest/doctest.h>

using namespace simpul;

TEST_CASE("query values are percent-encoded as UTF-8") {
    CHECK(percent_encode("Kalimantan Selatan") == "Kalimantan%20Selatan");
    CHECK(percent_encode("1. Tanpa Kemiskinan") == "1.%20Tanpa%20Kemiskinan");
    CHECK(percent_encode("a&b=c") == "a%26b%3Dc");
    CHECK(percent_encode("é") == "%C3%A9");
}
