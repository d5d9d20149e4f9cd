// SPDX-License-Identifier: MIT
#include "lint/testing/lint_testing.h"

#include <optional>

namespace landlockc::lint {

const std::vector<diag::Diagnostic>& LintTest::Lint(llvm::StringRef text, LintOptions options) {
  std::optional<model::Policy> policy =
      check::CheckSource("test.landlock", text, check::Options{}, check_diags_);
  EXPECT_EQ(check_diags_.error_count(), 0u) << Rendered();
  if (policy) lint::Lint(*policy, options, check_diags_.diagnostics(), lint_diags_);
  return lint_diags_.diagnostics();
}

std::vector<diag::Diagnostic> LintTest::Findings(llvm::StringRef id, llvm::StringRef text,
                                                 LintOptions options) {
  std::vector<diag::Diagnostic> selected;
  for (const diag::Diagnostic& diagnostic : Lint(text, std::move(options)))
    if (diagnostic.id == id) selected.push_back(diagnostic);
  return selected;
}

std::string LintTest::Rendered() const {
  std::string text;
  llvm::raw_string_ostream os(text);
  check_diags_.Render(os, /*colors=*/false);
  lint_diags_.Render(os, /*colors=*/false);
  return os.str();
}

Target LintTest::TargetNamed(llvm::StringRef name) {
  llvm::Expected<Target> target = ParseTarget(name);
  EXPECT_TRUE(static_cast<bool>(target));
  if (!target) {
    llvm::consumeError(target.takeError());
    return DefaultTarget();
  }
  return *target;
}

void ExpectFinding(const diag::Diagnostic& finding, llvm::StringRef id, diag::Severity severity,
                   unsigned line, unsigned column, llvm::StringRef message) {
  EXPECT_EQ(finding.id, id.str());
  EXPECT_EQ(finding.severity, severity) << finding.message;
  EXPECT_EQ(finding.line, line) << finding.message;
  EXPECT_EQ(finding.column, column) << finding.message;
  EXPECT_EQ(finding.message, message.str());
}

std::vector<std::string> NoteLines(const diag::Diagnostic& finding) {
  std::vector<std::string> lines;
  for (const diag::Note& note : finding.notes)
    lines.push_back(note.file.empty() ? note.message
                                      : std::to_string(note.line) + ":" +
                                            std::to_string(note.column) + ": " + note.message);
  return lines;
}

}  // namespace landlockc::lint
