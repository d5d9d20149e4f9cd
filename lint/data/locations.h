// SPDX-License-Identifier: MIT
// The places the linter knows by name: top-level system directories, the homes, the locations that
// hold secrets, and directories that are known to be directories. Rules read these tables; add a
// location here, not in a rule.
#ifndef LANDLOCKC_LINT_DATA_LOCATIONS_H_
#define LANDLOCKC_LINT_DATA_LOCATIONS_H_

#include <string>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lint::data {

/// A directory whose write access hurts the whole system, and what it holds.
struct SystemDirectory {
  const char* path;
  const char* holds;
};

/// A location that holds secrets. `path` is relative to a home directory when `in_home`.
struct SensitiveLocation {
  const char* path;
  bool in_home;
  const char* holds;
};

/// `/bin /boot /dev /etc ...` and `/home`, each with what it holds.
llvm::ArrayRef<SystemDirectory> SystemDirectories();

/// True for a home directory itself: `${HOME}`, `/home/NAME`, `/root`.
bool IsHomeDirectory(llvm::StringRef path);

/// A secret location a grant path covers, spelled for a message (`${HOME}/.ssh`,
/// `/home/NAME/.ssh`, `/etc/shadow`), and what it holds.
struct CoveredLocation {
  std::string path;
  const char* holds;
};

/// The secret locations that `path` is, or is an ancestor of: `path` itself first when it is one,
/// then the others in table order, then those of `extra` (normalized policy paths the user
/// configured).
std::vector<CoveredLocation> SensitiveLocationsCoveredBy(llvm::StringRef path,
                                                         llvm::ArrayRef<std::string> extra = {});

/// True for paths that are directories on every Linux system (`/`, the system directories,
/// `/home`, the usual `/dev` subdirectories) and for home directories (`${HOME}`, `/home/NAME`,
/// `/root`).
bool IsKnownDirectory(llvm::StringRef path);

}  // namespace landlockc::lint::data

#endif  // LANDLOCKC_LINT_DATA_LOCATIONS_H_
