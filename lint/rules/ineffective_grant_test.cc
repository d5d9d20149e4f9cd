// SPDX-License-Identifier: MIT
#include "lint/rules/ineffective_grant.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using IneffectiveGrantTest = LintTest;

TEST_F(IneffectiveGrantTest, AnotherLayerDeniesTheAccess) {
  auto findings = Findings("ineffective-grant",
                           "abi 7;\n"
                           "layer base {\n"
                           "    allow read + execute on \"/usr\";\n"
                           "}\n"
                           "layer no_exec {\n"
                           "    handle fs: execute;\n"
                           "    allow execute on \"/usr/bin/convert\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(
      findings[0], "ineffective-grant", Severity::kWarning, 3, 29,
      "`execute` on `/usr` is cut back to `/usr/bin/convert` on target `abi:10` (ABI 10): "
      "layer `no_exec` denies it on the rest of `/usr`");
}

TEST_F(IneffectiveGrantTest, AGrantTheOtherLayerDeniesEverywhereHasNoEffect) {
  auto findings = Findings("ineffective-grant",
                           "abi 7;\n"
                           "layer base {\n"
                           "    allow read + execute on \"/opt/tool\", \"/usr/bin\";\n"
                           "}\n"
                           "layer no_exec {\n"
                           "    handle fs: execute;\n"
                           "    allow execute on \"/usr/bin\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "ineffective-grant", Severity::kWarning, 3, 29,
                "`execute` on `/opt/tool` has no effect on target `abi:10` (ABI 10): layer "
                "`no_exec` denies it there");
}

TEST_F(IneffectiveGrantTest, ReferNeedsEveryLayer) {
  auto findings = Findings("ineffective-grant",
                           "abi 7;\n"
                           "layer base {\n"
                           "    allow read_write on \"/srv/data\";\n"
                           "}\n"
                           "layer reads {\n"
                           "    handle fs: read;\n"
                           "    allow read on \"/\";\n"
                           "}\n");
  // The read grant on `/` in `reads` is cut down by `base` too.
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[1], "ineffective-grant", Severity::kWarning, 7, 19,
                "`read_file`, `read_dir` on `/` is cut back to `/srv/data` on target `abi:10` (ABI "
                "10): layer `base` denies it on the rest of `/`");
  ExpectFinding(findings[0], "ineffective-grant", Severity::kWarning, 3, 25,
                "`refer` on `/srv/data` has no effect on target `abi:10` (ABI 10): layer `reads` "
                "denies it there");
  EXPECT_EQ(NoteLines(findings[0]),
            (std::vector<std::string>{
                "layer `reads` does not handle `refer`, but the kernel blocks reparenting in every "
                "layer that does not grant it",
                "5:1: layers intersect: an access must be allowed by every layer that restricts "
                "it; layer `reads` is here"}));
}

TEST_F(IneffectiveGrantTest, PortsDeniedByAnotherLayer) {
  auto findings = Findings("ineffective-grant",
                           "abi 7;\n"
                           "layer one {\n"
                           "    handle net: all;\n"
                           "    allow connect_tcp on port 80..81;\n"
                           "}\n"
                           "layer two {\n"
                           "    handle net: connect_tcp;\n"
                           "    allow connect_tcp on port 80;\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "ineffective-grant", Severity::kWarning, 4, 31,
                "`connect_tcp` on ports `80..81` is cut back to port `80` on target `abi:10` (ABI "
                "10): layer `two` denies it on the other ports");
}

TEST_F(IneffectiveGrantTest, GrantsEveryLayerAgreesOnAreFine) {
  EXPECT_TRUE(Findings("ineffective-grant",
                       "abi 7;\n"
                       "layer base {\n"
                       "    allow read + execute on \"/usr\";\n"
                       "    allow connect_tcp on port 443;\n"
                       "}\n"
                       "layer no_exec {\n"
                       "    handle fs: execute;\n"
                       "    handle net: bind_tcp;\n"
                       "    allow execute on \"/usr\";\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
