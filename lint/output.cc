// SPDX-License-Identifier: MIT
#include "lint/output.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <set>

#include "compiler/model/json.h"
#include "lint/rules/registry.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/xxhash.h"

namespace landlockc::lint {
namespace {

constexpr const char* kToolName = "landlockc";
constexpr const char* kInformationUri = LANDLOCKC_INFORMATION_URI;
constexpr const char* kSarifSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* kFingerprintKey = "landlockcStatementHash/v1";

const char* SarifLevel(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::kError:
      return "error";
    case diag::Severity::kWarning:
      return "warning";
    case diag::Severity::kNote:
      return "note";
  }
  return "error";
}

// Each note as {message} or, when it has a location, {message, file, line, column, end_line,
// end_column}.
llvm::json::Array Notes(const diag::Diagnostic& diagnostic) {
  llvm::json::Array notes;
  for (const diag::Note& note : diagnostic.notes) {
    llvm::json::Object object{{"message", note.message}};
    if (!note.file.empty()) {
      object["file"] = note.file;
      object["line"] = note.line;
      object["column"] = note.column;
      object["end_line"] = note.end_line;
      object["end_column"] = note.end_column;
    }
    notes.push_back(std::move(object));
  }
  return notes;
}

// The rule's friendly name, as SARIF viewers and validators expect it: the id in Pascal case
// (`broad-grant` -> `BroadGrant`).
std::string FriendlyName(llvm::StringRef id) {
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name += upper ? llvm::toUpper(c) : c;
    upper = false;
  }
  return name;
}

// What GitHub code scanning ranks security alerts by, per lint rule: `security-severity` (a
// CVSS-like score, as a string), the score of the rule's error-level findings when it has them
// (`broad-grant` on `/`), and the precision: `very-high` for findings that are facts about the
// policy, `high` for heuristics about what a path holds.
struct Security {
  const char* id;
  const char* severity;
  const char* error_severity;
  const char* precision;
};

constexpr Security kSecurity[] = {
    {"abi-unsupported", "5.0", "6.0", "very-high"},
    {"broad-grant", "6.5", "9.0", "high"},
    {"broad-port", "4.0", nullptr, "high"},
    {"device-grant", "6.0", nullptr, "high"},
    {"ineffective-grant", "4.0", nullptr, "very-high"},
    {"missing-path", "3.5", nullptr, "very-high"},
    {"newer-abi", "2.0", nullptr, "very-high"},
    {"redundant-grant", "1.0", nullptr, "very-high"},
    {"sensitive-path", "8.0", nullptr, "high"},
    {"unhandled-fs", "6.0", nullptr, "very-high"},
    {"unhandled-grant", "4.0", nullptr, "very-high"},
    {"unhandled-net", "6.0", nullptr, "very-high"},
    {"unhandled-scope", "3.0", nullptr, "very-high"},
    {"unpinned-abi", "2.0", nullptr, "very-high"},
    {"unused-ignore", "1.0", nullptr, "very-high"},
    {"write-execute", "7.0", nullptr, "high"},
};

const Security* SecurityOf(llvm::StringRef id) {
  for (const Security& security : kSecurity)
    if (id == security.id) return &security;
  return nullptr;
}

// `problem.severity` as code scanning names severities.
const char* ProblemSeverity(diag::Severity severity) {
  switch (severity) {
    case diag::Severity::kError:
      return "error";
    case diag::Severity::kWarning:
      return "warning";
    case diag::Severity::kNote:
      return "recommendation";
  }
  return "error";
}

llvm::json::Object LintRuleDescriptor(const Rule& rule) {
  std::string help_uri = RuleDocumentationUrl(rule.id);
  llvm::json::Object properties{{"tags", llvm::json::Array{"security", "landlock"}},
                                {"problem.severity", ProblemSeverity(rule.severity)}};
  if (const Security* security = SecurityOf(rule.id)) {
    properties["security-severity"] = security->severity;
    properties["precision"] = security->precision;
  }
  return llvm::json::Object{
      {"id", rule.id},
      {"name", FriendlyName(rule.id)},
      {"shortDescription", llvm::json::Object{{"text", rule.summary}}},
      {"fullDescription", llvm::json::Object{{"text", rule.description}}},
      {"help",
       llvm::json::Object{
           {"text", llvm::formatv("{0} See {1}", rule.description, help_uri).str()},
           {"markdown", llvm::formatv("**{0}**: {1}\n\n{2}\n\n[Rule documentation]({3})", rule.id,
                                      rule.summary, rule.description, help_uri)
                            .str()}}},
      {"defaultConfiguration", llvm::json::Object{{"level", SarifLevel(rule.severity)}}},
      {"helpUri", help_uri},
      {"properties", std::move(properties)},
  };
}

// A diagnostic's message format as prose: each `{N}` placeholder becomes `...`.
std::string WithoutPlaceholders(llvm::StringRef format) {
  std::string text;
  while (!format.empty()) {
    size_t open = format.find('{');
    text += format.take_front(open).str();
    if (open == llvm::StringRef::npos) break;
    llvm::StringRef rest = format.drop_front(open + 1);
    llvm::StringRef digits = rest.take_while([](char c) { return c >= '0' && c <= '9'; });
    if (!digits.empty() && rest.drop_front(digits.size()).startswith("}")) {
      text += "...";
      format = rest.drop_front(digits.size() + 1);
    } else {
      text += '{';
      format = rest;
    }
  }
  return text;
}

// The sentence descriptions.def gives a compiler diagnostic; its message format as prose when it
// has none (a test requires one for every diagnostic).
std::string CompilerDescription(const diag::DiagInfo& info) {
#define LANDLOCKC_DIAG_DESCRIPTION(Id, Text) \
  if (llvm::StringRef(info.id) == Id) return Text;
#include "compiler/diag/descriptions.def"
  return WithoutPlaceholders(info.format) + ".";
}

llvm::json::Object CompilerRuleDescriptor(const diag::DiagInfo& info) {
  std::string text = CompilerDescription(info);
  std::string help_uri = DocumentationUrl("language.md#diagnostics");
  return llvm::json::Object{
      {"id", info.id},
      {"name", FriendlyName(info.id)},
      {"shortDescription", llvm::json::Object{{"text", text}}},
      {"fullDescription",
       llvm::json::Object{
           {"text", llvm::formatv("Compiler diagnostic `{0}`: {1}", info.id, text)}}},
      {"help",
       llvm::json::Object{
           {"text", llvm::formatv("{0} See {1}", text, help_uri).str()},
           {"markdown",
            llvm::formatv("**{0}**: {1}\n\n[Diagnostics]({2})", info.id, text, help_uri).str()}}},
      {"defaultConfiguration", llvm::json::Object{{"level", SarifLevel(info.severity)}}},
      {"helpUri", help_uri},
      {"properties", llvm::json::Object{{"tags", llvm::json::Array{"correctness", "landlock"}},
                                        {"precision", "very-high"},
                                        {"problem.severity", ProblemSeverity(info.severity)}}},
  };
}

// The artifact location of `file`: relative to `base_dir` under %SRCROOT% when beneath it.
llvm::json::Object ArtifactLocation(llvm::StringRef file, llvm::StringRef base_dir) {
  llvm::SmallString<256> absolute(file);
  llvm::sys::fs::make_absolute(base_dir, absolute);
  llvm::sys::path::remove_dots(absolute, /*remove_dot_dot=*/true);
  llvm::SmallString<256> base(base_dir);
  llvm::sys::path::remove_dots(base, /*remove_dot_dot=*/true);
  llvm::StringRef path = absolute;
  if (path.consume_front(base) && path.consume_front("/"))
    return llvm::json::Object{{"uri", UriPath(path)}, {"uriBaseId", "%SRCROOT%"}};
  return llvm::json::Object{{"uri", "file://" + UriPath(absolute)}};
}

// The text of the line the diagnostic starts on, blanks collapsed.
std::string StatementText(const diag::DiagnosticEngine& engine,
                          const diag::Diagnostic& diagnostic) {
  if (!diagnostic.range.Start.isValid()) return diagnostic.message;
  const llvm::SourceMgr& source_mgr = engine.source_mgr();
  unsigned buffer = source_mgr.FindBufferContainingLoc(diagnostic.range.Start);
  if (buffer == 0) return diagnostic.message;
  llvm::StringRef text = source_mgr.getMemoryBuffer(buffer)->getBuffer();
  size_t offset = diagnostic.range.Start.getPointer() - text.data();
  size_t begin = text.rfind('\n', offset);
  begin = begin == llvm::StringRef::npos ? 0 : begin + 1;
  llvm::StringRef line = text.slice(begin, text.find('\n', offset));
  llvm::SmallVector<llvm::StringRef, 8> words;
  llvm::SplitString(line, words);
  return llvm::join(words, " ");
}

// The region of a diagnostic or a note.
template <typename Located>
llvm::json::Object Region(const Located& located) {
  llvm::json::Object region{{"startLine", located.line}, {"startColumn", located.column}};
  bool has_extent = located.end_line > located.line ||
                    (located.end_line == located.line && located.end_column > located.column);
  if (has_extent) {
    region["endLine"] = located.end_line;
    region["endColumn"] = located.end_column;
  }
  return region;
}

// Text for a SARIF plain-text message: `[`, `]` and `\` are escaped, since `[text](id)` links
// to a related location.
std::string EscapeMessage(llvm::StringRef text) {
  std::string escaped;
  for (char c : text) {
    if (c == '[' || c == ']' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

// SARIF keeps a located note as a related location of its result (ids from 1), linked from the
// message (`note: [the covering grant is here](1)`) so a viewer can jump to it, and an unlocated
// one as a line of the message, as the text output prints it.
void AddNotes(const diag::Diagnostic& diagnostic, llvm::StringRef base_dir, std::string& text,
              llvm::json::Object& result) {
  llvm::json::Array related;
  for (const diag::Note& note : diagnostic.notes) {
    if (note.file.empty()) {
      text += "\nnote: " + EscapeMessage(note.message);
      continue;
    }
    int64_t id = static_cast<int64_t>(related.size()) + 1;
    text += llvm::formatv("\nnote: [{0}]({1})", EscapeMessage(note.message), id).str();
    llvm::json::Object physical{{"artifactLocation", ArtifactLocation(note.file, base_dir)},
                                {"region", Region(note)}};
    related.push_back(llvm::json::Object{
        {"id", id},
        {"physicalLocation", std::move(physical)},
        {"message", llvm::json::Object{{"text", EscapeMessage(note.message)}}},
    });
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
}

// "2 warnings, 1 note": the count of each severity present.
std::string Summary(llvm::ArrayRef<const diag::DiagnosticEngine*> engines) {
  unsigned counts[3] = {0, 0, 0};
  for (const diag::DiagnosticEngine* engine : engines)
    for (const diag::Diagnostic& diagnostic : engine->diagnostics())
      ++counts[static_cast<int>(diagnostic.severity)];
  std::vector<std::string> parts;
  for (diag::Severity severity :
       {diag::Severity::kError, diag::Severity::kWarning, diag::Severity::kNote}) {
    unsigned count = counts[static_cast<int>(severity)];
    if (count != 0)
      parts.push_back(
          llvm::formatv("{0} {1}{2}", count, diag::SeverityName(severity), count == 1 ? "" : "s"));
  }
  return llvm::join(parts, ", ");
}

void WriteText(llvm::ArrayRef<const diag::DiagnosticEngine*> engines, llvm::raw_ostream& os,
               TextOptions options) {
  if (options.quiet) {
    for (const diag::DiagnosticEngine* engine : engines) engine->Render(os, options.colors);
    return;
  }
  std::set<std::string> linked;
  for (const diag::DiagnosticEngine* engine : engines) {
    // A copy whose first finding of each rule ends with the rule's URL (as shellcheck does).
    diag::DiagnosticEngine with_urls(engine->source_mgr());
    for (const diag::Diagnostic& diagnostic : engine->diagnostics()) {
      std::vector<diag::Note> notes = diagnostic.notes;
      if (FindRule(diagnostic.id) != nullptr && linked.insert(diagnostic.id).second)
        notes.push_back("see " + RuleDocumentationUrl(diagnostic.id));
      with_urls.Emit(diagnostic.severity, diagnostic.id, diagnostic.range, diagnostic.message,
                     std::move(notes));
    }
    with_urls.Render(os, options.colors);
  }
  std::string summary = Summary(engines);
  if (!summary.empty()) os << summary << "\n";
}

}  // namespace

llvm::json::Value RulesJson() {
  llvm::json::Array rules;
  for (const Rule* rule : AllRules())
    rules.push_back(llvm::json::Object{
        {"id", rule->id},
        {"severity", diag::SeverityName(rule->severity)},
        {"per_target", rule->per_target},
        {"host_only", rule->host_only},
        {"summary", rule->summary},
        {"url", RuleDocumentationUrl(rule->id)},
    });
  return model::Versioned(llvm::json::Object{{"rules", std::move(rules)}});
}

void WriteRuleTable(llvm::raw_ostream& os) {
  size_t id_width = 2;
  size_t url_width = 0;
  for (const Rule* rule : AllRules()) {
    id_width = std::max(id_width, strlen(rule->id));
    url_width = std::max(url_width, RuleDocumentationUrl(rule->id).size());
  }
  // The description last: it is the only column of free length.
  auto row = [&](llvm::StringRef id, llvm::StringRef severity, llvm::StringRef url,
                 llvm::StringRef summary) {
    os << llvm::left_justify(id, id_width) << "  " << llvm::left_justify(severity, 8) << "  "
       << llvm::left_justify(url, url_width) << "  " << summary << "\n";
  };
  row("ID", "SEVERITY", "DOCUMENTATION", "DESCRIPTION");
  for (const Rule* rule : AllRules())
    row(rule->id, diag::SeverityName(rule->severity), RuleDocumentationUrl(rule->id),
        rule->summary);
}

llvm::Expected<Format> ParseFormat(llvm::StringRef text) {
  if (text == "text") return Format::kText;
  if (text == "json") return Format::kJson;
  if (text == "sarif") return Format::kSarif;
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("invalid format `{0}` (expected text, json or sarif)", text).str());
}

llvm::json::Value ToJson(llvm::ArrayRef<const diag::DiagnosticEngine*> engines) {
  llvm::json::Array findings;
  for (const diag::DiagnosticEngine* engine : engines) {
    for (const diag::Diagnostic& diagnostic : engine->diagnostics()) {
      findings.push_back(llvm::json::Object{
          {"file", diagnostic.file},
          {"line", diagnostic.line},
          {"column", diagnostic.column},
          {"end_line", diagnostic.end_line},
          {"end_column", diagnostic.end_column},
          {"severity", diag::SeverityName(diagnostic.severity)},
          {"id", diagnostic.id},
          {"message", diagnostic.message},
          {"notes", Notes(diagnostic)},
      });
    }
  }
  return model::Versioned(llvm::json::Object{{"findings", std::move(findings)}});
}

llvm::json::Value ToSarif(llvm::ArrayRef<const diag::DiagnosticEngine*> engines,
                          llvm::StringRef base_dir) {
  llvm::json::Array rules;
  std::map<std::string, int64_t> rule_index;
  for (const Rule* rule : AllRules()) {
    rule_index[rule->id] = static_cast<int64_t>(rules.size());
    rules.push_back(LintRuleDescriptor(*rule));
  }
  for (const diag::DiagInfo& info : diag::AllDiagnostics()) {
    if (rule_index.count(info.id)) continue;
    rule_index[info.id] = static_cast<int64_t>(rules.size());
    rules.push_back(CompilerRuleDescriptor(info));
  }

  llvm::json::Array results;
  std::map<std::string, int> occurrences;
  for (const diag::DiagnosticEngine* engine : engines) {
    for (const diag::Diagnostic& diagnostic : engine->diagnostics()) {
      llvm::json::Object artifact = ArtifactLocation(diagnostic.file, base_dir);
      std::string uri = artifact.getString("uri")->str();
      std::string identity = diagnostic.id + "\n" + uri + "\n" + StatementText(*engine, diagnostic);
      int occurrence = ++occurrences[identity];
      std::string fingerprint =
          llvm::formatv("{0}:{1}", llvm::format_hex_no_prefix(llvm::xxHash64(identity), 16),
                        occurrence)
              .str();
      llvm::json::Object result{
          {"ruleId", diagnostic.id},
          {"level", SarifLevel(diagnostic.severity)},
          {"partialFingerprints", llvm::json::Object{{kFingerprintKey, fingerprint}}},
      };
      std::string text = EscapeMessage(diagnostic.message);
      AddNotes(diagnostic, base_dir, text, result);
      // An error-level finding of a rule whose usual findings are warnings ranks higher.
      const Security* security = SecurityOf(diagnostic.id);
      if (security != nullptr && security->error_severity != nullptr &&
          diagnostic.severity == diag::Severity::kError)
        result["properties"] = llvm::json::Object{{"security-severity", security->error_severity}};
      result["message"] = llvm::json::Object{{"text", text}};
      auto index = rule_index.find(diagnostic.id);
      if (index != rule_index.end()) result["ruleIndex"] = index->second;
      if (!diagnostic.file.empty()) {
        llvm::json::Object physical{{"artifactLocation", std::move(artifact)}};
        if (diagnostic.line != 0) physical["region"] = Region(diagnostic);
        result["locations"] =
            llvm::json::Array{llvm::json::Object{{"physicalLocation", std::move(physical)}}};
      }
      results.push_back(std::move(result));
    }
  }

  return SarifLog(std::move(rules), std::move(results), base_dir);
}

llvm::json::Object SarifLog(llvm::json::Array rules, llvm::json::Array results,
                            llvm::StringRef base_dir) {
  std::string base_uri = "file://" + UriPath(base_dir);
  if (!llvm::StringRef(base_uri).endswith("/")) base_uri += "/";
  llvm::json::Object driver{
      {"name", kToolName},
      {"version", LANDLOCKC_VERSION},
      {"informationUri", kInformationUri},
      {"rules", std::move(rules)},
  };
  llvm::json::Object run{
      {"tool", llvm::json::Object{{"driver", std::move(driver)}}},
      {"originalUriBaseIds",
       llvm::json::Object{{"%SRCROOT%", llvm::json::Object{{"uri", base_uri}}}}},
      {"results", std::move(results)},
  };
  return llvm::json::Object{
      {"$schema", kSarifSchema},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(run)}},
  };
}

void WriteDiagnostics(llvm::ArrayRef<const diag::DiagnosticEngine*> engines, Format format,
                      llvm::raw_ostream& os, TextOptions text) {
  switch (format) {
    case Format::kText:
      WriteText(engines, os, text);
      return;
    case Format::kJson:
      os << llvm::formatv("{0:2}", ToJson(engines)) << "\n";
      return;
    case Format::kSarif: {
      llvm::SmallString<256> cwd;
      if (llvm::sys::fs::current_path(cwd)) cwd = "/";
      os << llvm::formatv("{0:2}", ToSarif(engines, cwd)) << "\n";
      return;
    }
  }
}

llvm::json::Object SarifArtifactLocation(llvm::StringRef file, llvm::StringRef base_dir) {
  return ArtifactLocation(file, base_dir);
}

}  // namespace landlockc::lint
