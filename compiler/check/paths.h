// Path strings of `allow` and `let`: validation and normalization.
#ifndef LANDLOCKC_COMPILER_CHECK_PATHS_H_
#define LANDLOCKC_COMPILER_CHECK_PATHS_H_

#include <optional>
#include <string>

#include "compiler/diag/diagnostics.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::check {

/// The longest normalized path the compiler accepts: the kernel's PATH_MAX less the final NUL.
inline constexpr size_t kMaxPathLength = 4095;

/// Checks the path `text` written at `range` and returns its normalized form: empty, `.`
/// components and trailing `/` dropped, each variable spelled `${NAME}`. A path starts with `/`
/// or with a variable (whose value the runtime requires to be absolute); a variable, `$NAME` or
/// `${NAME}`, must start a component and may be followed by plain text in it. Reports
/// `empty-path`, `relative-path`, `dotdot-path`, `invalid-path` or `path-too-long` and returns
/// nullopt when the path is wrong.
std::optional<std::string> NormalizePath(llvm::StringRef text, llvm::SMRange range,
                                         diag::DiagnosticEngine& diags);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_PATHS_H_
