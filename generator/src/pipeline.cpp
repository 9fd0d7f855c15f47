// Runs the stages in order and times them. Rendering and writing run together
// on a pool of threads, one page at a time (so only the model stays in memory),
// beside the dashboard's and the open data's files.
#include "pipeline.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <system_error>
#include <thread>
#include <utility>

#include "cards.hpp"
#include "catalogue.hpp"
#include "dashboard.hpp"
#include "decode.hpp"
#include "deps.hpp"
#include "json_schema.hpp"
#include "load.hpp"
#include "load_cache.hpp"
#include "opendata.hpp"
#include "opendata_reuse.hpp"
#include "parallel.hpp"
#include "render.hpp"
#include "search_words.hpp"
#include "templates.hpp"
#include "validate.hpp"
#include "view.hpp"
#include "write.hpp"

namespace simpul::gen {
namespace fs = std::filesystem;

namespace {

class Stopwatch {
  public:
    explicit Stopwatch(std::vector<StageTime>& out) : out_(out) {}
    void lap(const char* name) {
        auto now = std::chrono::steady_clock::now();
        out_.push_back({name, std::chrono::duration<double, std::milli>(now - last_).count()});
        if (std::getenv("SIMPUL_DEBUG_MEM")) {
            std::ifstream st("/proc/self/status");
            for (std::string l; std::getline(st, l);)
                if (l.rfind("VmHWM", 0) == 0 || l.rfind("VmRSS", 0) == 0)
                    std::fprintf(stderr, "%s %s\n", name, l.c_str());
        }
        last_ = now;
    }

  private:
    std::vector<StageTime>& out_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// Job groups of the summary's "render+write" lines: what a page costs is
// reported for records, the innovation listing, facet pages and the rest; the
// dashboard, the open data and the search's common words run in the same pool,
// beside the pages.
constexpr std::size_t job_group_count = 7;
const char* const job_group_names[job_group_count] = {
    "record pages", "innovation listing", "facet pages", "other pages",
    "dashboard",    "open data",          "search words"};
constexpr std::size_t dashboard_group = 4, open_data_group = 5, search_words_group = 6;

std::size_t page_group(const PagePlan& plan) {
    if (record_page(plan.kind)) return 0;
    if (plan.kind == PageKind::InnovationList) return plan.key == "all" ? 1 : 2;
    return plan.kind == PageKind::FacetIndex ? 2 : 3;
}

// The order threads take the render stage's jobs in (a job at or past
// plans.size() is the dashboard, catalogue.json, the search's common words or
// the other open data files).
// Long jobs go first, so none is left running alone at the end: those and the
// pages that stand for a whole collection (sitemap, statistics, home, indexes).
// Then the other pages, one of each language in turn: two threads then mostly
// create files in different folders, and the kernel, which adds a folder's
// entries one at a time, keeps neither waiting for the other.
std::vector<std::size_t> job_order(const std::vector<PagePlan>& plans,
                                   const std::vector<std::pair<std::size_t, std::size_t>>& ranges) {
    // catalogue.json, dashboard, the other open data, common words.
    std::vector<std::size_t> order = {plans.size() + 1, plans.size(), plans.size() + 3,
                                      plans.size() + 2};
    for (std::size_t i = 0; i < plans.size(); ++i)
        if (page_group(plans[i]) == 3) order.push_back(i);
    std::vector<std::size_t> next;
    for (const auto& r : ranges) next.push_back(r.first);
    for (bool more = true; more;) {
        more = false;
        for (std::size_t k = 0; k < ranges.size(); ++k) {
            while (next[k] < ranges[k].second && page_group(plans[next[k]]) == 3) ++next[k];
            if (next[k] < ranges[k].second) {
                order.push_back(next[k]++);
                more = true;
            }
        }
    }
    return order;
}

// Where a language's search index goes: pagefind/ for the first language,
// <lang>/pagefind/ for the others (Pagefind indexes each language folder).
fs::path search_index_folder(const std::string& lang, const std::vector<std::string>& languages) {
    return lang == languages.front() ? fs::path("pagefind") : fs::path(lang) / "pagefind";
}

}  // namespace

BuildResult run_build(const BuildOptions& opt) {
    BuildResult r;
    auto start = std::chrono::steady_clock::now();
    Stopwatch watch(r.stages);

    std::error_code ec;
    if (!fs::is_directory(opt.content_dir, ec)) {
        r.diags.error(opt.content_display, 0, 0, "missing-file", "content folder not found");
        return r;
    }
    // The records' git history, read on a thread of its own while the content
    // loads and is validated: it needs nothing of theirs. While HEAD is the
    // commit they hold, it comes from the preview's memory or from the cache
    // beside the output (not with --clean), and after new commits on top of it
    // only those are walked; a history read anew is kept in both.
    History history;
    std::exception_ptr history_error;
    auto read_git_history = [&](std::stop_token stop) {
        const fs::path file = history_cache_path(opt.out_dir);
        HistoryMemory from_file;  // simpul build's: the cache file is its only memory
        HistoryMemory& kept = opt.memory ? opt.memory->history : from_file;
        if (opt.clean)
            kept = {};
        else if (kept.key.empty())
            kept = read_history_cache(file);
        const std::string before = kept.key;
        history = read_history(opt.content_dir, opt.content_display, stop, &kept);
        if (kept.key != before) save_history_cache(file, kept);
    };
    // Declared after all it uses: a build that stops early asks it to stop and
    // waits for it (the jthread's destructor) before they go.
    std::jthread history_reader;
    if (!opt.check_only) {
        try {
            history_reader = std::jthread([&](std::stop_token stop) {
                try {
                    read_git_history(stop);
                } catch (...) {
                    history_error = std::current_exception();
                }
            });
        } catch (const std::system_error&) {  // no thread to be had: read below
        }
    }
    // Records whose file did not change come from the last build's load cache
    // (not with --clean). The next build's cache, which depends on the content
    // files alone, is encoded while validate runs and saved while the build
    // goes on (`saver` is joined when run_build returns, however it returns).
    const fs::path cache_file = load_cache_path(opt.out_dir);
    const std::uint64_t cache_key = load_cache_key(opt.content_dir, opt.content_display);
    const std::int64_t settled_ns =
        std::chrono::duration_cast<std::chrono::nanoseconds>(
            (std::chrono::system_clock::now() - opt.cache_settle).time_since_epoch())
            .count();
    // The live preview's rebuilds take records from its memory of the last
    // build instead (and neither read nor write the cache file; not with --clean).
    // (Taken out of the memory first: whatever happens, it never holds records
    // that load moved out. Filled again below.)
    ContentMemory* memory = opt.memory && !opt.clean ? &opt.memory->content : nullptr;
    ContentMemory recalled_records = memory ? std::exchange(*memory, {}) : ContentMemory{};
    const bool recalled = !recalled_records.records.empty();
    LoadCache cache;
    if (!opt.clean && !recalled) cache = LoadCache::read(cache_file, cache_key);
    Content content = load_content(opt.content_dir, opt.content_display, r.diags, &cache,
                                   recalled ? &recalled_records : nullptr);
    recalled_records = ContentMemory{};
    r.cached_records = content.cached;
    watch.lap("load");
    std::jthread saver;
    {
        std::string next_cache;
        std::jthread encoder;
        if (!opt.check_only && !recalled)
            encoder = std::jthread([&] {
                try {
                    // Unchanged records' entries are copied from the cache read.
                    next_cache = encode_load_cache(content, cache_key, settled_ns, &cache);
                } catch (...) {
                    next_cache.clear();  // a cache is optional: none is saved
                }
            });
        validate_content(content, r.diags, /*advice=*/opt.check_only,
                         opt.memory && !opt.clean ? &opt.memory->validation : nullptr);
        if (encoder.joinable()) encoder.join();
        cache = LoadCache{};
        if (!next_cache.empty())
            saver = std::jthread([bytes = std::move(next_cache), &cache_file] {
                try {
                    save_beside_output(cache_file, bytes);
                } catch (...) {  // (only running out of memory): the cache is optional
                }
            });
    }
    watch.lap("validate");

    for (const auto& schema : all_schemas()) {
        std::size_t n = 0;
        if (schema.one_file_per_record) {
            for (const auto& d : content.records) n += d.type == schema.type;
        } else if (schema.type != RecordType::Site) {
            const auto& df = content.data[schema.type];
            n = df.present && df.root.type == Node::Type::List ? df.root.items.size() : 0;
        } else {
            continue;
        }
        r.records.emplace_back(std::string(schema.name), n);
    }
    // What the preview keeps of the records for its next rebuild; from then
    // on its watcher names the files that change.
    auto remember = [&] {
        remember_content(content, *memory, settled_ns);
        if (opt.memory->watched) memory->changed.emplace();
    };
    if (r.diags.has_errors()) {
        if (memory) remember();
        return r;
    }

    fs::path tdir = opt.template_dir.empty() ? opt.content_dir.parent_path() / "site-template"
                                             : opt.template_dir;
    std::string tshown =
        opt.template_display.empty() ? tdir.lexically_normal().string() : opt.template_display;
    if (!tshown.empty() && tshown.back() == '/') tshown.pop_back();
    // The site's languages, from its file (the model's site is decoded the same way).
    std::vector<std::string> languages = decode_site(content.data[RecordType::Site].root).languages;
    if (languages.empty()) languages = {"id"};
    // `check` needs no model: only the languages, to check their UI strings.
    SiteModel model;
    std::shared_ptr<const SiteTemplate> templates;
    std::uint64_t templates_print = 0;  // template_fingerprint() of the files they came from
    if (opt.check_only) {
        model.cat.site = decode_site(content.data[RecordType::Site].root);
        content = Content{};
        templates = std::make_shared<const SiteTemplate>(
            SiteTemplate::load(tdir, tshown, languages, r.diags));
    } else {
        // The templates load and compile on another thread while the model is
        // built and the history read: none of the three needs the others. The
        // preview keeps them while its watcher sees no file of theirs change.
        TemplateMemory* kept = opt.memory ? &opt.memory->templates : nullptr;
        if (kept && kept->templates && kept->languages == languages) {
            templates = kept->templates;
            templates_print = kept->fingerprint;
        }
        Diagnostics template_diags;
        std::exception_ptr template_error;
        std::jthread loader;
        if (!templates)
            loader = std::jthread([&] {
                try {
                    templates_print = template_fingerprint(tdir);
                    templates = std::make_shared<const SiteTemplate>(
                        SiteTemplate::load(tdir, tshown, languages, template_diags));
                } catch (...) {
                    template_error = std::current_exception();
                }
            });
        if (memory) {  // the preview keeps the Nodes for its next rebuild
            model = build_model(static_cast<const Content&>(content), &opt.memory->decoded);
            remember();
        } else {
            model = build_model(std::move(content));
        }
        content = Content{};  // the Nodes are no longer needed
        watch.lap("model");
        if (history_reader.joinable())
            history_reader.join();
        else
            read_git_history({});
        if (history_error) std::rethrow_exception(history_error);
        model.history = std::move(history);
        watch.lap("history");
        if (loader.joinable()) loader.join();
        if (template_error) std::rethrow_exception(template_error);
        r.diags.append(template_diags);
        // Kept only when loaded with the watcher already running, and without a
        // word to say (a kept template's warnings would not be shown again).
        if (kept && opt.memory->watched && template_diags.all().empty())
            *kept = {templates, languages, templates_print};
    }
    watch.lap("templates");
    const SiteTemplate& tmpl = *templates;
    if (r.diags.has_errors() || opt.check_only) {
        r.ok = !r.diags.has_errors();
        r.total_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        return r;
    }

    unsigned threads =
        opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::vector<PagePlan>> planned(languages.size());
    parallel_for(languages.size(), threads,
                 [&](std::size_t k) { planned[k] = plan_pages(model, languages[k]); });
    std::vector<PagePlan> plans;
    std::vector<std::pair<std::size_t, std::size_t>> ranges;  // each language's pages in plans
    for (std::size_t k = 0; k < languages.size(); ++k) {
        r.pages_per_language[languages[k]] = planned[k].size();
        ranges.emplace_back(plans.size(), plans.size() + planned[k].size());
        plans.insert(plans.end(), std::make_move_iterator(planned[k].begin()),
                     std::make_move_iterator(planned[k].end()));
    }
    planned.clear();
    const std::vector<std::size_t> order = job_order(plans, ranges);
    try {
        StagedOutput out(opt.out_dir,
                         opt.clean      ? StagedOutput::Mode::Clean
                         : opt.in_place ? StagedOutput::Mode::InPlace
                                        : StagedOutput::Mode::Staged,
                         opt.memory ? &opt.memory->output : nullptr);
        // What each page is made from: a page whose inputs did not change since
        // the last build is taken from it as it is, not rendered again. The
        // preview keeps the cards of its last builds too, by what they are made from.
        std::vector<std::uint64_t> card_keys;
        const std::vector<std::uint64_t> fingerprints =
            page_fingerprints(plans, model, global_fingerprint(templates_print, model), threads,
                              opt.memory ? &card_keys : nullptr);
        CardCache cards = opt.memory
                              ? CardCache(tmpl, model.cat, &opt.memory->cards, std::move(card_keys))
                              : CardCache(tmpl, model.cat.innovations.size());
        const SharedViews shared(model, tmpl);
        watch.lap("plan");
        std::array<std::atomic<std::int64_t>, job_group_count> group_ns{};
        CatalogueWritten catalogue;  // data/catalogue.json's records, for its index
        parallel_for(order.size(), threads, [&](std::size_t job) {
            const std::size_t i = order[job];
            auto began = std::chrono::steady_clock::now();
            std::size_t group = 0;
            if (i == plans.size()) {
                write_dashboard(model, tmpl, languages, out,  // data file, pages, app of dasbor/
                                opt.fast_compression ? kGzipFastest : kGzipSmallest);
                group = dashboard_group;
            } else if (i == plans.size() + 1) {
                catalogue = write_catalogue_file(model, out);  // data/catalogue.json
                group = open_data_group;
            } else if (i == plans.size() + 3) {
                // data/*.csv, data.json, the schema
                write_open_data_tables(model, out, opt.memory ? &opt.memory->tables : nullptr);
                group = open_data_group;
            } else if (i == plans.size() + 2) {
                write_common_words(model, out, threads,  // cari/kata-umum.json
                                   opt.memory ? &opt.memory->word_counts : nullptr);
                group = search_words_group;
            } else {
                if (!out.reuse(plans[i].path, fingerprints[i]))
                    out.write(plans[i].path, render_page(plans[i], model, tmpl, &cards, &shared),
                              fingerprints[i]);
                group = page_group(plans[i]);
            }
            group_ns[group] += std::chrono::duration_cast<std::chrono::nanoseconds>(
                                   std::chrono::steady_clock::now() - began)
                                   .count();
        });
        for (std::size_t g = 0; g < job_group_count; ++g) {
            PageGroupTime t{job_group_names[g], 0, group_ns[g].load() / 1e6};
            for (const auto& plan : plans) t.pages += page_group(plan) == g;
            r.page_groups.push_back(t);
        }
        // JSON Schemas of every record type, for editors (see `simpul new`).
        for (const auto& schema : all_schemas())
            out.write("schema/" + json_schema_file(schema),
                      json_schema(schema, &model.cat).dump(2) + "\n");
        for (const auto& asset : tmpl.assets())
            out.copy(tmpl.dir() / "assets" / asset, "assets/" + asset.string());
        if (opt.memory) cards.keep(opt.memory->cards);
        watch.lap("render+write");
        // The search index is built over the staged pages, before the swap. The
        // staging folder may be the spare, whose index is two builds old: it goes.
        if (!out.in_place())
            for (const auto& lang : languages)
                fs::remove_all(out.staging() / search_index_folder(lang, languages), ec);
        const char* env = std::getenv("SIMPUL_PAGEFIND");
        std::string pagefind = opt.pagefind.empty() && env ? env : opt.pagefind;
        if (opt.reuse_search_index && out.in_place()) {
            r.search.status = SearchIndexResult::Status::Off;
            r.search.message = "kept from the previous build (preview)";
        } else if (opt.reuse_search_index && fs::is_directory(opt.out_dir / "pagefind")) {
            r.search = reuse_search_index(opt.out_dir, out.staging(), languages);
        } else {
            r.search = build_search_index(out.staging(), pagefind,
                                          search_start_dirs(opt.content_dir, tdir));
        }
        if (r.search.status == SearchIndexResult::Status::Failed) {
            r.diags.error(opt.out_dir.string(), 0, 0, "search-error", r.search.message);
            return r;
        }
        watch.lap("search");
        r.files = out.files() + r.search.files;
        r.unchanged = out.linked();
        r.files_reused = out.reused();
        r.bytes = out.bytes() + r.search.bytes;
        r.catalogue_copied = catalogue.copied;
        out.commit(opt.published);
        // Where each record is in the catalogue.json now published, for the next build.
        save_catalogue_index(catalogue_index_path(opt.out_dir), opt.out_dir / "data/catalogue.json",
                             catalogue.spans);
    } catch (const ChangedDuringBuild& e) {
        r.diags.error(e.path, 0, 0, "changed-during-build",
                      "the file changed while the site was being built; build again");
        return r;
    } catch (const std::exception& e) {
        r.diags.error(opt.out_dir.string(), 0, 0, "write-error", e.what());
        return r;
    }
    watch.lap("publish");
    if (memory) remember_decoded(model, opt.memory->decoded);  // (the model is done with)
    r.ok = true;
    r.total_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return r;
}

SearchIndexResult reuse_search_index(const fs::path& previous, const fs::path& staging,
                                     const std::vector<std::string>& languages) {
    SearchIndexResult r;
    r.status = SearchIndexResult::Status::Off;
    r.message = "kept from the previous build (preview)";
    for (const auto& lang : languages) {
        fs::path rel = search_index_folder(lang, languages);
        if (!fs::is_directory(previous / rel)) continue;
        fs::create_directories((staging / rel).parent_path());
        fs::copy(previous / rel, staging / rel,
                 fs::copy_options::recursive | fs::copy_options::create_hard_links);
    }
    return r;
}

std::string format_summary(const BuildResult& r, const BuildOptions& opt) {
    std::ostringstream out;
    char buf[128];
    out << "\n";
    std::snprintf(buf, sizeof buf, "%-16s %8s\n", "", "records");
    out << buf;
    for (const auto& [name, n] : r.records) {
        std::snprintf(buf, sizeof buf, "%-16s %8zu\n", name.c_str(), n);
        out << buf;
    }
    if (!opt.check_only) {
        for (const auto& [lang, n] : r.pages_per_language) {
            std::snprintf(buf, sizeof buf, "%-16s %8zu\n", ("pages (" + lang + ")").c_str(), n);
            out << buf;
        }
        std::snprintf(buf, sizeof buf, "%-16s %8zu  (%.1f KB)\n", "files written", r.files,
                      r.bytes / 1024.0);
        out << buf;
        if (r.cached_records > 0) {
            std::snprintf(buf, sizeof buf,
                          "%-16s %8zu  (files unchanged: records not parsed again)\n",
                          "records cached", r.cached_records);
            out << buf;
        }
        if (r.unchanged > 0) {
            std::snprintf(buf, sizeof buf, "%-16s %8zu  (linked from the previous output)\n",
                          "  unchanged", r.unchanged);
            out << buf;
            std::snprintf(
                buf, sizeof buf,
                "%-16s %8zu  (made from the same inputs: not rendered or encoded again)\n",
                "  files reused", r.files_reused);
            out << buf;
        }
        if (r.catalogue_copied > 0) {
            std::snprintf(buf, sizeof buf,
                          "%-16s %8zu  (data/catalogue.json entries copied from the last one)\n",
                          "records copied", r.catalogue_copied);
            out << buf;
        }
        if (r.search.status == SearchIndexResult::Status::Built) {
            out << "search index    ";
            for (const auto& [lang, n] : r.search.pages)
                out << " " << n << " pages (" << lang << ")";
            out << "\n";
        } else {
            out << "search index     not built: " << r.search.message << "\n";
        }
    }
    if (!r.page_groups.empty()) {
        out << "\nrender+write, by job (time summed over threads):\n";
        for (const auto& g : r.page_groups) {
            if (g.pages > 0)
                std::snprintf(buf, sizeof buf, "  %-20s %8zu pages %9.0f ms\n", g.name.c_str(),
                              g.pages, g.ms);
            else
                std::snprintf(buf, sizeof buf, "  %-20s %14s %9.0f ms\n", g.name.c_str(), "", g.ms);
            out << buf;
        }
    }
    out << "\nstages:";
    for (const auto& s : r.stages) {
        std::snprintf(buf, sizeof buf, " %s %.0f ms;", s.name.c_str(), s.ms);
        out << buf;
    }
    out << "\n";
    std::snprintf(buf, sizeof buf, "%s in %.0f ms\n", opt.check_only ? "Checked" : "Built",
                  r.total_ms);
    out << buf;
    if (!opt.check_only) out << "Output: " << opt.out_dir.string() << "/\n";
    return out.str();
}

}  // namespace simpul::gen
