// Stage 4, render: the page plan (DESIGN.md "Output") and the call into the
// template for each plan. What goes into a page is decided in view*.cpp.
#include "render.hpp"

#include "view.hpp"

namespace simpul::gen {
namespace {

const char* facet_folder(Facet f) {
    switch (f) {
        case Facet::Sector:
            return "sektor/";
        case Facet::Sdg:
            return "sdg/";
        case Facet::Year:
            return "tahun/";
        case Facet::Stage:
            return "tahap/";
        case Facet::Program:
            return "penghargaan/";
        case Facet::Province:
            return "provinsi/";
        case Facet::Status:
            return "status/";
    }
    return "";
}

// Adds the pages of an innovation listing under `base`, `per_page` a page.
void plan_listing(std::vector<PagePlan>& out, PagePlan proto, const std::string& base,
                  const std::vector<std::size_t>& items, int per_page) {
    int pages = std::max<int>(1, (static_cast<int>(items.size()) + per_page - 1) / per_page);
    for (int p = 1; p <= pages; ++p) {
        PagePlan plan = proto;
        plan.kind = PageKind::InnovationList;
        plan.listing = base;
        plan.path = listing_page_path(base, p);
        plan.page = p;
        plan.pages = pages;
        plan.total = items.size();
        std::size_t from = static_cast<std::size_t>(p - 1) * per_page;
        std::size_t to = std::min(items.size(), from + per_page);
        plan.items.assign(items.begin() + from, items.begin() + to);
        out.push_back(std::move(plan));
    }
}

}  // namespace

std::string listing_page_path(const std::string& base, int n) {
    return base + (n == 1 ? "index.html" : "index-" + std::to_string(n) + ".html");
}

std::string facet_term_folder(Facet f, const std::string& key, const SiteModel& model) {
    if (f == Facet::Province) {
        const Province* p = model.cat.province(key);
        return std::string("provinsi/") + (p ? p->slug : key) + "/inovasi/";
    }
    return std::string(facet_folder(f)) + key + "/";
}

std::vector<PagePlan> plan_pages(const SiteModel& model, const std::string& lang) {
    const Catalogue& cat = model.cat;
    const int per_page = std::max(1, cat.site.per_page);
    const std::string prefix = lang == "id" ? "" : lang + "/";
    std::vector<PagePlan> out;
    auto add = [&](PageKind kind, std::string path, std::string key = {}) {
        PagePlan p;
        p.kind = kind;
        p.path = std::move(path);
        p.key = std::move(key);
        p.lang = lang;
        out.push_back(std::move(p));
    };
    PagePlan proto;
    proto.lang = lang;

    add(PageKind::Home, "index.html");
    std::vector<std::size_t> all(cat.innovations.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    PagePlan all_proto = proto;
    all_proto.key = "all";
    plan_listing(out, all_proto, "inovasi/", all, per_page);
    for (const auto& inn : cat.innovations)
        add(PageKind::Innovation, "inovasi/" + inn.id + "/index.html", inn.id);

    add(PageKind::HubIndex, "hub/index.html");
    for (const auto& h : cat.hubs) add(PageKind::Hub, "hub/" + h.id + "/index.html", h.id);

    add(PageKind::ProvinceIndex, "provinsi/index.html");
    for (const auto& p : cat.provinces)
        add(PageKind::Province, "provinsi/" + p.slug + "/index.html", p.code);

    // Facet indexes and term listings (province listings live under provinsi/<slug>/inovasi/).
    for (Facet f :
         {Facet::Province, Facet::Sector, Facet::Sdg, Facet::Year, Facet::Stage, Facet::Program}) {
        if (f != Facet::Province) {
            PagePlan idx = proto;
            idx.kind = PageKind::FacetIndex;
            idx.facet = f;
            idx.path = std::string(facet_folder(f)) + "index.html";
            out.push_back(std::move(idx));
        }
        const Index& groups = model.facets.at(f);
        std::vector<std::string> keys;
        switch (f) {
            case Facet::Province:
                for (const auto& p : cat.provinces) keys.push_back(p.code);
                break;
            case Facet::Sector:
                for (const auto& s : cat.sectors) keys.push_back(s.id);
                break;
            case Facet::Sdg:
                for (const auto& s : cat.sdgs) keys.push_back(std::to_string(s.number));
                break;
            case Facet::Stage:
                keys = {"penciptaan", "pengembangan", "pelembagaan"};
                break;
            case Facet::Program:
                for (const auto& p : cat.programs) keys.push_back(p.id);
                break;
            default:
                for (const auto& [k, v] : groups) keys.push_back(k);
                break;
        }
        static const std::vector<std::size_t> none;
        for (const auto& k : keys) {
            auto it = groups.find(k);
            PagePlan term = proto;
            term.facet = f;
            term.key = k;
            plan_listing(out, term, facet_term_folder(f, k, model),
                         it == groups.end() ? none : it->second, per_page);
        }
    }

    add(PageKind::AgencyIndex, "instansi/index.html");
    for (const auto& a : cat.agencies)
        add(PageKind::Agency, "instansi/" + a.id + "/index.html", a.id);
    add(PageKind::ReplicationIndex, "replikasi/index.html");
    for (const auto& r : cat.replications)
        add(PageKind::Replication, "replikasi/" + r.id + "/index.html", r.id);
    add(PageKind::EventIndex, "agenda/index.html");
    for (const auto& e : cat.events) add(PageKind::Event, "agenda/" + e.id + "/index.html", e.id);
    add(PageKind::RegulationIndex, "regulasi/index.html");
    for (const auto& r : cat.regulations)
        add(PageKind::Regulation, "regulasi/" + r.id + "/index.html", r.id);
    add(PageKind::NotFound, "404.html");
    add(PageKind::Robots, "robots.txt");
    add(PageKind::Sitemap, "sitemap.xml");
    for (auto& p : out) p.path = prefix + p.path;
    return out;
}

std::string render_page(const PagePlan& plan, const SiteModel& model, const SiteTemplate& tmpl) {
    return tmpl.render(plan.kind, build_view(plan, model, tmpl.strings(plan.lang)));
}

}  // namespace simpul::gen
