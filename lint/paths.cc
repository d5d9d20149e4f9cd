#include "lint/paths.h"

#include <cctype>
#include <cstdlib>

#include "llvm/ADT/SmallVector.h"

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

namespace {

bool IsNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Rewrites every `$NAME` and `${NAME}` of `component` as `${NAME}`, as the compiler spells them;
// nullopt for a `$` without a valid name.
std::optional<std::string> NormalizeVariables(llvm::StringRef component) {
  std::string out;
  while (!component.empty()) {
    size_t dollar = component.find('$');
    out += component.take_front(dollar).str();
    if (dollar == llvm::StringRef::npos) break;
    llvm::StringRef rest = component.drop_front(dollar + 1);
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
    out += "${" + name + "}";
    component = rest;
  }
  return out;
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
    std::optional<std::string> normalized = NormalizeVariables(component);
    if (!normalized) return std::nullopt;
    if (absolute || i > 0) out.push_back('/');
    out += *normalized;
  }
  if (out.empty()) out.push_back('/');
  return out;
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
