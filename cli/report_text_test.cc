// SPDX-License-Identifier: MIT
#include "cli/report_text.h"

#include <cerrno>

#include "gtest/gtest.h"
#include "runtime/uapi.h"

namespace landlockc::cli {
namespace {

landlockc_report PartialReport() {
  landlockc_report report{};
  report.status = LANDLOCKC_PARTIALLY_ENFORCED;
  report.kernel_abi = 7;
  report.effective_abi = 3;
  report.policy_abi = 7;
  report.requires_abi = 1;
  report.highest_abi_used = 4;
  report.layers_total = 1;
  report.layers_applied = 1;
  report.rules_added = 5;
  report.dropped_default = {LANDLOCK_ACCESS_FS_IOCTL_DEV, LANDLOCK_ACCESS_NET_BIND_TCP,
                            LANDLOCK_SCOPE_SIGNAL};
  return report;
}

TEST(RightsTextTest, NamesRightsPerCategoryInTableOrder) {
  landlockc_rights rights{LANDLOCK_ACCESS_FS_IOCTL_DEV | LANDLOCK_ACCESS_FS_TRUNCATE,
                          LANDLOCK_ACCESS_NET_CONNECT_TCP, 0};
  EXPECT_EQ(RightsText(rights), "fs: truncate, ioctl_dev; net: connect_tcp");
  EXPECT_EQ(RightsText({0, 0, 0}), "");
}

TEST(RestrictFlagsTextTest, SpellsFlagsAsThePolicyDoes) {
  EXPECT_EQ(
      RestrictFlagsText(LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF | LANDLOCK_RESTRICT_SELF_TSYNC),
      "log same_exec off, threads all");
}

TEST(BestEffortWarningTest, SilentWhenOnlyDenyByDefaultRightsWereDropped) {
  EXPECT_EQ(BestEffortWarning(PartialReport(), "p.landlock"), std::nullopt);
}

TEST(BestEffortWarningTest, NamesExplicitRightsTheKernelCannotEnforce) {
  landlockc_report report = PartialReport();
  report.dropped_explicit.net = LANDLOCK_ACCESS_NET_CONNECT_TCP;
  EXPECT_EQ(BestEffortWarning(report, "p.landlock"),
            "Landlock ABI 3 (limited by --max-abi; the kernel has ABI 7) cannot enforce "
            "connect_tcp named in `p.landlock`; running without those restrictions");
  report.effective_abi = 7;
  report.dropped_explicit.net = 0;
  report.flags_dropped = LANDLOCK_RESTRICT_SELF_TSYNC;
  EXPECT_EQ(BestEffortWarning(report, "p.landlock"),
            "this kernel (Landlock ABI 7) cannot enforce threads all named in `p.landlock`; "
            "running without those restrictions");
}

TEST(BestEffortWarningTest, SaysWhyNothingIsEnforced) {
  landlockc_report report{};
  report.status = LANDLOCKC_NOT_ENFORCED;
  report.kernel_errno = EOPNOTSUPP;
  EXPECT_EQ(BestEffortWarning(report, "p.landlock"),
            "policy `p.landlock` is not enforced: Landlock is disabled at boot (add `landlock` to "
            "the kernel's `lsm=` parameter); running unrestricted");
  report.kernel_errno = ENOSYS;
  EXPECT_EQ(BestEffortWarning(report, "p.landlock"),
            "policy `p.landlock` is not enforced: Landlock is not built into this kernel; running "
            "unrestricted");
}

TEST(DescribeReportTest, OneFactPerLine) {
  landlockc_report report = PartialReport();
  report.dropped_explicit.net = LANDLOCK_ACCESS_NET_CONNECT_TCP;
  report.flags_dropped = LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON;
  EXPECT_EQ(DescribeReport(report),
            "  status: partially enforced\n"
            "  kernel ABI: 7\n"
            "  effective ABI: 3\n"
            "  policy ABI: written for 7, uses up to 4, requires 1\n"
            "  layers: 1 of 1 applied, 0 skipped\n"
            "  rules added: 5\n"
            "  optional paths skipped: 0\n"
            "  grants narrowed to file rights: 0\n"
            "  grants dropped: 0\n"
            "  dropped, named by the policy: net: connect_tcp\n"
            "  dropped, deny-by-default only: fs: ioctl_dev; net: bind_tcp; scope: signal\n"
            "  flags dropped: log new_exec on\n");
}

}  // namespace
}  // namespace landlockc::cli
