// SPDX-License-Identifier: MIT
// `landlockc inspect BLOB [--format=text|json]`: decode a compiled policy. The text form is policy
// source that compiles back to the identical blob. Given source, it shows the blob that source
// compiles to.
#ifndef LANDLOCKC_CLI_INSPECT_COMMAND_H_
#define LANDLOCKC_CLI_INSPECT_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `inspect` subcommand and its options.
llvm::cl::SubCommand& InspectCommand();

/// Runs `inspect`: 0 decoded, 1 a bad blob (or source with errors), 2 usage or I/O error.
int RunInspect();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_INSPECT_COMMAND_H_
