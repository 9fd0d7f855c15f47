// Diagnostics collection and the one text format shared by `check` and `build`.
#include "diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace simpul {

std::string format_diagnostic(const Diagnostic& d) {
    std::string out = d.path;
    // A problem with a whole file (missing, unreadable) is reported at 1:1.
    out += ':' + std::to_string(d.line > 0 ? d.line : 1) + ':' +
           std::to_string(d.col > 0 ? d.col : 1) + ": ";
    out += d.severity == Severity::Error ? "error" : "warning";
    out += '[' + d.code + "]: " + d.message;
    return out;
}

void Diagnostics::error(std::string path, int line, int col, std::string code,
                        std::string message) {
    items_.push_back(
        {std::move(path), line, col, Severity::Error, std::move(code), std::move(message)});
}

void Diagnostics::warning(std::string path, int line, int col, std::string code,
                          std::string message) {
    items_.push_back(
        {std::move(path), line, col, Severity::Warning, std::move(code), std::move(message)});
}

bool Diagnostics::has_errors() const {
    return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
    return std::count_if(items_.begin(), items_.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
}

std::vector<Diagnostic> Diagnostics::sorted() const {
    std::vector<Diagnostic> out = items_;
    std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.path, a.line, a.col, a.code, a.message) <
               std::tie(b.path, b.line, b.col, b.code, b.message);
    });
    return out;
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace simpul
