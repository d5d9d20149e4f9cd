#include "compiler/check/paths.h"

#include "compiler/check/location.h"

#include "llvm/ADT/StringExtras.h"

namespace landlockc::check {
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

}  // namespace

std::optional<std::string> NormalizePath(llvm::StringRef text, llvm::SMRange range,
                                         diag::DiagnosticEngine& diags) {
  if (text.empty()) {
    diags.Report(diag::DiagId::kEmptyPath, range);
    return std::nullopt;
  }
  if (text.contains('\0')) {
    diags.Report(diag::DiagId::kInvalidPath, range, Excerpt(text), "it holds a NUL character");
    return std::nullopt;
  }
  bool absolute = text.startswith("/");
  if (!absolute && !text.startswith("$")) {
    diags.Report(diag::DiagId::kRelativePath, range, Excerpt(text));
    return std::nullopt;
  }
  std::string normalized;
  llvm::SmallVector<llvm::StringRef, 16> components;
  text.split(components, '/');
  bool first = true;
  for (llvm::StringRef component : components) {
    if (component.empty() || component == ".") continue;
    if (component == "..") {
      diags.Report(diag::DiagId::kDotDotPath, range, Excerpt(text));
      return std::nullopt;
    }
    if (absolute || !first) normalized += '/';
    first = false;
    std::string reason = NormalizeComponent(component, normalized);
    if (!reason.empty()) {
      diags.Report(diag::DiagId::kInvalidPath, range, Excerpt(text), reason);
      return std::nullopt;
    }
  }
  if (normalized.empty()) normalized.push_back('/');
  if (normalized.size() > kMaxPathLength) {
    diags.Report(diag::DiagId::kPathTooLong, range, std::to_string(normalized.size()),
                 std::to_string(kMaxPathLength));
    return std::nullopt;
  }
  return normalized;
}

}  // namespace landlockc::check
