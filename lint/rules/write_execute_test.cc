// SPDX-License-Identifier: MIT
#include "lint/rules/write_execute.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using WriteExecuteTest = LintTest;

TEST_F(WriteExecuteTest, OneGrantWithBoth) {
  auto findings = Findings("write-execute",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read_write + execute on \"/srv/app\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "write-execute", Severity::kWarning, 3, 35,
                "`/srv/app` can be both written and executed in layer `main`, so the program can "
                "run code it wrote");
}

TEST_F(WriteExecuteTest, ThroughAnAncestor) {
  auto findings = Findings("write-execute",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow execute on \"/opt\";\n"
                           "    allow make_reg on \"/opt/app/plugins\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "write-execute", Severity::kWarning, 4, 23,
                "`/opt/app/plugins` can be both written and executed in layer `main`, so the "
                "program can run code it wrote");
  EXPECT_EQ(NoteLines(findings[0]),
            (std::vector<std::string>{"4:5: writable through this grant",
                                      "3:5: executable through this grant"}));
}

TEST_F(WriteExecuteTest, SeparateTreesOrLayersAreFine) {
  EXPECT_TRUE(Findings("write-execute",
                       "abi 7;\n"
                       "layer one {\n"
                       "    allow read + execute on \"/usr\";\n"
                       "    allow read_write on \"/var/lib/app\";\n"
                       "}\n"
                       "layer two {\n"
                       "    allow execute on \"/\";\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
