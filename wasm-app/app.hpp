// The dashboard's state, without ImGui or the browser: the decoded data, the
// cross-filter (core/filter), the explorer's sort and text filter, the language,
// the URL hash form of it all, CSV export, and requests the platform carries
// out after a frame (open a page, download a file, switch language).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "datafile.hpp"
#include "filter.hpp"

namespace simpul::dash {

enum class Measure { Innovations, Rate, Hubs, Replications };
enum class SortColumn { Title, Agency, Province, Year, Stage };

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;  // in ImGui's coordinates (canvas pixels)
};

struct Requests {
    std::string open_url;          // a page to go to (relative to the dashboard page)
    std::string download_name;     // a file to save ...
    std::string download_text;     // ... with this content
    bool switch_language = false;  // go to the other language's dashboard, same hash
    bool push_history = false;     // the hash changed: write it (a new history entry)
    bool replace_history = false;  // the hash changed while typing: replace the entry
};

// Reads the figures file as fetched (gzip, or inflated by the server already):
// inflates it (gunzip.hpp) and decodes it. On failure sets `error` as decode()
// does, or to "dashboard data is damaged: not valid gzip". `inflate_ms`, when
// given, gets the time inflating took (the benchmark reports it).
bool read_figures(const std::uint8_t* bytes, std::size_t size, Data& out, std::string& error,
                  double* inflate_ms = nullptr);

class App {
  public:
    // Takes the decoded data; `lang` is the page's language ("id" or "en"). The
    // innovations' texts may come later (load_texts): until then the explorer
    // lists rows without titles and the CSV waits.
    App(Data data, std::string lang);
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    const Data& data() const { return *data_; }
    const Filter& filter() const { return filter_; }
    const Result& result() const { return result_; }
    const std::string& lang() const { return lang_; }

    // ---- the texts file ---------------------------------------------------------
    // Reads it (gzip or not, see gunzip.hpp); on failure keeps the message
    // (texts_error) and returns false.
    bool load_texts(const std::uint8_t* bytes, std::size_t size);
    bool has_texts() const { return data_->texts.loaded; }
    const std::string& texts_error() const { return texts_error_; }
    void set_texts_error(std::string message) { texts_error_ = std::move(message); }

    // ---- actions (each recomputes and asks for a history entry) -------------
    void toggle(Dim d, std::uint32_t value);
    void clear(Dim d);
    void reset();
    void set_measure(Measure m);
    Measure measure() const { return measure_; }
    void set_sort(SortColumn c, bool descending);
    SortColumn sort_column() const { return sort_; }
    bool sort_descending() const { return descending_; }
    void set_search(const std::string& text);  // explorer text filter (replaces history)
    const std::string& search() const { return search_; }
    void request_csv();  // nothing before the texts are in
    void request_open(std::uint32_t innovation_row);
    void request_language() { requests_.switch_language = true; }

    // Explorer rows: the selection, filtered by the text, in the chosen order.
    const std::vector<std::uint32_t>& rows() const { return rows_; }

    // ---- URL hash --------------------------------------------------------------
    std::string to_hash() const;              // "#prov=35&sector=kesehatan" ("" when default)
    void from_hash(const std::string& hash);  // unknown keys and values are ignored

    // ---- texts -------------------------------------------------------------------
    // A UI string by key ("panel.map"); the key itself when missing.
    std::string tr(const std::string& key) const;  // by value: a missing key returns the key itself
    std::string value_label(Dim d, std::uint32_t value) const;  // "Jawa Timur", "4. ..."
    std::string title(std::uint32_t row) const;                 // in the page's language
    std::string province_name(std::uint8_t index) const;
    std::string number(double n, int decimals = 0) const;  // 1.234 / 1,234
    std::string csv() const;                               // BOM, header, one row per innovation
    std::string figures_json() const;                      // for the JS hook and tests

    // ---- per frame ---------------------------------------------------------------
    Requests take_requests();
    // Rectangles of named widgets drawn in the last frame ("tile:35", "lang"), for the JS hook.
    std::map<std::string, Rect> rects;
    std::string rects_json() const;
    // Time of the last recompute in milliseconds (shown in the overview).
    double last_compute_ms = 0;
    double texts_inflate_ms = 0;  // of load_texts (the benchmark reports it)

  private:
    void recompute();
    void refresh_rows();
    void changed();
    void index_texts();  // agency_rank_, once the texts are in

    std::unique_ptr<Data> data_;  // stable address for the engine
    Engine engine_;
    Filter filter_;
    Result result_;
    std::string lang_;
    Measure measure_ = Measure::Innovations;
    SortColumn sort_ = SortColumn::Title;
    bool descending_ = false;
    std::string search_;
    std::vector<std::uint32_t> rows_;
    std::vector<std::uint32_t> agency_rank_;  // per agency (texts.agencies): its name order
    std::map<std::string, std::string> strings_;
    std::string texts_error_;
    Requests requests_;
};

// Formats the elapsed time between two calls (ms); a thin clock for the recompute figure.
double now_ms();

}  // namespace simpul::dash
