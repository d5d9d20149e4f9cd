// SPDX-License-Identifier: MIT
#include "lint/rules/device_grant.h"

#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;
using DeviceGrantTest = LintTest;

TEST_F(DeviceGrantTest, MakingDeviceNodes) {
  auto findings = Findings("device-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow make_char + make_block on \"/tmp/x\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "device-grant", Severity::kWarning, 3, 37,
                "`make_char`, `make_block` on `/tmp/x` lets the program create device nodes");
}

TEST_F(DeviceGrantTest, IoctlOnADirectory) {
  auto findings = Findings("device-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow read_file + ioctl_dev on \"/dev\";\n"
                           "    allow ioctl_dev on \"/srv/devs\";\n"
                           "    allow read on \"/srv/devs/tty0\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "device-grant", Severity::kWarning, 3, 36,
                "`ioctl_dev` on directory `/dev` lets the program send device commands to every "
                "device beneath it");
  ExpectFinding(findings[1], "device-grant", Severity::kWarning, 4, 24,
                "`ioctl_dev` on directory `/srv/devs` lets the program send device commands to "
                "every device beneath it");
}

TEST_F(DeviceGrantTest, AHomeDirectoryIsADirectory) {
  auto findings = Findings("device-grant",
                           "abi 7;\n"
                           "layer main {\n"
                           "    allow ioctl_dev on \"$HOME\";\n"
                           "    allow ioctl_dev on \"/home/alice\";\n"
                           "    allow ioctl_dev on \"$HOME/dev/ttyACM0\";\n"
                           "}\n");
  ASSERT_EQ(findings.size(), 2u) << Rendered();
  ExpectFinding(findings[0], "device-grant", Severity::kWarning, 3, 24,
                "`ioctl_dev` on directory `${HOME}` lets the program send device commands to every "
                "device beneath it");
  ExpectFinding(findings[1], "device-grant", Severity::kWarning, 4, 24,
                "`ioctl_dev` on directory `/home/alice` lets the program send device commands to "
                "every device beneath it");
}

TEST_F(DeviceGrantTest, IoctlOnADeviceFileIsFine) {
  EXPECT_TRUE(
      Findings("device-grant",
               "abi 7;\n"
               "layer main {\n"
               "    allow read_write + ioctl_dev - make_char - make_block on \"/dev/ttyS0\";\n"
               "}\n")
          .empty())
      << Rendered();
}

}  // namespace
}  // namespace landlockc::lint
