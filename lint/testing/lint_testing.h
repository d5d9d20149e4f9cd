// SPDX-License-Identifier: MIT
// Shared by the rule tests: checks policy source with the real front end, lints it, and gives
// the findings for assertions on id, severity, line, column and message.
#ifndef LANDLOCKC_LINT_TESTING_LINT_TESTING_H_
#define LANDLOCKC_LINT_TESTING_LINT_TESTING_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/diag/diagnostics.h"
#include "lint/linter.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::lint {

class LintTest : public ::testing::Test {
 protected:
  /// Checks `text` (which must compile without errors) as `test.landlock` and lints it; returns
  /// every diagnostic the linter produced (compiler warnings included).
  const std::vector<diag::Diagnostic>& Lint(llvm::StringRef text, LintOptions options = {});

  /// The findings of `id` only, after Lint(text, options).
  std::vector<diag::Diagnostic> Findings(llvm::StringRef id, llvm::StringRef text,
                                         LintOptions options = {});

  /// The text rendering of everything the last Lint produced.
  std::string Rendered() const;

  /// A target by name (must parse).
  static Target TargetNamed(llvm::StringRef name);

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine check_diags_{source_mgr_};
  diag::DiagnosticEngine lint_diags_{source_mgr_};
};

/// Asserts one finding's id, severity, position and message.
void ExpectFinding(const diag::Diagnostic& finding, llvm::StringRef id, diag::Severity severity,
                   unsigned line, unsigned column, llvm::StringRef message);

/// The notes of `finding`, each as "line:column: message" (just the message when it has no
/// location).
std::vector<std::string> NoteLines(const diag::Diagnostic& finding);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_TESTING_LINT_TESTING_H_
