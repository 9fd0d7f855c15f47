// Diagnostics: every problem found in content is collected here (never thrown),
// then printed all at once as `path:line:col: error[code]: message`.
// Pure data; the generator decides where to print.
#pragma once

#include <string>
#include <vector>

namespace simpul {

enum class Severity { Error, Warning };

struct Diagnostic {
    std::string path;  // relative to the content folder's parent, as the user typed it
    int line = 0;      // 1-based; 0 when the whole file is meant
    int col = 0;       // 1-based; 0 when unknown
    Severity severity = Severity::Error;
    std::string code;  // short stable id, e.g. "missing-field"
    std::string message;
};

// Formats one diagnostic as `path:line:col: error[code]: message`.
std::string format_diagnostic(const Diagnostic& d);

class Diagnostics {
  public:
    void error(std::string path, int line, int col, std::string code, std::string message);
    void warning(std::string path, int line, int col, std::string code, std::string message);

    bool has_errors() const;
    std::size_t error_count() const;
    const std::vector<Diagnostic>& all() const { return items_; }

    // Sorted by path, line, column, then code: a stable order whatever the load order.
    std::vector<Diagnostic> sorted() const;
    void append(const Diagnostics& other);

  private:
    std::vector<Diagnostic> items_;
};

}  // namespace simpul
