// SPDX-License-Identifier: MIT
// `landlockc convert IN [-o OUT] [--to landlock|landlockconfig-json|landlockconfig-toml]
// [--lossy] [-I DIR]...`: between policies and landlockconfig, the official Landlock
// configuration format.
#ifndef LANDLOCKC_CLI_CONVERT_COMMAND_H_
#define LANDLOCKC_CLI_CONVERT_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `convert` subcommand and its options.
llvm::cl::SubCommand& ConvertCommand();

/// Runs `convert`: 0 converted, 1 when the input is invalid or says what the target cannot,
/// 2 usage or I/O error.
int RunConvert();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_CONVERT_COMMAND_H_
