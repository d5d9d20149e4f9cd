// SPDX-License-Identifier: MIT
#include "lint/rules/unhandled_scope.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnhandledScopeTest = LintTest;

TEST_F(UnhandledScopeTest, NoLayerScopes) {
  LintOptions options;
  options.targets = {TargetNamed("debian-13")};
  auto findings = Findings("unhandled-scope", "layer files {\n    handle fs: all;\n}\n", options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-scope", Severity::kNote, 1, 1,
                "no layer scopes signals or abstract unix sockets on target `debian-13` (ABI 6), "
                "so the program can signal and reach processes outside its sandbox");
}

TEST_F(UnhandledScopeTest, OlderTargetsAndScopedPoliciesAreFine) {
  LintOptions options;
  options.targets = {TargetNamed("rhel-9")};
  EXPECT_TRUE(
      Findings("unhandled-scope", "layer files {\n    handle fs: all;\n}\n", options).empty())
      << Rendered();
  EXPECT_TRUE(Findings("unhandled-scope", "layer main {\n    handle scope: signal;\n}\n").empty())
      << Rendered();
}

TEST_F(UnhandledScopeTest, APolicyWrittenBeforeScopesIsNewerAbisConcern) {
  EXPECT_TRUE(
      Findings("unhandled-scope", "abi 5;\nlayer files {\n    handle fs: all;\n}\n").empty())
      << Rendered();
  EXPECT_EQ(Findings("unhandled-scope", "abi 6;\nlayer files {\n    handle fs: all;\n}\n").size(),
            1u)
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
