// How diagnostics reach people and tools: compiler-style text (the offending
// line quoted, a caret, a hint), JSON for editors, or GitHub workflow
// commands that show as annotations on a pull request's lines.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "diagnostics.hpp"

namespace simpul::gen {

enum class ReportFormat { Text, Json, Github };

// Returns the text of line `line` (1-based) of the file shown as `path`, if readable.
using LineReader = std::function<std::optional<std::string>(const std::string& path, int line)>;

// Reads lines from the files on disk (paths as shown, relative to the working folder).
LineReader file_line_reader();

// A short advice for a diagnostic code ("" when there is none).
std::string hint_for(const std::string& code);

std::string format_report(const std::vector<Diagnostic>& diags, ReportFormat format,
                          const LineReader& read_line);

}  // namespace simpul::gen
