// SPDX-License-Identifier: MIT
// The `exec` pre-flight: before anything is restricted, find every file `execve` will open to start
// a command (the program as found in PATH, each `#!` interpreter, the ELF interpreter) and every
// shared library the dynamic loader then opens, and ask the access model whether the policy, as it
// applies on this machine, lets each one be opened as the kernel and the loader open it. A denial
// is named precisely (which right, which resolved path, how it was found, which layer) instead of
// the command failing later with a bare "Permission denied".
#ifndef LANDLOCKC_LINT_PREFLIGHT_H_
#define LANDLOCKC_LINT_PREFLIGHT_H_

#include <optional>
#include <string>
#include <vector>

#include "lint/host_paths.h"
#include "lint/library_search.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// One file opened to start a command.
struct LaunchStep {
  /// Who opens it, which decides the rights Landlock checks.
  enum class Kind {
    /// execve opens the program and each `#!` interpreter for execution: `execute` and
    /// `read_file`.
    kExecuted,
    /// The kernel opens the ELF interpreter (PT_INTERP) for execution too.
    kElfInterpreter,
    /// The dynamic loader opens a shared library (or its cache) for reading: `read_file`. It then
    /// maps the library executable, which Landlock does not check (it has no right for mmap;
    /// `execute` covers execve only), so `execute` is not needed.
    kReadByLoader,
  };
  Kind kind = Kind::kExecuted;
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

/// What the kernel runs to start the file at `path`: its `#!` interpreter as written (`script`
/// set) or its ELF interpreter (PT_INTERP); "" for neither, or for a file that cannot be read or
/// is a malformed ELF file (execve refuses those itself).
std::string InterpreterOf(const std::string& path, bool& script);

/// The files execve opens to run `program` (a path, as found): the program, each `#!` interpreter
/// up to kMaxInterpreterDepth, then the ELF interpreter (PT_INTERP) of the last one. `how` says
/// how `program` was found. Stops at a file that is missing or is neither script nor ELF.
std::vector<LaunchStep> TraceLaunch(const std::string& program, const std::string& how);

/// Why `policy` (resolved on this machine, enforced at `abi`) does not let `command` start, as one
/// message line: "the policy does not let `cat` run: `execute` on `/usr/bin/cat` (found in PATH)
/// is denied by layer `main` (p.landlock:3)"; nullopt when every step is allowed. `steps` come
/// from TraceLaunch; when they end with an ELF interpreter, the libraries the loader opens for the
/// program (searched in `loader`'s places) are checked after them.
std::optional<std::string> LaunchDenial(const HostPolicy& policy, int abi, llvm::StringRef command,
                                        const std::vector<LaunchStep>& steps,
                                        const LoaderEnvironment& loader);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_PREFLIGHT_H_
