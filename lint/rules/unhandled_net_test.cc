#include "lint/rules/unhandled_net.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using UnhandledNetTest = LintTest;

TEST_F(UnhandledNetTest, NoLayerHandlesTheNetwork) {
  LintOptions options;
  options.targets = {TargetNamed("ubuntu-24.04")};
  auto findings = Findings("unhandled-net",
                           "abi 7;\n"
                           "\n"
                           "layer files {\n"
                           "    handle fs: all;\n"
                           "}\n",
                           options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-net", Severity::kWarning, 3, 1,
                "no layer restricts the network on target `ubuntu-24.04` (ABI 4), so the program "
                "can bind and connect to any port");
}

TEST_F(UnhandledNetTest, TargetsWithoutNetworkRightsAreFine) {
  LintOptions options;
  options.targets = {TargetNamed("linux:6.2")};
  EXPECT_TRUE(Findings("unhandled-net", "layer files {\n    handle fs: all;\n}\n", options).empty())
      << Rendered();
}

TEST_F(UnhandledNetTest, AnyLayerHandlingTheNetworkIsEnough) {
  EXPECT_TRUE(Findings("unhandled-net",
                       "layer files {\n    handle fs: all;\n}\n"
                       "layer network {\n    handle net: connect_tcp;\n}\n")
                  .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
