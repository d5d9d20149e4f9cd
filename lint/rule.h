// SPDX-License-Identifier: MIT
// The interface every lint rule implements: metadata for the docs and SARIF, and a function that
// looks at one policy (for one target) and reports findings through its context.
#ifndef LANDLOCKC_LINT_RULE_H_
#define LANDLOCKC_LINT_RULE_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "lint/access_model.h"
#include "lint/target.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::lint {

/// One finding before suppression.
struct Finding {
  std::string id;
  diag::Severity severity = diag::Severity::kWarning;
  /// What the caret points at.
  llvm::SMRange range;
  /// The statement the finding is about: `# lint:ignore` comments attach to its lines.
  llvm::SMRange statement;
  std::string message;
  std::vector<diag::Note> notes;
};

struct Rule;

/// What a rule sees: the policy, the target it is checked against and the access model for that
/// target, the sources, and where findings go.
struct RuleContext {
  const Rule& rule;
  const model::Policy& policy;
  const Target& target;
  const AccessModel& model;
  const llvm::SourceMgr& source_mgr;
  /// `--host`: the policy is for this machine, so its files can be looked at.
  bool host = false;
  std::function<void(Finding)> sink;
  /// Locations that hold secrets besides the built-in ones (normalized policy paths).
  llvm::ArrayRef<std::string> extra_sensitive_paths = {};

  /// The ABI whose rights the rules about handled sets consider: the lower of the target's and
  /// the policy's `abi`. Rights newer than the policy's `abi` are `newer-abi`'s to report, so a
  /// pinned policy does not gain findings when landlockc learns a newer ABI.
  int ConsideredAbi() const;

  /// Reports a finding of this rule at `range`, about the statement at `statement`.
  void Report(diag::Severity severity, llvm::SMRange range, llvm::SMRange statement,
              std::string message, std::vector<diag::Note> notes = {}) const;
};

/// A rule's fixed text with one ABI number from the table in it: each `#` of `format` stands for
/// `abi` (1 or 2 digits), so that `summary` and `description` need not copy the table.
template <size_t N>
struct TextWithAbi {
  constexpr TextWithAbi(const char (&format)[N], int abi) {
    size_t out = 0;
    for (size_t i = 0; i + 1 < N; ++i) {
      if (format[i] != '#') {
        text[out++] = format[i];
        continue;
      }
      if (abi >= 10) text[out++] = static_cast<char>('0' + abi / 10);
      text[out++] = static_cast<char>('0' + abi % 10);
    }
  }
  char text[N + 1] = {};  // room for the second digit; NUL-terminated
};

/// A lint rule.
struct Rule {
  /// The stable id (`broad-grant`), a public contract.
  const char* id;
  /// The severity it reports with (its most common one, when it has two).
  diag::Severity severity;
  /// True when what it finds depends on the target: it runs once per target, and its messages
  /// name the target.
  bool per_target;
  /// True when it only runs with `--host`.
  bool host_only;
  /// One sentence: what it finds.
  const char* summary;
  /// Why it matters and what to do instead.
  const char* description;
  void (*run)(const RuleContext& context);
};

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULE_H_
