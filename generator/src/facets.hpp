// Facets of the innovation listings: the facet names and folders, the terms of
// each facet with their counts, the "narrow this list" panel of every listing
// page and the browse groups of the search page. Static: every link is a page.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "view.hpp"

namespace simpul::gen {

// Every facet, in the order pages show them.
const std::vector<Facet>& all_facets();

const char* facet_name(Facet f);           // "province", "sector", ... (UI string keys)
std::string facet_index_folder(Facet f);   // "sektor/", ...; "provinsi/" for provinces
const char* facet_search_filter(Facet f);  // the search index's filter name: "award", ...

// Terms of a facet in display order with their counts over the whole
// catalogue (zero counts kept for closed vocabularies, so a reader sees what
// is missing).
std::vector<std::pair<std::string, std::size_t>> facet_terms(const ViewContext& v, Facet f);

// The facet panel of a listing page: for each facet, the terms present among
// `items` (the whole listing, not one page) with their counts, each linking to
// that term's listing; the listing's own term is marked current.
json facet_panel(const ViewContext& v, const std::vector<std::size_t>& items);

// Every facet with all its terms that have innovations, for browsing.
json browse_groups(const ViewContext& v);

}  // namespace simpul::gen
