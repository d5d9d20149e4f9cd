#include "lint/paths.h"

#include <cstdlib>

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

std::optional<std::string> ExpandFromEnvironment(llvm::StringRef path, std::string& unset) {
  std::string expanded;
  while (!path.empty()) {
    size_t open = path.find("${");
    size_t close = open == llvm::StringRef::npos ? open : path.find('}', open);
    if (close == llvm::StringRef::npos) break;
    expanded += path.take_front(open).str();
    std::string name = path.slice(open + 2, close).str();
    const char* value = std::getenv(name.c_str());
    if (value == nullptr || *value == '\0') {
      unset = name;
      return std::nullopt;
    }
    expanded += value;
    path = path.drop_front(close + 1);
  }
  expanded += path.str();
  return expanded;
}

}  // namespace landlockc::lint
