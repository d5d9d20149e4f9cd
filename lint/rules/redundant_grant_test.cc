// SPDX-License-Identifier: MIT
#include "lint/rules/redundant_grant.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using RedundantGrantTest = LintTest;

TEST_F(RedundantGrantTest, AncestorAlreadyGrants) {
  auto findings = Findings("redundant-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read on \"/usr\";\n"
                           "    allow read_file on \"/usr/share/doc\";\n"
                           "    allow read on \"/usr\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "redundant-grant", Severity::kNote, 4, 24,
                "grant of `read_file` on `/usr/share/doc` adds nothing: layer `main` already "
                "grants it on `/usr`");
  EXPECT_EQ(NoteLines(findings[0]), (std::vector<std::string>{"3:5: the covering grant is here"}));
  ExpectFinding(findings[1], "redundant-grant", Severity::kNote, 5, 19,
                "grant of `read_file`, `read_dir` on `/usr` adds nothing: layer `main` already "
                "grants it on `/usr`");
}

TEST_F(RedundantGrantTest, WiderPortRange) {
  auto findings = Findings("redundant-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow connect_tcp on port 8000..8100;\n"
                           "    allow connect_tcp on port 8080;\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "redundant-grant", Severity::kNote, 4, 31,
                "grant of `connect_tcp` on port `8080` adds nothing: layer `main` already grants "
                "it on ports `8000..8100`");
}

TEST_F(RedundantGrantTest, NewRightsOrOtherLayersAreFine) {
  EXPECT_TRUE(Findings("redundant-grant",
                       "abi 7;\n"
                       "layer one {\n"
                       "    allow read on \"/usr\";\n"
                       "    allow read + execute on \"/usr/bin\";\n"
                       "    allow read on \"/usrx\";\n"
                       "    allow read on \"/opt\" optional;\n"
                       "    allow read on \"/opt/app\";\n"
                       "}\n"
                       "layer two {\n"
                       "    allow read on \"/usr\";\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
