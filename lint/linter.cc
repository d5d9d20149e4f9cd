// SPDX-License-Identifier: MIT
#include "lint/linter.h"

#include <algorithm>
#include <cstring>
#include <set>
#include <tuple>

#include "lint/access_model.h"
#include "lint/rules/registry.h"
#include "lint/rules/unused_ignore.h"
#include "lint/suppression.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

// What makes two findings the same, so that each is reported once.
struct FindingKey {
  std::string id;
  const char* start;
  std::string message;
  friend bool operator<(const FindingKey& a, const FindingKey& b) {
    return std::tie(a.id, a.start, a.message) < std::tie(b.id, b.start, b.message);
  }
};

// A placeholder for the target's description in a message, while findings of several targets are
// compared.
constexpr llvm::StringLiteral kTargetMark = "\x01";

std::string Templated(std::string text, const std::string& described) {
  for (size_t at = text.find(described); at != std::string::npos;
       at = text.find(described, at + kTargetMark.size()))
    text.replace(at, described.size(), kTargetMark.str());
  return text;
}

// "targets `a` (ABI 2), `b` (ABI 7)" from "target `a` (ABI 2)" and "target `b` (ABI 7)".
std::string DescribeTargets(const std::vector<const Target*>& targets) {
  if (targets.size() == 1) return targets.front()->Describe();
  std::string text = "targets ";
  for (size_t i = 0; i < targets.size(); ++i) {
    if (i) text += ", ";
    text += llvm::StringRef(targets[i]->Describe()).drop_front(strlen("target ")).str();
  }
  return text;
}

// Runs a rule whose findings depend on the target once per target, and merges the findings that
// are the same for several targets into one that names them all.
void RunPerTarget(const Rule& rule, const model::Policy& policy, llvm::ArrayRef<Target> targets,
                  llvm::ArrayRef<AccessModel> models, const LintOptions& options,
                  const llvm::SourceMgr& source_mgr, const std::function<void(Finding)>& sink) {
  struct Merged {
    Finding finding;  // message and notes templated
    std::vector<const Target*> targets;
  };
  std::vector<Merged> merged;
  for (size_t i = 0; i < targets.size(); ++i) {
    std::string described = targets[i].Describe();
    auto collect = [&](Finding finding) {
      finding.message = Templated(std::move(finding.message), described);
      for (diag::Note& note : finding.notes)
        note.message = Templated(std::move(note.message), described);
      for (Merged& entry : merged) {
        const Finding& seen = entry.finding;
        if (seen.range.Start == finding.range.Start && seen.severity == finding.severity &&
            seen.message == finding.message && seen.notes == finding.notes) {
          entry.targets.push_back(&targets[i]);
          return;
        }
      }
      merged.push_back({std::move(finding), {&targets[i]}});
    };
    RuleContext context{rule,       policy,       targets[i], models[i],
                        source_mgr, options.host, collect,    options.extra_sensitive_paths};
    rule.run(context);
  }
  for (Merged& entry : merged) {
    std::string described = DescribeTargets(entry.targets);
    auto fill = [&](std::string& text) {
      for (size_t at = text.find(kTargetMark); at != std::string::npos;
           at = text.find(kTargetMark, at + described.size()))
        text.replace(at, kTargetMark.size(), described);
    };
    fill(entry.finding.message);
    for (diag::Note& note : entry.finding.notes) fill(note.message);
    sink(std::move(entry.finding));
  }
}

// Runs `rule` once per target when its findings depend on the target, else once.
void RunRule(const Rule& rule, const model::Policy& policy, llvm::ArrayRef<Target> targets,
             llvm::ArrayRef<AccessModel> models, const LintOptions& options,
             const llvm::SourceMgr& source_mgr, const std::function<void(Finding)>& sink) {
  if (rule.per_target) {
    RunPerTarget(rule, policy, targets, models, options, source_mgr, sink);
    return;
  }
  RuleContext context{rule,
                      policy,
                      targets.front(),
                      models.front(),
                      source_mgr,
                      options.host,
                      sink,
                      options.extra_sensitive_paths};
  rule.run(context);
}

// Position order: buffer, then offset, then id.
void SortByPosition(std::vector<Finding>& findings, const llvm::SourceMgr& source_mgr) {
  auto key = [&](const Finding& finding) {
    if (!finding.range.Start.isValid())
      return std::make_tuple(0u, static_cast<const char*>(nullptr));
    return std::make_tuple(source_mgr.FindBufferContainingLoc(finding.range.Start),
                           finding.range.Start.getPointer());
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    return std::make_tuple(key(a), a.id) < std::make_tuple(key(b), b.id);
  });
}

// A compiler diagnostic as a finding, so suppression and ordering treat both alike.
Finding FromDiagnostic(const diag::Diagnostic& diagnostic) {
  Finding finding;
  finding.id = diagnostic.id;
  finding.severity = diagnostic.severity;
  finding.range = diagnostic.range;
  finding.statement = diagnostic.range;
  finding.message = diagnostic.message;
  finding.notes = diagnostic.notes;
  return finding;
}

}  // namespace

llvm::Error ValidateRuleIds(llvm::ArrayRef<std::string> ids) {
  for (const std::string& id : ids) {
    if (FindRule(id) != nullptr) continue;
    llvm::StringRef suggestion = ClosestRuleId(id);
    std::string message = llvm::formatv("unknown lint rule `{0}`", id).str();
    if (!suggestion.empty()) message += llvm::formatv(" (did you mean `{0}`?)", suggestion).str();
    return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
  }
  return llvm::Error::success();
}

void Lint(const model::Policy& policy, const LintOptions& options,
          llvm::ArrayRef<diag::Diagnostic> compiler_diagnostics, diag::DiagnosticEngine& out) {
  // A target given twice is checked once, and named once in messages.
  std::vector<Target> targets;
  for (const Target& target : options.targets)
    if (llvm::none_of(targets, [&](const Target& seen) { return seen.name == target.name; }))
      targets.push_back(target);
  if (targets.empty()) targets.push_back(DefaultTarget());
  // In one order whatever the command line's, so messages naming several targets, and the SARIF
  // fingerprints that count findings on one statement, do not depend on it.
  std::sort(targets.begin(), targets.end(), [](const Target& a, const Target& b) {
    return std::tie(a.abi, a.name) < std::tie(b.abi, b.name);
  });
  std::vector<AccessModel> models;
  models.reserve(targets.size());
  for (const Target& target : targets) models.emplace_back(policy, target.abi);

  const llvm::SourceMgr& source_mgr = out.source_mgr();
  std::set<std::string> disabled(options.disabled.begin(), options.disabled.end());
  std::set<std::string> ran;
  std::vector<Finding> findings;
  std::set<FindingKey> seen;
  auto sink = [&](Finding finding) {
    FindingKey key{finding.id, finding.range.Start.getPointer(), finding.message};
    if (seen.insert(key).second) findings.push_back(std::move(finding));
  };
  for (const Rule* rule : AllRules()) {
    if (disabled.count(rule->id) || (rule->host_only && !options.host)) continue;
    ran.insert(rule->id);
    if (rule->run != nullptr) RunRule(*rule, policy, targets, models, options, source_mgr, sink);
  }
  // A compiler warning that shares its id with a rule (`unhandled-grant`, which only the compiler
  // finds) is that rule's finding: `--disable` turns it off too.
  for (const diag::Diagnostic& diagnostic : compiler_diagnostics)
    if (diagnostic.severity == diag::Severity::kError || !disabled.count(diagnostic.id))
      findings.push_back(FromDiagnostic(diagnostic));

  Suppressions suppressions(source_mgr);
  llvm::erase_if(findings, [&](const Finding& finding) { return suppressions.Silences(finding); });
  if (ran.count(kUnusedIgnoreRule.id)) ReportUnusedIgnores(suppressions, ran, sink);

  SortByPosition(findings, source_mgr);
  for (Finding& finding : findings) {
    auto severity = options.severity.find(finding.id);
    if (severity != options.severity.end() && finding.severity != diag::Severity::kError)
      finding.severity = severity->second;
  }
  for (Finding& finding : findings)
    out.Emit(finding.severity, finding.id, finding.range, std::move(finding.message),
             std::move(finding.notes));
}

llvm::Expected<FailOn> ParseFailOn(llvm::StringRef text) {
  if (text == "error") return FailOn::kError;
  if (text == "warning") return FailOn::kWarning;
  if (text == "note") return FailOn::kNote;
  if (text == "never") return FailOn::kNever;
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("invalid --fail-on value `{0}` (expected error, warning, note or never)", text)
          .str());
}

int LintExitCode(llvm::ArrayRef<diag::Diagnostic> diagnostics, FailOn fail_on) {
  if (fail_on == FailOn::kNever) return 0;
  // Severity enumerators run from the most to the least severe.
  auto threshold = fail_on == FailOn::kError     ? diag::Severity::kError
                   : fail_on == FailOn::kWarning ? diag::Severity::kWarning
                                                 : diag::Severity::kNote;
  for (const diag::Diagnostic& diagnostic : diagnostics)
    if (diagnostic.severity <= threshold) return 1;
  return 0;
}

}  // namespace landlockc::lint
