// SPDX-License-Identifier: MIT
#include "lint/rules/abi_unsupported.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using AbiUnsupportedTest = LintTest;

TEST_F(AbiUnsupportedTest, NamesWhatWillNotBeEnforced) {
  LintOptions options;
  options.targets = {TargetNamed("debian-12")};
  auto findings = Findings("abi-unsupported",
                           "abi 7;\n"
                           "layer main {\n"
                           "    handle fs: read + truncate;\n"
                           "    allow read on \"/usr\";\n"
                           "    allow connect_tcp on port 443;\n"
                           "    log new_exec on;\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 3u) << Rendered();
  ExpectFinding(findings[0], "abi-unsupported", Severity::kWarning, 2, 1,
                "layer `main` restricts `truncate` (ABI 3), which will not be enforced on target "
                "`debian-12` (ABI 2)");
  ExpectFinding(findings[1], "abi-unsupported", Severity::kWarning, 5, 5,
                "`connect_tcp` (ABI 4) on port `443` will not be enforced on target `debian-12` "
                "(ABI 2)");
  ExpectFinding(findings[2], "abi-unsupported", Severity::kWarning, 6, 5,
                "`log new_exec` (ABI 7) will not take effect on target `debian-12` (ABI 2)");
}

TEST_F(AbiUnsupportedTest, RequiresAboveTheTargetIsAnError) {
  LintOptions options;
  options.targets = {TargetNamed("ubuntu-22.04")};
  auto findings = Findings("abi-unsupported",
                           "abi 7;\n"
                           "requires abi 4;\n"
                           "layer main {\n"
                           "    allow read on \"/usr\";\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(
      findings[0], "abi-unsupported", Severity::kError, 2, 1,
      "the policy requires ABI 4 and will refuse to run on target `ubuntu-22.04` (ABI 1)");
}

TEST_F(AbiUnsupportedTest, NoLandlockAtAll) {
  LintOptions options;
  options.targets = {TargetNamed("debian-11")};
  auto findings =
      Findings("abi-unsupported", "layer main {\n    allow read on \"/usr\";\n}\n", options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "abi-unsupported", Severity::kWarning, 1, 1,
                "nothing in the policy will be enforced on target `debian-11` (no Landlock)");
}

TEST_F(AbiUnsupportedTest, DenyByDefaultAndSupportedRightsAreFine) {
  LintOptions options;
  options.targets = {TargetNamed("debian-12"), TargetNamed("abi:7")};
  EXPECT_TRUE(Findings("abi-unsupported",
                       "abi 7;\n"
                       "layer main {\n"
                       "    allow read + execute on \"/usr\";\n"
                       "}\n",
                       options)
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
