// SPDX-License-Identifier: MIT
#include "cli/target_option.h"

#include "cli/console.h"
#include "llvm/Support/Error.h"

namespace landlockc::cli {

std::optional<lint::Target> ChosenTarget(llvm::StringRef name, const lint::Target& fallback) {
  if (name.empty()) return fallback;
  llvm::Expected<lint::Target> parsed = lint::ParseTarget(name);
  if (!parsed) {
    PrintError(llvm::toString(parsed.takeError()));
    return std::nullopt;
  }
  return *parsed;
}

}  // namespace landlockc::cli
