// SPDX-License-Identifier: MIT
// `landlockc exec P [--max-abi N] [--dry-run] [-v] -- CMD [ARG]...`: apply a policy to this
// process, then become CMD; or `landlockc exec --ro P... -- CMD` with inline grants instead of P.
#ifndef LANDLOCKC_CLI_EXEC_COMMAND_H_
#define LANDLOCKC_CLI_EXEC_COMMAND_H_

#include <vector>

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `exec` subcommand and its options.
llvm::cl::SubCommand& ExecCommand();

/// `argv` with `--` inserted before the command of an `exec` command line that has none, so that
/// options end at the command: in `landlockc exec P jq -c .`, `-c` is `jq`'s. Other command lines
/// are returned unchanged.
std::vector<const char*> EndExecOptionsAtCommand(std::vector<const char*> argv);

/// Runs `exec`. Returns only when CMD was not started: 125 the policy could not be applied (or
/// the command line was wrong), 126 CMD cannot be executed, 127 CMD not found, 0 after a dry
/// run. Otherwise the process is CMD, and its status is CMD's.
int RunExec();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_EXEC_COMMAND_H_
