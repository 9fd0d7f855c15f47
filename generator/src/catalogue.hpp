// Stage 3, model: turn validated Documents into the typed Catalogue (core) and
// the cross-record indexes every page needs (who replicated what, what each
// province, hub and agency holds). Runs only when validation found no error.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "history.hpp"
#include "load.hpp"
#include "model.hpp"
#include "stats.hpp"

namespace simpul::gen {

using Index = std::map<std::string, std::vector<std::size_t>>;

struct SiteModel {
    Catalogue cat;
    std::map<Facet, Index> facets;  // innovations per province, sector, SDG, ...
    Index innovations_by_agency;    // agency id -> innovations
    Index replications_by_innovation;
    Index replications_by_adopter;  // agency id -> replications it adopted
    Index replications_in;          // province code -> replications adopted there
    Index replications_out;         // province code -> replications of its innovations elsewhere
    Index replications_by_event;
    Index events_by_hub;
    Index events_by_innovation;
    Index events_by_province;  // the event's own province, else its hub's
    Index hubs_by_province;
    Index hubs_by_agency;  // host or partner agency -> hubs
    Index agencies_by_province;
    std::vector<std::size_t> newest_innovations;  // year desc, then updated desc, then id
    // Where each innovation's body is (by index in cat.innovations): most are
    // left in their files (load.hpp, BodySource); read them with innovation_body.
    std::vector<BodySource> innovation_bodies;
    History history;  // from git, by record display path (empty outside a repository)
    // What a rebuild compares (deps.cpp): each record file's hash, by display
    // path, and one hash of site.yaml and the data/ lists together.
    std::unordered_map<std::string, std::uint64_t> source_hashes;
    std::uint64_t data_hash = 0;
};

// The live preview's innovations of its last build, decoded, by file path,
// each with the hash of its file's bytes: a file with the same bytes makes the
// same record, taken from here instead of decoded again.
struct DecodedMemory {
    std::unordered_map<std::string, std::pair<std::uint64_t, Innovation>> innovations;
};

// `memory`: taken from where it holds (each entry taken left marked so).
SiteModel build_model(const Content& content, DecodedMemory* memory = nullptr);
// The same, taking the records' bodies from `content` instead of copying them.
SiteModel build_model(Content&& content);

// Innovation `i`'s Markdown body: read from its file when it was left there
// (throws ChangedDuringBuild if the file changed since load), else the one in
// the model (records made in tests, a `body` field, a .md file's blank body).
std::string innovation_body(const SiteModel& m, std::size_t i);
// Moves the model's innovations into `memory`, for the next build_model (the
// model is done with them).
void remember_decoded(SiteModel& m, DecodedMemory& memory);

}  // namespace simpul::gen
