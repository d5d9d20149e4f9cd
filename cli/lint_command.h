// SPDX-License-Identifier: MIT
// `landlockc lint P... [--target T]... [--format=text|json|sarif] [--fail-on=LEVEL]
// [--disable=ID]... [--host] [--config FILE | --no-config] [-q]`: check policies, then run the
// linter on those that compile, with the settings of the nearest `.landlockc.toml` under the
// command line's; `landlockc lint --list-rules` lists the rules.
#ifndef LANDLOCKC_CLI_LINT_COMMAND_H_
#define LANDLOCKC_CLI_LINT_COMMAND_H_

#include "llvm/Support/CommandLine.h"

namespace landlockc::cli {

/// The `lint` subcommand and its options.
llvm::cl::SubCommand& LintCommand();

/// Runs `lint`: 0 nothing at or above `--fail-on`, 1 otherwise (always 1 when a policy does not
/// compile), 2 usage or I/O error.
int RunLint();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_LINT_COMMAND_H_
