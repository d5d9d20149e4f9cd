// SPDX-License-Identifier: MIT
#include "lint/rules/unhandled_fs.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnhandledFsTest = LintTest;

TEST_F(UnhandledFsTest, NamesTheRightsLeftUnrestricted) {
  LintOptions options;
  options.targets = {TargetNamed("debian-12")};
  auto findings = Findings("unhandled-fs",
                           "abi 7;\n"
                           "layer ro {\n"
                           "    handle fs: write;\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-fs", Severity::kWarning, 2, 1,
                "layer `ro` leaves `execute`, `read_file`, `read_dir`, `make_char`, `make_block` "
                "unrestricted on target `debian-12` (ABI 2)");
}

TEST_F(UnhandledFsTest, DependsOnTheTarget) {
  LintOptions options;
  options.targets = {TargetNamed("abi:2"), TargetNamed("abi:3")};
  auto findings = Findings("unhandled-fs",
                           "abi 3;\n"
                           "layer main {\n"
                           "    handle fs: all - execute - truncate;\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "unhandled-fs", Severity::kWarning, 2, 1,
                "layer `main` leaves `execute` unrestricted on target `abi:2` (ABI 2)");
  ExpectFinding(findings[1], "unhandled-fs", Severity::kWarning, 2, 1,
                "layer `main` leaves `execute`, `truncate` unrestricted on target `abi:3` (ABI 3)");
}

// Rights newer than the policy's `abi` are `newer-abi`'s: a pinned policy does not start failing
// when the tool or the kernel learns a newer ABI.
TEST_F(UnhandledFsTest, ConsidersOnlyRightsUpToThePolicysAbi) {
  LintOptions options;
  options.targets = {TargetNamed("abi:3"), TargetNamed("abi:10")};
  EXPECT_TRUE(
      Findings("unhandled-fs", "abi 2;\nlayer main {\n    allow read on \"/usr\";\n}\n", options)
          .empty())
      << Rendered();
  auto findings = Findings("unhandled-fs",
                           "abi 7;\n"
                           "layer main {\n"
                           "    handle fs: all - ioctl_dev;\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-fs", Severity::kWarning, 2, 1,
                "layer `main` leaves `ioctl_dev` unrestricted on target `abi:10` (ABI 10)");
}

TEST_F(UnhandledFsTest, FullOrNoFsHandlingIsFine) {
  EXPECT_TRUE(Findings("unhandled-fs",
                       "layer all_fs {\n"
                       "    handle fs: all;\n"
                       "}\n"
                       "layer net_only {\n"
                       "    handle net: all;\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
