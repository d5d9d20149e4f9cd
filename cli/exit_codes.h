// SPDX-License-Identifier: MIT
// The exit statuses of `landlockc` (TOOLCHAIN.md): scripts and CI depend on these numbers.
#ifndef LANDLOCKC_CLI_EXIT_CODES_H_
#define LANDLOCKC_CLI_EXIT_CODES_H_

namespace landlockc::cli {

inline constexpr int kExitOk = 0;
/// Policy errors (check, compile), a bad blob (inspect), findings (lint), denied (explain).
inline constexpr int kExitFailure = 1;
/// A usage error or an input/output error: the tool could not do what was asked.
inline constexpr int kExitUsage = 2;
/// `exec`: the policy could not be applied, so the command was not run.
inline constexpr int kExitApplyFailed = 125;
/// `exec`: the command exists but cannot be executed.
inline constexpr int kExitNotExecutable = 126;
/// `exec`: the command was not found.
inline constexpr int kExitNotFound = 127;

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_EXIT_CODES_H_
