// SPDX-License-Identifier: MIT
// `landlockc --version`.
#ifndef LANDLOCKC_CLI_VERSION_H_
#define LANDLOCKC_CLI_VERSION_H_

#include <string>

#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {

/// "landlockc VERSION" and the newest Landlock ABI the tool knows, with its Linux release.
std::string VersionText();

/// Prints VersionText() (the llvm::cl version printer).
void PrintVersion(llvm::raw_ostream& os);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_VERSION_H_
