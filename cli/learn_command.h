// SPDX-License-Identifier: MIT
// `landlockc learn [-o OUT] [--from P] [--abi N] [--no-std] [-I DIR]... [-v] -- CMD [ARG]...`:
// run CMD unrestricted under the tracer and propose a policy from what it did, or (`--from P`)
// repair P with what it denied.
#ifndef LANDLOCKC_CLI_LEARN_COMMAND_H_
#define LANDLOCKC_CLI_LEARN_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `learn` subcommand and its options.
llvm::cl::SubCommand& LearnCommand();

/// Runs `learn`. Returns CMD's exit status (128 + N when signal N killed it), 125 when learning
/// itself failed, 126 or 127 when CMD could not be run.
int RunLearn();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_LEARN_COMMAND_H_
