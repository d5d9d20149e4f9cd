// SPDX-License-Identifier: MIT
// Path relations as the kernel sees them for Landlock rules: a rule on a directory covers
// everything beneath it. Model paths are normalized absolute paths or `${VAR}` templates; a
// template is a root of its own, compared symbolically.
#ifndef LANDLOCKC_LINT_PATHS_H_
#define LANDLOCKC_LINT_PATHS_H_

#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// True when `path` is `ancestor` or lies beneath it (`/a` covers `/a/b`, not `/ab`; `/` covers
/// every path, `${VAR}` templates included, as a variable must hold an absolute path; `/home`
/// covers no `${VAR}` template, as its value is unknown).
bool IsSameOrBeneath(llvm::StringRef path, llvm::StringRef ancestor);

/// The directory holding `path` (`/a/b` -> `/a`, `/a` -> `/`, `${HOME}/x` -> `${HOME}`); `path`
/// itself for a root (`/`, `${HOME}`).
llvm::StringRef ParentPath(llvm::StringRef path);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_PATHS_H_
