// SPDX-License-Identifier: MIT
// Where `include "std/..."` finds the standard policy library: the directory holding `std/`.
#ifndef LANDLOCKC_CLI_STDLIB_DIR_H_
#define LANDLOCKC_CLI_STDLIB_DIR_H_

#include <string>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::cli {

/// The places searched, in order: the data directory beside an installed binary
/// (`<bin>/../share/landlockc`, so an installed tree can move), the source tree the binary was
/// built from (a build-tree binary), and the configured install data directory.
std::vector<std::string> StdlibCandidates(llvm::StringRef executable_path);

/// The first of `candidates` that holds a `std` directory, or "" when none does.
std::string FirstHoldingStd(llvm::ArrayRef<std::string> candidates);

/// The standard library directory for this process (computed once), or "" when none is found.
const std::string& StdlibDir();

/// Records argv[0], from which StdlibDir() finds the running binary.
void SetArgv0(const char* argv0);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_STDLIB_DIR_H_
