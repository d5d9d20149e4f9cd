// SPDX-License-Identifier: MIT
#include "lint/paths.h"

namespace landlockc::lint {

bool IsSameOrBeneath(llvm::StringRef path, llvm::StringRef ancestor) {
  // A variable must hold an absolute path (else applying fails), so `/` lies above it too.
  if (ancestor == "/") return path.startswith("/") || path.startswith("${");
  if (!path.startswith(ancestor)) return false;
  return path.size() == ancestor.size() || path[ancestor.size()] == '/';
}

llvm::StringRef ParentPath(llvm::StringRef path) {
  size_t slash = path.rfind('/');
  if (slash == llvm::StringRef::npos) return path;
  if (slash == 0) return path.size() == 1 ? path : path.take_front(1);
  return path.take_front(slash);
}

}  // namespace landlockc::lint
