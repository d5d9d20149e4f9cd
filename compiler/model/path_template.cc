// SPDX-License-Identifier: MIT
#include "compiler/model/path_template.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

namespace landlockc::model {
namespace {

bool IsNameStart(char c) { return llvm::isAlpha(c) || c == '_'; }
bool IsNameChar(char c) { return llvm::isAlnum(c) || c == '_'; }

// Rewrites one component into `out`, spelling a leading variable `${NAME}`. Returns the reason
// the component is invalid, or an empty string.
std::string NormalizeComponent(llvm::StringRef component, std::string& out) {
  llvm::StringRef rest = component;
  if (rest.startswith("$")) {
    llvm::StringRef name;
    if (rest.startswith("${")) {
      size_t close = rest.find('}');
      if (close == llvm::StringRef::npos) return "`${` without a closing `}`";
      name = rest.slice(2, close);
      rest = rest.drop_front(close + 1);
    } else {
      size_t end = 1;
      while (end < rest.size() && IsNameChar(rest[end])) ++end;
      name = rest.slice(1, end);
      rest = rest.drop_front(end);
    }
    if (name.empty() || !IsNameStart(name.front()) || !llvm::all_of(name, IsNameChar))
      return "`$` must start a variable such as `$HOME` or `${HOME}`";
    out += "${";
    out += name;
    out += "}";
  }
  if (rest.contains('$')) return "a variable must start a path component";
  out += rest;
  return "";
}

NormalizedPath Refused(PathProblem problem, std::string reason = "") {
  NormalizedPath result;
  result.problem = problem;
  result.reason = std::move(reason);
  return result;
}

}  // namespace

NormalizedPath NormalizePathTemplate(llvm::StringRef text) {
  if (text.empty()) return Refused(PathProblem::kEmpty);
  if (text.contains('\0')) return Refused(PathProblem::kInvalid, "it holds a NUL character");
  bool absolute = text.startswith("/");
  if (!absolute && !text.startswith("$")) return Refused(PathProblem::kRelative);
  NormalizedPath result;
  llvm::SmallVector<llvm::StringRef, 16> components;
  text.split(components, '/');
  bool first = true;
  for (llvm::StringRef component : components) {
    if (component.empty() || component == ".") continue;
    if (component == "..") return Refused(PathProblem::kDotDot);
    if (absolute || !first) result.path += '/';
    first = false;
    std::string reason = NormalizeComponent(component, result.path);
    if (!reason.empty()) return Refused(PathProblem::kInvalid, std::move(reason));
  }
  if (result.path.empty()) result.path.push_back('/');
  if (result.path.size() > kMaxPathLength) {
    NormalizedPath too_long = Refused(PathProblem::kTooLong);
    too_long.path = std::move(result.path);
    return too_long;
  }
  return result;
}

}  // namespace landlockc::model
