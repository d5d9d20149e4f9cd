// SPDX-License-Identifier: MIT
#include "diff/output.h"

#include "compiler/model/names.h"
#include "lint/describe.h"
#include "lint/output.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/xxhash.h"

namespace landlockc::diff {
namespace {

using abi::Category;

constexpr const char* kRuleId = "widened";
constexpr const char* kFingerprintKey = "landlockcDiffHash/v1";
constexpr size_t kWasOnlyShown = 3;

bool Known(const model::Location& location) { return location.line != 0; }

std::string Where(const model::Location& location) {
  return llvm::formatv("{0}:{1}:{2}", location.file, location.line, location.column).str();
}

std::string Ports(const model::PortRange& ports) {
  if (ports.low == ports.high) return llvm::formatv("port {0}", ports.low).str();
  return llvm::formatv("ports {0}..{1}", ports.low, ports.high).str();
}

std::string Quoted(llvm::StringRef text) { return "`" + text.str() + "`"; }

// "`a`, `b`": each name quoted.
template <typename Range>
std::string QuotedList(const Range& names) {
  std::string text;
  for (const auto& name : names) {
    if (!text.empty()) text += ", ";
    text += Quoted(name);
  }
  return text;
}

// What the rights are used on: "on `/srv`", "on port 443", or nothing for scopes.
std::string Object(const AccessChange& change) {
  switch (change.category) {
    case Category::kFs:
      return "on " + Quoted(change.path);
    case Category::kNet:
      return "on " + Ports(change.ports);
    case Category::kScope:
      return "";
  }
  return "";
}

// "`write_file`, `make_reg` on `/var/log`", or "scope `signal`".
std::string Access(const AccessChange& change) {
  std::string rights = lint::RightList(change.category, change.rights);
  if (change.category == Category::kScope) return "scope " + rights;
  return rights + " " + Object(change);
}

std::string WasOnly(const AccessChange& change) {
  if (change.was_only.empty()) return "";
  std::vector<std::string> shown(
      change.was_only.begin(),
      change.was_only.begin() + std::min(change.was_only.size(), kWasOnlyShown));
  std::string text = " (was only " + QuotedList(shown);
  if (change.was_only.size() > shown.size())
    text += llvm::formatv(" and {0} more", change.was_only.size() - shown.size()).str();
  return text + ")";
}

std::string Layers(const AccessChange& change) {
  return (change.layers.size() == 1 ? "layer " : "layers ") + QuotedList(change.layers);
}

// The places of `causes` from the `first`th on, "F:L:C, ..." (those without a place left out).
std::string Places(const std::vector<Cause>& causes, size_t first) {
  std::string text;
  for (size_t i = first; i < causes.size(); ++i) {
    if (!Known(causes[i].location)) continue;
    if (!text.empty()) text += ", ";
    text += Where(causes[i].location);
  }
  return text;
}

// A widening, without the place of its first grant: "widened: `x` on `/a` in layer `l`".
std::string WidenedMessage(const AccessChange& change, bool with_places) {
  std::string text = "widened: " + Access(change) + WasOnly(change);
  if (change.causes.empty()) return text + " as no layer handles it";
  text += " in " + Layers(change);
  std::string others = with_places ? Places(change.causes, 1) : "";
  if (!others.empty()) text += " (also " + others + ")";
  return text;
}

// A narrowing and the grants of OLD that allowed it: "narrowed: `x` on `/a` (old:7:5)".
std::string NarrowedMessage(const AccessChange& change, bool with_places) {
  std::string text = "narrowed: " + Access(change);
  if (change.causes.empty()) return text + " (no layer handled it)";
  std::string places = with_places ? Places(change.causes, 0) : "";
  return text + " (" + (places.empty() ? "was allowed in " + Layers(change) : places) + ")";
}

std::string LogText(int64_t flags) {
  std::vector<llvm::StringRef> names = model::LogSettingNames(static_cast<uint32_t>(flags));
  if (names.empty()) return "none";
  return Quoted(llvm::join(names, ", "));
}

std::string RaisedOrLowered(int64_t before, int64_t after) {
  return llvm::formatv("{0} from {1} to {2}", after > before ? "raised" : "lowered", before, after)
      .str();
}

std::string HandledRights(const PolicyChange& change) {
  std::string rights = lint::RightList(change.category, change.rights);
  return change.category == Category::kScope ? "scope " + rights : rights;
}

// What changed, in words: "`requires abi` lowered from 4 to 2".
std::string Describe(const PolicyChange& change) {
  switch (change.subject) {
    case Subject::kAbi:
      return "`abi` " + RaisedOrLowered(change.before, change.after);
    case Subject::kRequiresAbi:
      if (change.before == 0) return llvm::formatv("`requires abi {0}` added", change.after);
      if (change.after == 0) return llvm::formatv("`requires abi {0}` removed", change.before);
      return "`requires abi` " + RaisedOrLowered(change.before, change.after);
    case Subject::kThreads:
      return change.after ? "`threads all` added" : "`threads all` removed";
    case Subject::kLog:
      return llvm::formatv("`log` of layer `{0}` was {1}, now {2}", change.layer,
                           LogText(change.before), LogText(change.after));
    case Subject::kLayerAdded:
      return "layer " + Quoted(change.layer) + " added";
    case Subject::kLayerRemoved:
      return "layer " + Quoted(change.layer) + " removed";
    case Subject::kHandled:
      return HandledRights(change) + " newly handled";
    case Subject::kNoLongerHandled:
      return HandledRights(change) + " no longer handled by any layer";
  }
  return "";
}

std::string PolicyMessage(const PolicyChange& change) {
  return (change.level == Level::kWiden ? "widened: " : "changed: ") + Describe(change);
}

llvm::StringRef SubjectKey(Subject subject) {
  switch (subject) {
    case Subject::kAbi:
      return "abi";
    case Subject::kRequiresAbi:
      return "requires_abi";
    case Subject::kThreads:
      return "threads";
    case Subject::kLog:
      return "log";
    case Subject::kLayerAdded:
      return "layer_added";
    case Subject::kLayerRemoved:
      return "layer_removed";
    case Subject::kHandled:
      return "handled";
    case Subject::kNoLongerHandled:
      return "no_longer_handled";
  }
  return "";
}

std::string Summary(const Report& report) {
  std::string text =
      llvm::formatv("{0} widened, {1} narrowed", report.WidenedCount(), report.NarrowedCount());
  if (report.ChangedCount() > 0)
    text += llvm::formatv(", {0} changed", report.ChangedCount()).str();
  return text;
}

llvm::json::Value PortsJson(const model::PortRange& ports) {
  if (ports.low == ports.high) return int64_t{ports.low};
  return llvm::json::Object{{"from", int64_t{ports.low}}, {"to", int64_t{ports.high}}};
}

llvm::json::Array Names(Category category, uint64_t rights) {
  llvm::json::Array names;
  for (llvm::StringRef name : model::RightNames(category, rights)) names.push_back(name);
  return names;
}

llvm::json::Object AccessJson(const AccessChange& change, bool widened) {
  llvm::json::Object object{
      {"category", model::CategoryName(change.category)},
      {"rights", Names(change.category, change.rights)},
      {"message", widened ? WidenedMessage(change, true) : NarrowedMessage(change, true)},
  };
  if (change.category == Category::kFs) object["path"] = change.path;
  if (change.category == Category::kNet) object["ports"] = PortsJson(change.ports);
  if (widened && change.category == Category::kFs) {
    llvm::json::Array was_only;
    for (const std::string& path : change.was_only) was_only.push_back(path);
    object["was_only"] = std::move(was_only);
  }
  llvm::json::Array grants;
  for (const Cause& cause : change.causes) {
    llvm::json::Object grant{{"layer", cause.layer}};
    if (Known(cause.location)) {
      grant["file"] = cause.location.file;
      grant["line"] = cause.location.line;
      grant["column"] = cause.location.column;
    }
    grants.push_back(std::move(grant));
  }
  object["grants"] = std::move(grants);
  llvm::json::Array layers;
  for (const std::string& layer : change.layers) layers.push_back(layer);
  object["layers"] = std::move(layers);
  return object;
}

llvm::json::Value SettingJson(const PolicyChange& change, int64_t value) {
  switch (change.subject) {
    case Subject::kThreads:
      return value != 0;
    case Subject::kLog: {
      llvm::json::Array names;
      for (llvm::StringRef name : model::LogSettingNames(static_cast<uint32_t>(value)))
        names.push_back(name);
      return names;
    }
    default:
      return value;
  }
}

llvm::json::Object PolicyJson(const PolicyChange& change) {
  llvm::json::Object object{
      {"subject", SubjectKey(change.subject)},
      {"level", change.level == Level::kWiden ? "widen" : "change"},
      {"message", PolicyMessage(change)},
  };
  switch (change.subject) {
    case Subject::kAbi:
    case Subject::kRequiresAbi:
    case Subject::kThreads:
    case Subject::kLog:
      object["old"] = SettingJson(change, change.before);
      object["new"] = SettingJson(change, change.after);
      break;
    default:
      break;
  }
  if (!change.layer.empty()) object["layer"] = change.layer;
  if (change.subject == Subject::kHandled || change.subject == Subject::kNoLongerHandled) {
    object["category"] = model::CategoryName(change.category);
    object["rights"] = Names(change.category, change.rights);
  }
  if (Known(change.location)) {
    object["policy"] = change.location_in_old ? "old" : "new";
    object["file"] = change.location.file;
    object["line"] = change.location.line;
    object["column"] = change.location.column;
  }
  return object;
}

// A table cell: `|` would end it and a newline the row.
std::string Cell(llvm::StringRef text) {
  std::string cell;
  for (char c : text) {
    if (c == '|')
      cell += "\\|";
    else if (c == '\n')
      cell += ' ';
    else
      cell += c;
  }
  return cell;
}

void Row(llvm::raw_ostream& os, llvm::StringRef kind, llvm::StringRef what, llvm::StringRef on,
         llvm::StringRef layers, llvm::StringRef places) {
  os << "| " << kind << " | " << Cell(what) << " | " << Cell(on) << " | " << Cell(layers) << " | "
     << Cell(places) << " |\n";
}

void AccessRow(llvm::raw_ostream& os, const AccessChange& change, bool widened) {
  std::string what = lint::RightList(change.category, change.rights);
  std::string on = change.category == Category::kFs    ? Quoted(change.path) + WasOnly(change)
                   : change.category == Category::kNet ? Ports(change.ports)
                                                       : "scope";
  std::string layers = change.causes.empty() ? (widened ? "no longer handled" : "was not handled")
                                             : QuotedList(change.layers);
  Row(os, widened ? "**widened**" : "narrowed", what, on, layers, Places(change.causes, 0));
}

llvm::json::Object Region(const model::Location& location) {
  llvm::json::Object region{{"startLine", location.line}, {"startColumn", location.column}};
  if (location.end_line > location.line ||
      (location.end_line == location.line && location.end_column > location.column)) {
    region["endLine"] = location.end_line;
    region["endColumn"] = location.end_column;
  }
  return region;
}

llvm::json::Object PhysicalLocation(const model::Location& location, llvm::StringRef base_dir) {
  return llvm::json::Object{
      {"artifactLocation", lint::SarifArtifactLocation(location.file, base_dir)},
      {"region", Region(location)}};
}

// One SARIF result at `where` (NEW's first line when unknown), with `related` as related
// locations and a fingerprint that ignores line numbers.
llvm::json::Object SarifResult(const Report& report, const std::string& message,
                               const model::Location* where,
                               const std::vector<const model::Location*>& related,
                               llvm::StringRef base_dir) {
  model::Location fallback;
  fallback.file = report.new_name;
  fallback.line = 1;
  fallback.column = 1;
  const model::Location& location = where != nullptr ? *where : fallback;
  llvm::json::Object artifact = lint::SarifArtifactLocation(location.file, base_dir);
  std::string identity =
      std::string(kRuleId) + "\n" + artifact.getString("uri")->str() + "\n" + message;
  llvm::json::Object result{
      {"ruleId", kRuleId},
      {"ruleIndex", 0},
      {"level", "warning"},
      {"message", llvm::json::Object{{"text", message}}},
      {"locations", llvm::json::Array{llvm::json::Object{
                        {"physicalLocation", PhysicalLocation(location, base_dir)}}}},
      {"partialFingerprints",
       llvm::json::Object{
           {kFingerprintKey,
            llvm::formatv("{0}", llvm::format_hex_no_prefix(llvm::xxHash64(identity), 16)).str()}}},
  };
  llvm::json::Array related_locations;
  for (const model::Location* other : related)
    related_locations.push_back(
        llvm::json::Object{{"id", static_cast<int64_t>(related_locations.size())},
                           {"physicalLocation", PhysicalLocation(*other, base_dir)},
                           {"message", llvm::json::Object{{"text", "also allowed here"}}}});
  if (!related_locations.empty()) result["relatedLocations"] = std::move(related_locations);
  return result;
}

llvm::json::Object SarifRule() {
  const char* text =
      "The new policy allows an access that the old one denied, or enforces less (a lower or no "
      "`requires abi`, no `threads all`).";
  return llvm::json::Object{
      {"id", kRuleId},
      {"name", "Widened"},
      {"shortDescription",
       llvm::json::Object{{"text", "The change widens what the policy allows"}}},
      {"fullDescription", llvm::json::Object{{"text", text}}},
      {"help", llvm::json::Object{{"text", text}, {"markdown", text}}},
      {"defaultConfiguration", llvm::json::Object{{"level", "warning"}}},
      {"properties", llvm::json::Object{{"tags", llvm::json::Array{"security"}},
                                        {"precision", "very-high"},
                                        {"problem.severity", "warning"},
                                        {"security-severity", "6.0"}}},
  };
}

}  // namespace

int ExitCode(const Report& report, FailOn fail_on) {
  switch (fail_on) {
    case FailOn::kWiden:
      return report.Widens() ? 1 : 0;
    case FailOn::kChange:
      return report.Empty() ? 0 : 1;
    case FailOn::kNever:
      return 0;
  }
  return 0;
}

void WriteText(const Report& report, llvm::raw_ostream& os, bool quiet) {
  if (report.Empty()) return;
  auto policy_lines = [&](Level level) {
    for (const PolicyChange& change : report.policy) {
      if (change.level != level) continue;
      bool placed = Known(change.location);
      if (placed && !change.location_in_old) os << Where(change.location) << ": ";
      os << PolicyMessage(change);
      if (placed && change.location_in_old) os << " (" << Where(change.location) << ")";
      os << "\n";
    }
  };
  policy_lines(Level::kWiden);
  for (const AccessChange& change : report.widened) {
    if (!change.causes.empty() && Known(change.causes.front().location))
      os << Where(change.causes.front().location) << ": ";
    os << WidenedMessage(change, true) << "\n";
  }
  for (const AccessChange& change : report.narrowed) os << NarrowedMessage(change, true) << "\n";
  policy_lines(Level::kChange);
  if (!quiet) os << Summary(report) << "\n";
}

llvm::json::Value ToJson(const Report& report) {
  llvm::json::Array widened;
  for (const AccessChange& change : report.widened) widened.push_back(AccessJson(change, true));
  llvm::json::Array narrowed;
  for (const AccessChange& change : report.narrowed) narrowed.push_back(AccessJson(change, false));
  llvm::json::Array policy;
  for (const PolicyChange& change : report.policy) policy.push_back(PolicyJson(change));
  return llvm::json::Object{
      {"version", 1},
      {"old", report.old_name},
      {"new", report.new_name},
      {"target", llvm::json::Object{{"name", report.target.name}, {"abi", report.target.abi}}},
      {"widened", std::move(widened)},
      {"narrowed", std::move(narrowed)},
      {"policy", std::move(policy)},
      {"summary", llvm::json::Object{{"widened", static_cast<int64_t>(report.WidenedCount())},
                                     {"narrowed", static_cast<int64_t>(report.NarrowedCount())},
                                     {"changed", static_cast<int64_t>(report.ChangedCount())}}},
  };
}

void WriteMarkdown(const Report& report, llvm::raw_ostream& os) {
  os << llvm::formatv("**landlockc diff** `{0}` → `{1}` on {2}: ", Cell(report.old_name),
                      Cell(report.new_name), report.target.Describe());
  if (report.Empty()) {
    os << "no difference in what the policies allow.\n";
    return;
  }
  os << Summary(report) << ".\n\n";
  os << "| | What | On | Layers | Grants |\n|---|---|---|---|---|\n";
  auto policy_rows = [&](Level level) {
    for (const PolicyChange& change : report.policy) {
      if (change.level != level) continue;
      std::string place = Known(change.location) ? Where(change.location) : "";
      Row(os, level == Level::kWiden ? "**widened**" : "changed", Describe(change), "",
          change.layer.empty() ? "" : Quoted(change.layer), place);
    }
  };
  policy_rows(Level::kWiden);
  for (const AccessChange& change : report.widened) AccessRow(os, change, true);
  for (const AccessChange& change : report.narrowed) AccessRow(os, change, false);
  policy_rows(Level::kChange);
}

llvm::json::Value ToSarif(const Report& report, llvm::StringRef base_dir) {
  llvm::json::Array results;
  for (const PolicyChange& change : report.policy) {
    if (change.level != Level::kWiden) continue;
    bool in_new = Known(change.location) && !change.location_in_old;
    std::string message = PolicyMessage(change);
    if (Known(change.location) && change.location_in_old)
      message += " (was at " + Where(change.location) + ")";
    results.push_back(
        SarifResult(report, message, in_new ? &change.location : nullptr, {}, base_dir));
  }
  for (const AccessChange& change : report.widened) {
    std::vector<const model::Location*> places;
    for (const Cause& cause : change.causes)
      if (Known(cause.location)) places.push_back(&cause.location);
    const model::Location* first = places.empty() ? nullptr : places.front();
    if (!places.empty()) places.erase(places.begin());
    results.push_back(SarifResult(report, WidenedMessage(change, false), first, places, base_dir));
  }
  return lint::SarifLog(llvm::json::Array{SarifRule()}, std::move(results), base_dir);
}

void WriteReport(const Report& report, Format format, llvm::raw_ostream& os, bool quiet) {
  switch (format) {
    case Format::kText:
      WriteText(report, os, quiet);
      return;
    case Format::kJson:
      os << llvm::formatv("{0:2}", ToJson(report)) << "\n";
      return;
    case Format::kMarkdown:
      WriteMarkdown(report, os);
      return;
    case Format::kSarif: {
      llvm::SmallString<256> cwd;
      if (llvm::sys::fs::current_path(cwd)) cwd = "/";
      os << llvm::formatv("{0:2}", ToSarif(report, cwd)) << "\n";
      return;
    }
  }
}

}  // namespace landlockc::diff
