// SPDX-License-Identifier: MIT
// `landlockc probe [--format=text|json]`: what the running kernel offers.
#ifndef LANDLOCKC_CLI_PROBE_COMMAND_H_
#define LANDLOCKC_CLI_PROBE_COMMAND_H_

#include "landlockc/runtime.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/JSON.h"

namespace landlockc::cli {

/// The `probe` subcommand and its options.
llvm::cl::SubCommand& ProbeCommand();

/// What a probe found, in words: the ABI (or why there is none), errata, and per category the
/// rights available and those this kernel lacks.
std::string ProbeText(const landlockc_probe_info& info);

/// The same as JSON: {"abi", "status", "errno", "errata", "newest_known_abi", "available":
/// {"fs", "net", "scope", "flags"}, "missing": {...}}.
llvm::json::Value ProbeJson(const landlockc_probe_info& info);

/// Runs `probe`: always 0.
int RunProbe();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_PROBE_COMMAND_H_
