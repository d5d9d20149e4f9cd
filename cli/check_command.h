// SPDX-License-Identifier: MIT
// `landlockc check P...`: parse and analyze policies, print diagnostics, write nothing.
#ifndef LANDLOCKC_CLI_CHECK_COMMAND_H_
#define LANDLOCKC_CLI_CHECK_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `check` subcommand and its options.
llvm::cl::SubCommand& CheckCommand();

/// Runs `check` on the parsed options: 0 no errors (warnings allowed), 1 policy errors, 2 a file
/// could not be read or is not policy source.
int RunCheck();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_CHECK_COMMAND_H_
