// SPDX-License-Identifier: MIT
// `landlockc lsp`: the language server on standard input and output (lsp/lsp.h).
#ifndef LANDLOCKC_CLI_LSP_COMMAND_H_
#define LANDLOCKC_CLI_LSP_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `lsp` subcommand and its options.
llvm::cl::SubCommand& LspCommand();

/// Runs the server until the client ends it: 0 after `shutdown` and `exit`, 1 when `exit` comes
/// without `shutdown` or the input ends first, 2 for a usage error.
int RunLsp();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_LSP_COMMAND_H_
