// SPDX-License-Identifier: MIT
// Writing what `compile` produces: every output replaced atomically (a temporary file in the same
// directory, then rename), so a build never sees half a file and a failed run leaves the old one.
#ifndef LANDLOCKC_CLI_OUTPUT_FILE_H_
#define LANDLOCKC_CLI_OUTPUT_FILE_H_

#include <string>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace landlockc::cli {

/// Writes `contents` to `path` atomically (in place when `path` is a device or a FIFO); `-` is
/// standard output. Fails with
/// `cannot write `PATH`: REASON`.
llvm::Error WriteOutputFile(llvm::StringRef path, llvm::StringRef contents);

/// A Make-style dependency file: `TARGET: DEP DEP ...` and a newline, each name escaped for Make
/// and Ninja (space and `#` behind a backslash, `$` doubled).
std::string FormatDepfile(llvm::StringRef target, llvm::ArrayRef<std::string> dependencies);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_OUTPUT_FILE_H_
