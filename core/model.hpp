// The record model: typed records of the content contract and the Catalogue
// that holds them with id indexes. Built from validated Nodes by decode.cpp;
// read by the generator's renderer, the statistics and the dashboard.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace simpul {

struct Source {
    std::string title, url, seed, publisher, date;
    bool operator==(const Source&) const = default;
};

struct Award {
    std::string program;
    int year = 0;
    std::string title;
    bool operator==(const Award&) const = default;
};

struct Link {
    std::string title, url;
    bool operator==(const Link&) const = default;
};

struct Contact {
    std::string name, email, phone, url;
    bool empty() const { return name.empty() && email.empty() && phone.empty() && url.empty(); }
    bool operator==(const Contact&) const = default;
};

// Where a record came from: its file (relative path) and the line it starts on.
struct Origin {
    std::string path;
    int line = 1;
    bool operator==(const Origin&) const = default;
};

struct Province {
    std::string code, name, short_name, slug, capital;
    int tile_col = 0, tile_row = 0;
    int kabupaten = -1, kota = -1;  // -1: unknown (unsourced)
    std::vector<Source> sources;
};

struct Sector {
    std::string id, name, name_en;
};

struct Sdg {
    int number = 0;
    std::string name, name_en;
};

struct Program {
    std::string id, name, name_en, owner, url;
};

struct Agency {
    std::string id, name, name_en, short_name, type, level, province, url;
    std::vector<Source> sources;
    Origin origin;
};

struct Innovation {
    std::string id, title, title_en, summary, summary_en, agency, province;
    int year = 0;  // 0: unknown
    std::vector<std::string> sectors;
    std::vector<int> sdgs;
    std::string stage, status;
    std::optional<bool> digital;
    std::vector<Award> awards;
    Contact contact;
    std::vector<Link> links;
    std::vector<Source> sources;
    std::string updated;
    std::string body;     // Markdown
    std::string body_en;  // Markdown, optional English text of the body
    Origin origin;
    bool operator==(const Innovation&) const = default;
};

struct Decree {
    std::string number, title, url;
    int year = 0;
};

struct Hub {
    std::string id, name, name_en, kind, province, agency;
    int established = 0;
    std::optional<Decree> decree;
    std::vector<std::string> partners;
    std::vector<Source> sources;
    std::string body;
    Origin origin;
};

struct Replication {
    std::string id, innovation, adopter;
    int year = 0;
    std::string status, event, notes;
    std::vector<Source> sources;
    Origin origin;
};

struct Event {
    std::string id, title, title_en, type, date, status, hub, province;
    std::optional<bool> online;
    std::vector<std::string> innovations;
    std::vector<Source> sources;
    std::string body;
    Origin origin;
};

struct Regulation {
    std::string id, title, title_en, number, type, url;
    int year = 0;
    std::vector<Source> sources;
    std::string body;
    Origin origin;
};

struct Figure {
    std::string id, label, label_en;
    long long value = 0;
    int as_of = 0;
    std::vector<Source> sources;
};

struct Site {
    std::string title, title_en, description, description_en;
    std::vector<std::string> languages;
    int per_page = 20;
    std::string licence_name, licence_url;
    Contact contact;
    std::string base_url;
    std::vector<Figure> figures;
    std::string about, about_en;  // Markdown
    std::vector<Source> about_sources;
};

// Every record of a content folder, sorted by id (provinces by code, SDGs by
// number), with look-ups by id.
class Catalogue {
  public:
    Site site;
    std::vector<Province> provinces;
    std::vector<Sector> sectors;
    std::vector<Sdg> sdgs;
    std::vector<Program> programs;
    std::vector<Agency> agencies;
    std::vector<Innovation> innovations;
    std::vector<Hub> hubs;
    std::vector<Replication> replications;
    std::vector<Event> events;
    std::vector<Regulation> regulations;

    // Sorts every list into its canonical order and rebuilds the indexes.
    // Call once after filling the lists.
    void finish();

    const Province* province(const std::string& code) const;
    const Sector* sector(const std::string& id) const;
    const Sdg* sdg(int number) const;
    const Program* program(const std::string& id) const;
    const Agency* agency(const std::string& id) const;
    const Innovation* innovation(const std::string& id) const;
    const Hub* hub(const std::string& id) const;
    const Event* event(const std::string& id) const;
    const Replication* replication(const std::string& id) const;
    const Regulation* regulation(const std::string& id) const;

    // The province an innovation belongs to: its own, else its agency's.
    std::string province_of(const Innovation& inn) const;
    // How many replications name the innovation `id`.
    std::size_t replication_count(const std::string& id) const;

  private:
    std::unordered_map<std::string, std::size_t> province_idx_, sector_idx_, program_idx_,
        agency_idx_, innovation_idx_, hub_idx_, event_idx_, replication_idx_, regulation_idx_;
    std::unordered_map<std::string, std::size_t> replication_counts_;  // by innovation id
};

}  // namespace simpul
