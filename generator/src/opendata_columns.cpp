// The CSV columns of the open data: name, documentation in both languages and
// how each value is read from a record. The writer (opendata.cpp) and the
// data page's column tables use this one list, so they cannot disagree.
#include "opendata.hpp"
#include "view.hpp"

namespace simpul::gen {
namespace {

std::string join(const std::vector<std::string>& items, const char* sep = "; ") {
    std::string out;
    for (const auto& s : items) {
        if (!out.empty()) out += sep;
        out += s;
    }
    return out;
}

std::string year_text(int y) {
    return y > 0 ? std::to_string(y) : std::string();
}

std::string province_name(const Catalogue& cat, const std::string& code) {
    const Province* p = cat.province(code);
    return p ? p->name : std::string();
}

std::string agency_name(const Catalogue& cat, const std::string& id) {
    const Agency* a = cat.agency(id);
    return a ? a->name : std::string();
}

// The page of a record: absolute with base_url, else relative to the site root.
std::string page_url(const Catalogue& cat, const std::string& site_path) {
    return site_base(cat.site) + site_path;
}

// Where the facts come from: each source's URL, or its seed document's name.
std::string source_list(const std::vector<Source>& sources) {
    std::vector<std::string> out;
    for (const auto& s : sources) out.push_back(!s.url.empty() ? s.url : s.seed);
    return join(out, " ");
}

}  // namespace

const std::vector<CsvColumn<Innovation>>& innovation_columns() {
    using C = const Catalogue&;
    using I = const Innovation&;
    static const std::vector<CsvColumn<Innovation>> cols = {
        {"id", "Pengenal catatan (nama berkas)", "Record id (file name)",
         [](C, I i) { return i.id; }},
        {"title", "Judul", "Title", [](C, I i) { return i.title; }},
        {"title_en", "Judul dalam bahasa Inggris", "Title in English",
         [](C, I i) { return i.title_en; }},
        {"summary", "Ringkasan", "Summary", [](C, I i) { return i.summary; }},
        {"summary_en", "Ringkasan dalam bahasa Inggris", "Summary in English",
         [](C, I i) { return i.summary_en; }},
        {"agency", "Pengenal instansi pemilik", "Owning agency's id",
         [](C, I i) { return i.agency; }},
        {"agency_name", "Nama instansi pemilik", "Owning agency's name",
         [](C c, I i) { return agency_name(c, i.agency); }},
        {"province_code", "Kode provinsi (Kemendagri) inovasi atau instansinya",
         "Province code (Ministry of Home Affairs) of the innovation or its agency",
         [](C c, I i) { return c.province_of(i); }},
        {"province_name", "Nama provinsi", "Province name",
         [](C c, I i) { return province_name(c, c.province_of(i)); }},
        {"year", "Tahun diluncurkan", "Year launched", [](C, I i) { return year_text(i.year); }},
        {"sectors", "Sektor (pengenal, dipisah \"; \")", "Sectors (ids, separated by \"; \")",
         [](C, I i) { return join(i.sectors); }},
        {"sdgs", "Nomor SDG (dipisah \"; \")", "SDG numbers (separated by \"; \")",
         [](C, I i) {
             std::vector<std::string> s;
             for (int n : i.sdgs) s.push_back(std::to_string(n));
             return join(s);
         }},
        {"stage", "Tahap pembinaan", "Stage", [](C, I i) { return i.stage; }},
        {"status", "Status", "Status", [](C, I i) { return i.status; }},
        {"digital", "Layanan digital (true/false)", "Digital service (true/false)",
         [](C, I i) { return i.digital ? std::string(*i.digital ? "true" : "false") : ""; }},
        {"awards", "Penghargaan: program tahun: judul (dipisah \"; \")",
         "Awards: programme year: title (separated by \"; \")",
         [](C, I i) {
             std::vector<std::string> s;
             for (const auto& a : i.awards)
                 s.push_back(a.program + " " + std::to_string(a.year) + ": " + a.title);
             return join(s);
         }},
        {"contact_name", "Nama kontak", "Contact name", [](C, I i) { return i.contact.name; }},
        {"contact_email", "Surel kontak", "Contact e-mail", [](C, I i) { return i.contact.email; }},
        {"contact_phone", "Telepon kontak", "Contact phone",
         [](C, I i) { return i.contact.phone; }},
        {"contact_url", "Situs kontak", "Contact website", [](C, I i) { return i.contact.url; }},
        {"replications", "Jumlah replikasi tercatat", "Number of recorded replications",
         [](C c, I i) { return std::to_string(c.replication_count(i.id)); }},
        {"updated", "Terakhir diperbarui (YYYY-MM-DD)", "Last updated (YYYY-MM-DD)",
         [](C, I i) { return i.updated; }},
        {"url", "Halaman di situs ini", "Page on this site",
         [](C c, I i) { return page_url(c, "inovasi/" + i.id + "/index.html"); }},
        {"sources", "Sumber: alamat web atau nama dokumen (dipisah spasi)",
         "Sources: web address or document name (separated by spaces)",
         [](C, I i) { return source_list(i.sources); }},
    };
    return cols;
}

const std::vector<CsvColumn<Hub>>& hub_columns() {
    using C = const Catalogue&;
    using H = const Hub&;
    static const std::vector<CsvColumn<Hub>> cols = {
        {"id", "Pengenal catatan", "Record id", [](C, H h) { return h.id; }},
        {"name", "Nama hub", "Hub name", [](C, H h) { return h.name; }},
        {"name_en", "Nama dalam bahasa Inggris", "Name in English",
         [](C, H h) { return h.name_en; }},
        {"kind", "Jenis: daerah atau kl (kementerian/lembaga)",
         "Kind: daerah (regional) or kl (ministry/agency)", [](C, H h) { return h.kind; }},
        {"province_code", "Kode provinsi", "Province code", [](C, H h) { return h.province; }},
        {"province_name", "Nama provinsi", "Province name",
         [](C c, H h) { return province_name(c, h.province); }},
        {"agency", "Pengenal instansi pengampu", "Host agency's id",
         [](C, H h) { return h.agency; }},
        {"agency_name", "Nama instansi pengampu", "Host agency's name",
         [](C c, H h) { return agency_name(c, h.agency); }},
        {"established", "Tahun dibentuk", "Year established",
         [](C, H h) { return year_text(h.established); }},
        {"decree_number", "Nomor surat keputusan", "Decree number",
         [](C, H h) { return h.decree ? h.decree->number : std::string(); }},
        {"decree_title", "Judul surat keputusan", "Decree title",
         [](C, H h) { return h.decree ? h.decree->title : std::string(); }},
        {"decree_year", "Tahun surat keputusan", "Decree year",
         [](C, H h) { return h.decree ? year_text(h.decree->year) : std::string(); }},
        {"decree_url", "Alamat surat keputusan", "Decree address",
         [](C, H h) { return h.decree ? h.decree->url : std::string(); }},
        {"partners", "Mitra (pengenal instansi, dipisah \"; \")",
         "Partners (agency ids, separated by \"; \")", [](C, H h) { return join(h.partners); }},
        {"url", "Halaman di situs ini", "Page on this site",
         [](C c, H h) { return page_url(c, "hub/" + h.id + "/index.html"); }},
        {"sources", "Sumber (dipisah spasi)", "Sources (separated by spaces)",
         [](C, H h) { return source_list(h.sources); }},
    };
    return cols;
}

const std::vector<CsvColumn<Replication>>& replication_columns() {
    using C = const Catalogue&;
    using R = const Replication&;
    static const std::vector<CsvColumn<Replication>> cols = {
        {"id", "Pengenal catatan", "Record id", [](C, R r) { return r.id; }},
        {"innovation", "Pengenal inovasi yang direplikasi", "Replicated innovation's id",
         [](C, R r) { return r.innovation; }},
        {"innovation_title", "Judul inovasi", "Innovation title",
         [](C c, R r) {
             const Innovation* i = c.innovation(r.innovation);
             return i ? i->title : std::string();
         }},
        {"origin_province_code", "Kode provinsi asal inovasi", "Innovation's province code",
         [](C c, R r) {
             const Innovation* i = c.innovation(r.innovation);
             return i ? c.province_of(*i) : std::string();
         }},
        {"adopter", "Pengenal instansi pereplikasi", "Adopting agency's id",
         [](C, R r) { return r.adopter; }},
        {"adopter_name", "Nama instansi pereplikasi", "Adopting agency's name",
         [](C c, R r) { return agency_name(c, r.adopter); }},
        {"adopter_province_code", "Kode provinsi instansi pereplikasi",
         "Adopting agency's province code",
         [](C c, R r) {
             const Agency* a = c.agency(r.adopter);
             return a ? a->province : std::string();
         }},
        {"year", "Tahun", "Year", [](C, R r) { return year_text(r.year); }},
        {"status", "Status: direncanakan, berjalan, selesai", "Status: planned, running, done",
         [](C, R r) { return r.status; }},
        {"event", "Pengenal kegiatan tempat replikasi disepakati",
         "Id of the event where it was agreed", [](C, R r) { return r.event; }},
        {"notes", "Catatan", "Notes", [](C, R r) { return r.notes; }},
        {"url", "Halaman di situs ini", "Page on this site",
         [](C c, R r) { return page_url(c, "replikasi/" + r.id + "/index.html"); }},
        {"sources", "Sumber (dipisah spasi)", "Sources (separated by spaces)",
         [](C, R r) { return source_list(r.sources); }},
    };
    return cols;
}

const std::vector<CsvColumn<Event>>& event_columns() {
    using C = const Catalogue&;
    using E = const Event&;
    static const std::vector<CsvColumn<Event>> cols = {
        {"id", "Pengenal catatan", "Record id", [](C, E e) { return e.id; }},
        {"title", "Judul", "Title", [](C, E e) { return e.title; }},
        {"title_en", "Judul dalam bahasa Inggris", "Title in English",
         [](C, E e) { return e.title_en; }},
        {"type", "Jenis: fripp, fgd, kunjungan, lainnya", "Type: fripp, fgd, kunjungan, lainnya",
         [](C, E e) { return e.type; }},
        {"date", "Tanggal (YYYY, YYYY-MM atau YYYY-MM-DD)", "Date (YYYY, YYYY-MM or YYYY-MM-DD)",
         [](C, E e) { return e.date; }},
        {"status", "Status: terlaksana atau dijadwalkan", "Status: held (terlaksana) or scheduled",
         [](C, E e) { return e.status; }},
        {"hub", "Pengenal hub penyelenggara", "Organising hub's id", [](C, E e) { return e.hub; }},
        {"province_code", "Kode provinsi kegiatan atau hubnya",
         "Province code of the event or its hub",
         [](C c, E e) {
             if (!e.province.empty()) return e.province;
             const Hub* h = c.hub(e.hub);
             return h ? h->province : std::string();
         }},
        {"online", "Daring (true/false)", "Online (true/false)",
         [](C, E e) { return e.online ? std::string(*e.online ? "true" : "false") : ""; }},
        {"innovations", "Inovasi yang dipaparkan (pengenal, dipisah \"; \")",
         "Innovations presented (ids, separated by \"; \")",
         [](C, E e) { return join(e.innovations); }},
        {"url", "Halaman di situs ini", "Page on this site",
         [](C c, E e) { return page_url(c, "agenda/" + e.id + "/index.html"); }},
        {"sources", "Sumber (dipisah spasi)", "Sources (separated by spaces)",
         [](C, E e) { return source_list(e.sources); }},
    };
    return cols;
}

}  // namespace simpul::gen
