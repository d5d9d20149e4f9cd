// SPDX-License-Identifier: MIT
// Lint targets: the kernels a policy is checked against (`--target`), each resolved to the Landlock
// ABI it offers.
#ifndef LANDLOCKC_LINT_TARGET_H_
#define LANDLOCKC_LINT_TARGET_H_

#include <string>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace landlockc::lint {

/// A kernel to check against: the name the user gave and its ABI (0: no Landlock).
struct Target {
  std::string name;
  int abi = 0;

  /// How findings name the target: "target `debian-12` (ABI 2)", or "(no Landlock)" for ABI 0.
  std::string Describe() const;
};

/// Parses `abi:N` (1..newest), `linux:X.Y`, a distribution name, or `host` (probes the running
/// kernel). An unknown or malformed name is an error whose message lists what is accepted.
llvm::Expected<Target> ParseTarget(llvm::StringRef text);

/// The default target: the newest ABI the tool knows, named `abi:N`.
Target DefaultTarget();

/// The Landlock ABI of the running kernel, 0 when Landlock is not built in or disabled at boot.
int ProbeHostAbi();

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_TARGET_H_
