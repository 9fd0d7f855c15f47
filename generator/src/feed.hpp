// The Atom feed of the newest innovations (feed.cpp); its view is feed_view()
// in view.hpp. Declared here: the parts the tests check on their own.
#pragma once

#include <cstddef>
#include <string>

#include "model.hpp"

namespace simpul::gen {

// At most this many entries: the newest innovations (year, then updated).
inline constexpr std::size_t kFeedEntries = 50;

// "urn:uuid:..." derived from `name` (RFC 9562 version 8, FNV-1a based): the
// same name always gives the same id.
std::string name_uuid(const std::string& name);

// An entry's atom:updated: the record's `updated` date, else its newest
// source date, else 1 January of its year (RFC 3339, UTC).
std::string entry_date(const Innovation& inn);

}  // namespace simpul::gen
