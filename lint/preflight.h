// SPDX-License-Identifier: MIT
// The `exec` pre-flight: before anything is restricted, find every file `execve` will open to start
// a command (the program as found in PATH, each `#!` interpreter, the ELF interpreter) and ask the
// access model whether the policy, as it applies on this machine, lets each one run. A denial is
// named precisely (which right, which resolved path, how it was found, which layer) instead of
// the command failing later with a bare "Permission denied".
#ifndef LANDLOCKC_LINT_PREFLIGHT_H_
#define LANDLOCKC_LINT_PREFLIGHT_H_

#include <optional>
#include <string>
#include <vector>

#include "lint/host_paths.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// One file the kernel opens for execution (`execute` and `read_file`) to start a command.
struct LaunchStep {
  /// The path as reached: the command as found, or an interpreter as its parent names it.
  std::string path;
  /// `path` with every symlink resolved.
  std::string resolved;
  /// How it was reached: "found in PATH", "as given", "the ELF interpreter of `/usr/bin/cat`",
  /// "the `#!` interpreter of `/srv/run.sh`".
  std::string how;
};

/// The most `#!` interpreters followed, as the kernel's binfmt recursion allows.
inline constexpr int kMaxInterpreterDepth = 4;

/// The files execve opens to run `program` (a path, as found): the program, each `#!` interpreter
/// up to kMaxInterpreterDepth, then the ELF interpreter (PT_INTERP) of the last one. `how` says
/// how `program` was found. Stops at a file that is missing or is neither script nor ELF.
std::vector<LaunchStep> TraceLaunch(const std::string& program, const std::string& how);

/// Why `policy` (resolved on this machine, enforced at `abi`) does not let `command` start, as one
/// message line: "the policy does not let `cat` run: `execute` on `/usr/bin/cat` (found in PATH)
/// is denied by layer `main` (p.landlock:3)"; nullopt when every step is allowed.
std::optional<std::string> LaunchDenial(const HostPolicy& policy, int abi, llvm::StringRef command,
                                        const std::vector<LaunchStep>& steps);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_PREFLIGHT_H_
