// SPDX-License-Identifier: MIT
// The linter: runs every enabled rule on a checked policy for each target, applies inline
// suppressions, and reports what remains through the diagnostics engine. The CLI's `lint`
// subcommand is a thin wrapper: check the file, call Lint, render, return LintExitCode.
#ifndef LANDLOCKC_LINT_LINTER_H_
#define LANDLOCKC_LINT_LINTER_H_

#include <map>
#include <string>
#include <vector>

#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "lint/target.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace landlockc::lint {

struct LintOptions {
  /// The kernels to check against; empty means DefaultTarget().
  std::vector<Target> targets;
  /// Rule ids not to run (`--disable`); validate them first with ValidateRuleIds.
  std::vector<std::string> disabled;
  /// `--host`: the policy is for this machine (enables `missing-path`).
  bool host = false;
  /// Rule id to the severity its findings are reported with instead of the rule's own
  /// (`[severity]` in `.landlockc.toml`).
  std::map<std::string, diag::Severity> severity;
  /// More locations that hold secrets (normalized policy paths), for `sensitive-path`.
  std::vector<std::string> extra_sensitive_paths;
};

/// An error naming the first id in `ids` that is not a lint rule (with a suggestion when one is
/// close), or success.
llvm::Error ValidateRuleIds(llvm::ArrayRef<std::string> ids);

/// Lints `policy`, whose sources are in `out.source_mgr()`. `compiler_diagnostics` are the
/// warnings the check phase reported for the policy: they pass through the same `# lint:ignore`
/// suppression as the findings, and a finding that repeats one of them (same id, same statement)
/// is dropped. What survives goes to `out`, ordered by position. The CLI checks into one engine,
/// stops on errors, and otherwise lints into a second engine over the same SourceMgr.
void Lint(const model::Policy& policy, const LintOptions& options,
          llvm::ArrayRef<diag::Diagnostic> compiler_diagnostics, diag::DiagnosticEngine& out);

/// `--fail-on`: the lowest severity that makes `lint` exit 1.
enum class FailOn { kError, kWarning, kNote, kNever };

/// Parses `error`, `warning`, `note` or `never`.
llvm::Expected<FailOn> ParseFailOn(llvm::StringRef text);

/// The exit status of `lint` for the diagnostics in `diagnostics`: 1 when one is at or above
/// `fail_on`, else 0.
int LintExitCode(llvm::ArrayRef<diag::Diagnostic> diagnostics, FailOn fail_on);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_LINTER_H_
