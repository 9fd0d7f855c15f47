// A small catalogue for the dashboard tests (core/filter, core/datafile, the
// frame tests): three provinces, five innovations, hubs of both kinds,
// replications between provinces and events. Synthetic: never mixed into content/.
#pragma once

#include "model.hpp"

namespace simpul::test {

inline Catalogue dashboard_catalogue() {
    Catalogue c;
    auto province = [](std::string code, std::string name, std::string short_name, int col, int row,
                       int kabupaten, int kota) {
        Province p;
        p.code = std::move(code);
        p.name = std::move(name);
        p.short_name = std::move(short_name);
        p.slug = p.short_name;
        p.tile_col = col;
        p.tile_row = row;
        p.kabupaten = kabupaten;
        p.kota = kota;
        return p;
    };
    c.provinces = {province("35", "Jawa Timur", "Jatim", 5, 3, 29, 9),
                   province("63", "Kalimantan Selatan", "Kalsel", 6, 2, -1, -1),
                   province("34", "DI Yogyakarta", "DIY", 4, 3, 4, 1)};
    c.sectors = {{"kesehatan", "Kesehatan", "Health"},
                 {"pendidikan", "Pendidikan", "Education"},
                 {"keuangan", "Keuangan", "Finance"}};
    c.sdgs = {{3, "Kehidupan sehat", "Good health"},
              {4, "Pendidikan berkualitas", "Quality education"}};
    for (const char* id : {"kipp", "iga"}) {
        Program p;
        p.id = p.name = p.name_en = id;
        c.programs.push_back(p);
    }
    auto agency = [](std::string id, std::string level, std::string province) {
        Agency a;
        a.id = std::move(id);
        a.name = "Agency " + a.id;
        a.level = std::move(level);
        a.province = std::move(province);
        return a;
    };
    c.agencies = {agency("kemenkeu", "pusat", ""), agency("pemprov-jatim", "provinsi", "35"),
                  agency("pemprov-kalsel", "provinsi", "63"),
                  agency("pemprov-diy", "provinsi", "34")};
    auto innovation = [](std::string id, std::string title, std::string agency, int year,
                         std::vector<std::string> sectors, std::vector<int> sdgs, std::string stage,
                         std::string status, std::vector<std::string> awards) {
        Innovation i;
        i.id = std::move(id);
        i.title = std::move(title);
        i.agency = std::move(agency);
        i.year = year;
        i.sectors = std::move(sectors);
        i.sdgs = std::move(sdgs);
        i.stage = std::move(stage);
        i.status = std::move(status);
        for (auto& a : awards) i.awards.push_back({a, year, "Top"});
        return i;
    };
    c.innovations = {
        innovation("sehat-jatim", "Sehat Jatim", "pemprov-jatim", 2019, {"kesehatan"}, {3},
                   "pelembagaan", "berlanjut", {"kipp"}),
        innovation("sekolah-jatim", "Sekolah Jatim", "pemprov-jatim", 2020,
                   {"pendidikan", "kesehatan"}, {3, 4}, "pengembangan", "berlanjut", {}),
        innovation("kalsel-pintar", "Kalsel Pintar", "pemprov-kalsel", 2020, {"pendidikan"}, {4},
                   "penciptaan", "vakum", {"iga", "kipp"}),
        innovation("omspan", "OM-SPAN", "kemenkeu", 2016, {"keuangan"}, {}, "pelembagaan", "", {}),
        innovation("diy-tanpa-tahun", "Apa DIY", "pemprov-diy", 0, {"kesehatan"}, {}, "", "", {}),
    };
    auto hub = [](std::string id, std::string kind, std::string province, int year,
                  std::string decree) {
        Hub h;
        h.id = std::move(id);
        h.name = "Hub " + h.id;
        h.kind = std::move(kind);
        h.province = std::move(province);
        h.established = year;
        if (!decree.empty()) h.decree = Decree{decree, "SK", "", year};
        return h;
    };
    c.hubs = {hub("jatim", "daerah", "35", 2020, "94/2020"),
              hub("kalsel", "daerah", "63", 2020, "94/2020"),
              hub("diy", "daerah", "34", 2021, "359/2021"), hub("lan", "kl", "", 2023, "")};
    auto replication = [](std::string id, std::string innovation, std::string adopter, int year) {
        Replication r;
        r.id = std::move(id);
        r.innovation = std::move(innovation);
        r.adopter = std::move(adopter);
        r.year = year;
        r.status = "direncanakan";
        return r;
    };
    c.replications = {replication("r1", "sehat-jatim", "pemprov-kalsel", 2021),
                      replication("r2", "sekolah-jatim", "pemprov-kalsel", 2021),
                      replication("r3", "kalsel-pintar", "pemprov-diy", 2022),
                      replication("r4", "omspan", "pemprov-jatim", 2021)};
    Event e;
    e.id = "fripp-kalsel";
    e.type = "fripp";
    e.date = "2020-10-27";
    e.hub = "kalsel";
    Event e2;
    e2.id = "fgd";
    e2.type = "fgd";
    e2.date = "2023-02-01";
    c.events = {e, e2};
    c.finish();
    return c;
}

}  // namespace simpul::test
