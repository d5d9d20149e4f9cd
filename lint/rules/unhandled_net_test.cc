// SPDX-License-Identifier: MIT
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
                "no layer restricts `bind_tcp`, `connect_tcp` on target `ubuntu-24.04` (ABI 4), "
                "so the program can use them on any port");
}

TEST_F(UnhandledNetTest, TargetsWithoutNetworkRightsAreFine) {
  LintOptions options;
  options.targets = {TargetNamed("linux:6.2")};
  EXPECT_TRUE(Findings("unhandled-net", "layer files {\n    handle fs: all;\n}\n", options).empty())
      << Rendered();
}

TEST_F(UnhandledNetTest, EachRightNeedsSomeLayerHandlingIt) {
  EXPECT_TRUE(Findings("unhandled-net",
                       "layer files {\n    handle fs: all;\n    handle net: connect_tcp;\n}\n"
                       "layer network {\n    handle net: all - connect_tcp;\n}\n")
                  .empty())
      << Rendered();
}

TEST_F(UnhandledNetTest, TcpHandledButUdpNotIsAFindingOnAbi10) {
  auto findings = Findings("unhandled-net",
                           "abi 10;\n"
                           "layer main {\n"
                           "    handle net: bind_tcp + connect_tcp;\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-net", Severity::kWarning, 2, 1,
                "no layer restricts `bind_udp`, `connect_send_udp` on target `abi:10` (ABI 10), "
                "so the program can use them on any port");
}

TEST_F(UnhandledNetTest, UdpIsNotConsideredOnATargetWithoutIt) {
  LintOptions abi9;
  abi9.targets = {TargetNamed("abi:9")};
  EXPECT_TRUE(Findings("unhandled-net",
                       "abi 10;\nlayer main {\n    handle net: bind_tcp + connect_tcp;\n}\n", abi9)
                  .empty())
      << Rendered();
}

TEST_F(UnhandledNetTest, UdpIsNotConsideredForAPolicyWrittenBeforeIt) {
  EXPECT_TRUE(Findings("unhandled-net",
                       "abi 7;\nlayer main {\n    handle net: bind_tcp + connect_tcp;\n}\n")
                  .empty())
      << Rendered();
  auto findings = Findings("unhandled-net", "abi 7;\nlayer main {\n    handle net: bind_tcp;\n}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-net", Severity::kWarning, 2, 1,
                "no layer restricts `connect_tcp` on target `abi:10` (ABI 10), so the program can "
                "use it on any port");
}

}  // namespace
}  // namespace landlockc::lint
