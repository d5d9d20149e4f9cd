// SPDX-License-Identifier: MIT
// The runtime's report (struct landlockc_report) in words: what `exec -v` and `exec --dry-run`
// print, and the one-line best-effort warning `exec` gives when something the policy names is lost.
#ifndef LANDLOCKC_CLI_REPORT_TEXT_H_
#define LANDLOCKC_CLI_REPORT_TEXT_H_

#include <cstdint>
#include <optional>
#include <string>

#include "landlockc/runtime.h"

namespace landlockc::cli {

/// Rights by name per category, e.g. "fs: truncate, ioctl_dev; net: connect_tcp" ("" when none).
std::string RightsText(const landlockc_rights& rights);

/// Restrict flags as the policy spells them, e.g. "log same_exec off, threads all".
std::string RestrictFlagsText(uint32_t flags);

/// Why a kernel has no Landlock, from the probe's errno: "Landlock is not built into this
/// kernel", "Landlock is disabled at boot ...", or the errno's text.
std::string NoLandlockReason(int kernel_errno);

/// The report as indented `name: value` lines, one fact per line, each ending in a newline.
std::string DescribeReport(const landlockc_report& report);

/// The warning `exec` prints under best effort (without the `landlockc: warning: ` prefix): when
/// the policy is not enforced at all, or when a right or flag it names explicitly was dropped.
/// Nothing for rights covered only by deny-by-default.
std::optional<std::string> BestEffortWarning(const landlockc_report& report,
                                             const std::string& policy_name);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_REPORT_TEXT_H_
