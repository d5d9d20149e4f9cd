// SPDX-License-Identifier: MIT
#include "lint/rules/broad_port.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using BroadPortTest = LintTest;

TEST_F(BroadPortTest, MoreThan1024Ports) {
  auto findings = Findings("broad-port",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow connect_tcp on port 1024..65535;\n"
                           "    allow bind_tcp on port 2000..3024;\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "broad-port", Severity::kWarning, 3, 31,
                "`connect_tcp` grant on ports `1024..65535` covers 64512 ports");
  // The smallest range that fires: 1025 ports.
  ExpectFinding(findings[1], "broad-port", Severity::kWarning, 4, 28,
                "`bind_tcp` grant on ports `2000..3024` covers 1025 ports");
}

TEST_F(BroadPortTest, UpTo1024PortsIsFine) {
  EXPECT_TRUE(Findings("broad-port",
                       "abi 7;\n"
                       "layer main {\n"
                       "    allow bind_tcp on port 1..1024, 8080;\n"
                       "}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
