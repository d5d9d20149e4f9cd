// SPDX-License-Identifier: MIT
// Finding the program `exec` runs, the way a POSIX shell does, so that "not found" (127) and "not
// executable" (126) are told apart before anything is restricted.
#ifndef LANDLOCKC_CLI_COMMAND_SEARCH_H_
#define LANDLOCKC_CLI_COMMAND_SEARCH_H_

#include <string>

#include "llvm/ADT/StringRef.h"

namespace landlockc::cli {

struct CommandLookup {
  enum class Outcome { kFound, kNotFound, kNotExecutable };
  Outcome outcome = Outcome::kNotFound;
  /// The file to execute (kFound), or the first candidate that exists but cannot run.
  std::string path;
};

/// Resolves `command`: a name with a `/` is taken as it is; a bare name is looked up in each
/// directory of `search_path` (colon-separated, an empty entry is the current directory), taking
/// the first regular file with execute permission.
CommandLookup FindCommand(llvm::StringRef command, llvm::StringRef search_path);

/// `$PATH`, or the system's default search path when it is unset.
std::string SearchPath();

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_COMMAND_SEARCH_H_
