// SPDX-License-Identifier: MIT
// `landlockc explain P --path PATH --access RIGHT` or `--port N --access RIGHT`: how each layer
// decides one access, and the verdict.
#ifndef LANDLOCKC_CLI_EXPLAIN_COMMAND_H_
#define LANDLOCKC_CLI_EXPLAIN_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `explain` subcommand and its options.
llvm::cl::SubCommand& ExplainCommand();

/// Runs `explain`: 0 allowed, 1 denied, 2 usage error or a policy that cannot be loaded.
int RunExplain();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_EXPLAIN_COMMAND_H_
