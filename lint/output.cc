#include "lint/output.h"

#include <map>

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

std::string HelpUri(llvm::StringRef id) {
  return llvm::formatv("{0}/blob/main/docs/lint/{1}.md", kInformationUri, id).str();
}

llvm::json::Object LintRuleDescriptor(const Rule& rule) {
  std::string help_uri = HelpUri(rule.id);
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

llvm::json::Object CompilerRuleDescriptor(const diag::DiagInfo& info) {
  std::string text =
      llvm::formatv("Compiler diagnostic `{0}`: {1}.", info.id, WithoutPlaceholders(info.format))
          .str();
  return llvm::json::Object{
      {"id", info.id},
      {"name", FriendlyName(info.id)},
      {"shortDescription", llvm::json::Object{{"text", text}}},
      {"fullDescription", llvm::json::Object{{"text", text}}},
      {"help", llvm::json::Object{{"text", text}, {"markdown", text}}},
      {"defaultConfiguration", llvm::json::Object{{"level", SarifLevel(info.severity)}}},
      {"helpUri",
       llvm::formatv("{0}/blob/main/docs/language.md#diagnostics", kInformationUri).str()},
  };
}

// `path` as the path of a URI (RFC 3986): bytes other than unreserved characters and `/` are
// percent-encoded, so a file name with a space, `#` or `%` still gives a valid URI.
std::string UriPath(llvm::StringRef path) {
  std::string uri;
  for (char c : path) {
    if (llvm::isAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      uri += c;
      continue;
    }
    uri += '%';
    uri += llvm::hexdigit(static_cast<unsigned char>(c) >> 4);
    uri += llvm::hexdigit(static_cast<unsigned char>(c) & 15);
  }
  return uri;
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

// SARIF keeps a located note as a related location of its result, so a viewer can jump to it, and
// an unlocated one as a line of the result's message, as the text output prints it.
void AddNotes(const diag::Diagnostic& diagnostic, llvm::StringRef base_dir, std::string& text,
              llvm::json::Object& result) {
  llvm::json::Array related;
  for (const diag::Note& note : diagnostic.notes) {
    if (note.file.empty()) {
      text += "\nnote: " + note.message;
      continue;
    }
    llvm::json::Object physical{{"artifactLocation", ArtifactLocation(note.file, base_dir)},
                                {"region", Region(note)}};
    related.push_back(llvm::json::Object{
        {"id", static_cast<int64_t>(related.size())},
        {"physicalLocation", std::move(physical)},
        {"message", llvm::json::Object{{"text", note.message}}},
    });
  }
  if (!related.empty()) result["relatedLocations"] = std::move(related);
}

}  // namespace

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
  return llvm::json::Object{{"findings", std::move(findings)}};
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
      std::string text = diagnostic.message;
      AddNotes(diagnostic, base_dir, text, result);
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
                      llvm::raw_ostream& os, bool colors) {
  switch (format) {
    case Format::kText:
      for (const diag::DiagnosticEngine* engine : engines) engine->Render(os, colors);
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

}  // namespace landlockc::lint
