// SPDX-License-Identifier: MIT
#include "lint/rules/newer_abi.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using NewerAbiTest = LintTest;

TEST_F(NewerAbiTest, NamesTheRightsNewerThanThePinnedAbiByTheAbiThatBroughtThem) {
  auto findings = Findings("newer-abi",
                           "# a comment\n"
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"/usr\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "newer-abi", Severity::kNote, 2, 1,
                "target `abi:10` offers `resolve_unix` (ABI 9), `bind_udp`, `connect_send_udp` "
                "(ABI 10), which this policy, written for ABI 7, leaves unrestricted; raise `abi` "
                "to restrict them");
}

TEST_F(NewerAbiTest, OnlyUpToTheTarget) {
  LintOptions options;
  options.targets = {TargetNamed("abi:5"), TargetNamed("debian-12")};
  auto findings =
      Findings("newer-abi", "abi 3;\nlayer main {\n    allow read on \"/usr\";\n}\n", options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "newer-abi", Severity::kNote, 1, 1,
                "target `abi:5` offers `bind_tcp`, `connect_tcp` (ABI 4), `ioctl_dev` (ABI 5), "
                "which this policy, written for ABI 3, leaves unrestricted; raise `abi` to "
                "restrict them");
}

TEST_F(NewerAbiTest, QuietWhenThePolicyIsWrittenForTheTargetOrNewer) {
  EXPECT_TRUE(
      Findings("newer-abi", "abi 10;\nlayer main {\n    allow read on \"/usr\";\n}\n").empty())
      << Rendered();
  LintOptions options;
  options.targets = {TargetNamed("abi:6")};
  EXPECT_TRUE(
      Findings("newer-abi", "abi 7;\nlayer main {\n    allow read on \"/usr\";\n}\n", options)
          .empty())
      << Rendered();
  // Unpinned: written for the newest ABI known (`unpinned-abi` has its say).
  EXPECT_TRUE(Findings("newer-abi", "layer main {\n    allow read on \"/usr\";\n}\n").empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
