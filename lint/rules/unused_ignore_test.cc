// SPDX-License-Identifier: MIT
#include "lint/rules/unused_ignore.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnusedIgnoreTest = LintTest;

TEST_F(UnusedIgnoreTest, IgnoresThatSilenceNothing) {
  auto findings = Findings("unused-ignore",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"/usr\"; # lint:ignore broad-grant\n"
                           "    # lint:ignore no-such-rule\n"
                           "    allow read on \"/opt\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "unused-ignore", Severity::kNote, 3, 27,
                "`lint:ignore broad-grant` silenced nothing");
  ExpectFinding(findings[1], "unused-ignore", Severity::kNote, 4, 5,
                "`no-such-rule` is not a lint rule, so ignoring it silences nothing");
}

TEST_F(UnusedIgnoreTest, AMisspelledRuleGetsTheClosestId) {
  auto findings = Findings("unused-ignore",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"/opt\"; # lint:ignore sensitive-pth\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unused-ignore", Severity::kNote, 3, 27,
                "`sensitive-pth` is not a lint rule, so ignoring it silences nothing (did you "
                "mean `sensitive-path`?)");
}

TEST_F(UnusedIgnoreTest, AnIgnoreThatNamesNoRule) {
  Lint(
      "abi 7;\n"
      "layer main {\n"
      "    allow read_write on \"/etc\"; # lint:ignore\n"
      "    # lint:ignore   \n"
      "    allow read on \"/opt\";\n"
      "    allow read on \"/srv\"; # lint:ignored broad-grant\n"
      "}\n");
  std::vector<diag::Diagnostic> unused;
  size_t broad = 0;
  for (const diag::Diagnostic& finding : lint_diags_.diagnostics()) {
    if (finding.id == "unused-ignore") unused.push_back(finding);
    if (finding.id == "broad-grant") ++broad;
  }
  // Naming no rule, it silences nothing.
  EXPECT_EQ(broad, 1u) << Rendered();
  ASSERT_EQ(unused.size(), 2u) << Rendered();
  ExpectFinding(unused[0], "unused-ignore", Severity::kNote, 3, 33,
                "`lint:ignore` names no rule, so it silences nothing");
  ExpectFinding(unused[1], "unused-ignore", Severity::kNote, 4, 5,
                "`lint:ignore` names no rule, so it silences nothing");
}

TEST_F(UnusedIgnoreTest, UsedIgnoresAndRulesThatDidNotRunAreFine) {
  LintOptions options;
  options.disabled = {"sensitive-path"};
  EXPECT_TRUE(
      Findings("unused-ignore",
               "abi 7;\n"
               "layer main {\n"
               "    allow read_write on \"/etc\"; # lint:ignore broad-grant,sensitive-path\n"
               "    allow read on \"/nonexistent\"; # lint:ignore missing-path\n"
               "}\n",
               options)
          .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
