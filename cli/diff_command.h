// SPDX-License-Identifier: MIT
// `landlockc diff OLD NEW [--target T] [--format=text|json|markdown|sarif]
// [--fail-on=widen|change|never] [-I DIR]...`: what a change to a policy changes in what it allows.
#ifndef LANDLOCKC_CLI_DIFF_COMMAND_H_
#define LANDLOCKC_CLI_DIFF_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `diff` subcommand and its options.
llvm::cl::SubCommand& DiffCommand();

/// Runs `diff`: 0 no difference at or above `--fail-on`, 1 otherwise or when a policy does not
/// compile or decode, 2 usage or I/O error.
int RunDiff();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_DIFF_COMMAND_H_
