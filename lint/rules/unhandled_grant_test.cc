#include "lint/rules/unhandled_grant.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnhandledGrantTest = LintTest;

TEST_F(UnhandledGrantTest, GrantOfAnUnhandledRight) {
  auto findings = Findings("unhandled-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    handle fs: read;\n"
                           "    allow read + execute on \"/usr\";\n"
                           "}\n");
  // The compiler reports it already (at the rights); the linter does not repeat it.
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  EXPECT_EQ(findings[0].severity, Severity::kWarning);
  EXPECT_EQ(findings[0].line, 4u);
  EXPECT_EQ(findings[0].column, 11u);
}

TEST_F(UnhandledGrantTest, TheRuleFindsItOnItsOwn) {
  std::optional<model::Policy> policy = check::CheckSource(
      "test.landlock",
      "abi 7;\nlayer main {\n    handle fs: read;\n    allow execute on \"/usr\";\n}\n",
      check::Options{}, check_diags_);
  ASSERT_TRUE(policy.has_value());
  // Linted without the compiler's warnings, the rule reports the grant itself.
  lint::Lint(*policy, LintOptions{}, {}, lint_diags_);
  std::vector<diag::Diagnostic> findings;
  for (const diag::Diagnostic& diagnostic : lint_diags_.diagnostics())
    if (diagnostic.id == "unhandled-grant") findings.push_back(diagnostic);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-grant", Severity::kWarning, 4, 5,
                "layer `main` does not handle `execute`, so granting it has no effect");
}

TEST_F(UnhandledGrantTest, HandledRightsAndUsedRulesAreFine) {
  EXPECT_TRUE(Findings("unhandled-grant",
                       "abi 7;\n"
                       "rules generic {\n"
                       "    allow read + execute on \"/usr\";\n"
                       "}\n"
                       "layer main {\n"
                       "    handle fs: read;\n"
                       "    use generic;\n"
                       "    allow read on \"/etc/ssl\";\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
