// SPDX-License-Identifier: MIT
// The `--target` value of the subcommands that answer for one kernel (`diff`, `explain`).
#ifndef LANDLOCKC_CLI_TARGET_OPTION_H_
#define LANDLOCKC_CLI_TARGET_OPTION_H_

#include <optional>

#include "lint/target.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::cli {

/// The kernel `name` names, or `fallback` when `name` is empty. An unknown name prints its error
/// (`landlockc: error: ...`) and gives nothing: the caller exits with the usage status.
std::optional<lint::Target> ChosenTarget(llvm::StringRef name, const lint::Target& fallback);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_TARGET_OPTION_H_
