// Diagnostic reports in three formats (see report.hpp).
#include "report.hpp"

#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

namespace simpul::gen {
namespace {

// GitHub workflow commands: data and property values need their own escaping.
std::string github_escape(const std::string& s, bool property) {
    std::string out;
    for (char c : s) {
        if (c == '%')
            out += "%25";
        else if (c == '\r')
            out += "%0D";
        else if (c == '\n')
            out += "%0A";
        else if (property && c == ':')
            out += "%3A";
        else if (property && c == ',')
            out += "%2C";
        else
            out += c;
    }
    return out;
}

const char* severity_name(Severity s) {
    return s == Severity::Error ? "error" : "warning";
}

// Control characters from the content (a quoted line, a value in a message)
// shown as U+FFFD: a NUL would end the report early, others upset terminals.
std::string visible(const std::string& s) {
    std::string out;
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f)
            out += "\xEF\xBF\xBD";
        else
            out += c;
    }
    return out;
}

}  // namespace

LineReader file_line_reader() {
    auto cache = std::make_shared<std::map<std::string, std::vector<std::string>>>();
    return [cache](const std::string& path, int line) -> std::optional<std::string> {
        auto it = cache->find(path);
        if (it == cache->end()) {
            std::vector<std::string> lines;
            std::ifstream in(path, std::ios::binary);
            for (std::string l; in && std::getline(in, l);) {
                if (!l.empty() && l.back() == '\r') l.pop_back();
                lines.push_back(std::move(l));
            }
            it = cache->emplace(path, std::move(lines)).first;
        }
        if (line < 1 || static_cast<std::size_t>(line) > it->second.size()) return std::nullopt;
        return it->second[line - 1];
    };
}

std::string hint_for(const std::string& code) {
    static const std::map<std::string, std::string> hints = {
        {"yaml-syntax",
         "check quotes, colons and indentation (spaces, not tabs) around this place"},
        {"json-syntax", "check commas, quotes and brackets around this place"},
        {"front-matter",
         "a Markdown record starts with '---', the fields, then '---' and the text"},
        {"empty-file", "fill the record in, or delete the file"},
        {"missing-file", "see content/README.md for the files a content folder needs"},
        {"missing-field",
         "add the field; `simpul new <type> <id>` writes a file listing every field"},
        {"wrong-type", "numbers and years without quotes, lists as [a, b] or '- item' lines"},
        {"unknown-field", "check the spelling; information without a field goes under 'extra:'"},
        {"bad-value", "use one of the allowed values listed in the message"},
        {"bad-url", "only http://, https:// and mailto: addresses are published"},
        {"bad-date", "write dates as 2020-10-27, or 2020-10 / 2020 when the day is not known"},
        {"bad-id",
         "rename the file: lower-case letters, digits and single hyphens, e.g. nama-inovasi.md"},
        {"duplicate-id", "the same id is defined twice: keep one of them"},
        {"duplicate-key", "remove one of the two lines"},
        {"unresolved-ref",
         "use the id (file name without extension) of an existing record, or add that record"},
        {"missing-template",
         "the template folder is incomplete; compare it with site-template/ of Simpul"},
        {"orphan", "link it from a record (agency: ...), or remove it if it is not needed"},
        {"recommended",
         "this field is optional, but readers look for it: add it when a source gives it"},
        {"no-base-url",
         "the address the site is served from, e.g. base_url: \"https://inovasi.example.go.id/\""},
        {"broken-link", "record links look like [text](inovasi:id); the id must exist"},
        {"encoding", "save the file as UTF-8 (most editors: File > Save with Encoding > UTF-8)"},
        {"control-char",
         "control characters (often pasted from another program) break pages and the feed"},
        {"bad-link", "replace the link by the file itself"},
        {"outside-content", "records must live inside the content folder"},
        {"too-large", "split the text, or link to the document instead of pasting it"},
        {"read-error", "check the file's permissions"},
        {"unknown-file", "record folders hold only .md, .yaml and .json records"},
        {"template-syntax", "check the {{ }} tags of this template"},
        {"write-error", "check that the output folder is writable and the disk not full"},
    };
    auto it = hints.find(code);
    return it == hints.end() ? std::string() : it->second;
}

std::string format_report(const std::vector<Diagnostic>& diags, ReportFormat format,
                          const LineReader& read_line) {
    std::string out;
    if (format == ReportFormat::Json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& d : diags)
            list.push_back({{"path", d.path},
                            {"line", d.line > 0 ? d.line : 1},
                            {"column", d.col > 0 ? d.col : 1},
                            {"severity", severity_name(d.severity)},
                            {"code", d.code},
                            {"message", d.message},
                            {"hint", hint_for(d.code)}});
        // A file name need not be UTF-8: replace what is not, instead of throwing.
        return list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    }
    for (const auto& d : diags) {
        if (format == ReportFormat::Github) {
            out += std::string("::") + severity_name(d.severity) +
                   " file=" + github_escape(d.path, true) +
                   ",line=" + std::to_string(d.line > 0 ? d.line : 1) +
                   ",col=" + std::to_string(d.col > 0 ? d.col : 1) +
                   ",title=" + github_escape(d.code, true) +
                   "::" + visible(github_escape(d.message, false)) + "\n";
            continue;
        }
        out += format_diagnostic(d) + "\n";
        if (d.line > 0) {
            if (auto text = read_line(d.path, d.line)) {
                std::string number = std::to_string(d.line);
                std::string pad(number.size(), ' ');
                out += " " + number + " | " + *text + "\n";
                int col = d.col > 0 ? d.col : 1;
                std::string marker;
                for (int i = 1; i < col && static_cast<std::size_t>(i - 1) < text->size(); ++i)
                    marker += (*text)[i - 1] == '\t' ? '\t' : ' ';
                out += " " + pad + " | " + marker + "^\n";
            }
        }
        if (std::string hint = hint_for(d.code); !hint.empty()) out += "  = hint: " + hint + "\n";
    }
    return visible(out);
}

}  // namespace simpul::gen
