#include "lint/paths.h"

#include <cctype>

#include "llvm/ADT/SmallVector.h"

namespace landlockc::lint {

bool IsSameOrBeneath(llvm::StringRef path, llvm::StringRef ancestor) {
  if (ancestor == "/") return path.startswith("/");
  if (!path.startswith(ancestor)) return false;
  return path.size() == ancestor.size() || path[ancestor.size()] == '/';
}

llvm::StringRef ParentPath(llvm::StringRef path) {
  size_t slash = path.rfind('/');
  if (slash == llvm::StringRef::npos) return path;
  if (slash == 0) return path.size() == 1 ? path : path.take_front(1);
  return path.take_front(slash);
}

namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Rewrites `$NAME` and `${NAME}` at the start of `component` as `${NAME}`.
std::optional<std::string> NormalizeVariable(llvm::StringRef component) {
  llvm::StringRef rest = component.drop_front();
  std::string name;
  if (rest.consume_front("{")) {
    size_t close = rest.find('}');
    if (close == llvm::StringRef::npos) return std::nullopt;
    name = rest.take_front(close).str();
    rest = rest.drop_front(close + 1);
  } else {
    size_t end = 0;
    while (end < rest.size() && IsNameChar(rest[end])) ++end;
    name = rest.take_front(end).str();
    rest = rest.drop_front(end);
  }
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return std::nullopt;
  for (char c : name)
    if (!IsNameChar(c)) return std::nullopt;
  if (!rest.empty()) return std::nullopt;
  return "${" + name + "}";
}

}  // namespace

std::optional<std::string> NormalizeUserPath(llvm::StringRef path) {
  if (path.empty()) return std::nullopt;
  std::string out;
  llvm::SmallVector<llvm::StringRef, 16> components;
  path.split(components, '/', -1, /*KeepEmpty=*/false);
  bool absolute = path.startswith("/");
  if (!absolute && !path.startswith("$")) return std::nullopt;
  for (size_t i = 0; i < components.size(); ++i) {
    llvm::StringRef component = components[i];
    if (component == ".") continue;
    if (component == "..") return std::nullopt;
    if (!absolute && i == 0) {
      std::optional<std::string> variable = NormalizeVariable(component);
      if (!variable) return std::nullopt;
      out = *variable;
      continue;
    }
    out += "/";
    out += component.str();
  }
  if (out.empty()) out = "/";
  return out;
}

}  // namespace landlockc::lint
