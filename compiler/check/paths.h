// SPDX-License-Identifier: MIT
// Path strings of `allow` and `let`: validation and normalization.
#ifndef LANDLOCKC_COMPILER_CHECK_PATHS_H_
#define LANDLOCKC_COMPILER_CHECK_PATHS_H_

#include <optional>
#include <string>

#include "compiler/diag/diagnostics.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::check {

/// Checks the path `text` written at `range` and returns its normalized form
/// (model::NormalizePathTemplate). Reports
/// `empty-path`, `relative-path`, `dotdot-path`, `invalid-path` or `path-too-long` and returns
/// nullopt when the path is wrong.
std::optional<std::string> NormalizePath(llvm::StringRef text, llvm::SMRange range,
                                         diag::DiagnosticEngine& diags);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_PATHS_H_
