// SPDX-License-Identifier: MIT
// `landlockc fmt [-i] [--check] P...`: print policies in the canonical layout (comments kept),
// rewrite them in place, or check that they already are.
#ifndef LANDLOCKC_CLI_FMT_COMMAND_H_
#define LANDLOCKC_CLI_FMT_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `fmt` subcommand and its options.
llvm::cl::SubCommand& FmtCommand();

/// Runs `fmt`: 0 done (or, with `--check`, every file formatted), 1 a file has syntax errors (it
/// is left alone) or, with `--check`, is not formatted, 2 usage or I/O error.
int RunFmt();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_FMT_COMMAND_H_
