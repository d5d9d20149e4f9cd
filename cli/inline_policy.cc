// SPDX-License-Identifier: MIT
#include "cli/inline_policy.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {
namespace {

llvm::Error Refuse(const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

bool IsPort(llvm::StringRef text) {
  auto [low, high] = text.split("..");
  auto digits = [](llvm::StringRef part) {
    return !part.empty() && part.size() <= 5 && llvm::all_of(part, llvm::isDigit);
  };
  return digits(low) && (high.empty() ? !text.contains("..") : digits(high));
}

bool IsIdentifier(llvm::StringRef text) {
  return !text.empty() && !llvm::isDigit(text.front()) &&
         llvm::all_of(text, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

// `"PATH"` with `\` and `"` escaped, as the language reads strings.
llvm::Expected<std::string> Quoted(llvm::StringRef path) {
  std::string quoted = "\"";
  for (char c : path) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return Refuse(llvm::formatv("path `{0}` has a control character", path));
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace

bool InlineGrants::Empty() const {
  return use.empty() && read.empty() && read_exec.empty() && write.empty() && write_exec.empty() &&
         bind_tcp.empty() && connect_tcp.empty();
}

llvm::Expected<std::string> InlinePolicySource(const InlineGrants& grants) {
  std::string text = "# The inline grants of `landlockc exec`, as a policy file.\n";
  text += llvm::formatv("abi {0};\n", abi::kNewestAbi).str();
  for (const std::string& name : grants.use) {
    if (!IsIdentifier(name))
      return Refuse(llvm::formatv("`--use {0}`: a standard block is named by an identifier", name));
    text += llvm::formatv("include \"std/{0}.landlock\";\n", name).str();
  }
  text += "\nlayer main {\n";
  for (const std::string& name : grants.use) text += "    use " + name + ";\n";
  const std::pair<const std::vector<std::string>*, const char*> paths[] = {
      {&grants.read, "read"},
      {&grants.read_exec, "read + execute"},
      {&grants.write, "read_write"},
      {&grants.write_exec, "read_write + execute"},
  };
  for (const auto& [list, rights] : paths) {
    for (const std::string& path : *list) {
      llvm::Expected<std::string> quoted = Quoted(path);
      if (!quoted) return quoted.takeError();
      text += llvm::formatv("    allow {0} on {1};\n", rights, *quoted).str();
    }
  }
  const std::pair<const std::vector<std::string>*, const char*> ports[] = {
      {&grants.bind_tcp, "bind_tcp"},
      {&grants.connect_tcp, "connect_tcp"},
  };
  for (const auto& [list, right] : ports) {
    for (const std::string& port : *list) {
      if (!IsPort(port))
        return Refuse(llvm::formatv("`{0}` is not a port or a port range (N or N..M)", port));
      text += llvm::formatv("    allow {0} on port {1};\n", right, port).str();
    }
  }
  return text + "}\n";
}

}  // namespace landlockc::cli
