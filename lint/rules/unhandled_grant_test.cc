// SPDX-License-Identifier: MIT
// `unhandled-grant` is found by the compiler; these tests go through the linter the way `landlockc
// lint` does, with the compiler's warnings passed on (tests/cli/lint_test.cc runs the command).
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
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-grant", Severity::kWarning, 4, 11,
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
