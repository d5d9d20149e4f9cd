// SPDX-License-Identifier: MIT
#include "cli/command_search.h"

#include <unistd.h>

#include <cstdlib>

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace landlockc::cli {
namespace {

bool IsExecutableFile(llvm::StringRef path) {
  return llvm::sys::fs::is_regular_file(path) && ::access(path.str().c_str(), X_OK) == 0;
}

CommandLookup Check(llvm::StringRef path) {
  if (IsExecutableFile(path)) return {CommandLookup::Outcome::kFound, path.str()};
  if (llvm::sys::fs::exists(path)) return {CommandLookup::Outcome::kNotExecutable, path.str()};
  return {CommandLookup::Outcome::kNotFound, path.str()};
}

}  // namespace

CommandLookup FindCommand(llvm::StringRef command, llvm::StringRef search_path) {
  if (command.empty()) return {};
  if (command.contains('/')) return Check(command);
  llvm::SmallVector<llvm::StringRef, 16> directories;
  search_path.split(directories, ':', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
  CommandLookup result;
  for (llvm::StringRef directory : directories) {
    llvm::SmallString<256> candidate(directory.empty() ? "." : directory);
    llvm::sys::path::append(candidate, command);
    CommandLookup lookup = Check(candidate);
    if (lookup.outcome == CommandLookup::Outcome::kFound) return lookup;
    // Like a shell, a directory of that name is skipped; a file without permission is kept as
    // the reason for a 126 should nothing better turn up.
    if (lookup.outcome == CommandLookup::Outcome::kNotExecutable &&
        result.outcome == CommandLookup::Outcome::kNotFound &&
        llvm::sys::fs::is_regular_file(candidate)) {
      result = lookup;
    }
  }
  return result;
}

std::string SearchPath() {
  if (const char* path = std::getenv("PATH")) return path;
  size_t size = ::confstr(_CS_PATH, nullptr, 0);
  std::string fallback(size, '\0');
  ::confstr(_CS_PATH, fallback.data(), size);
  fallback.resize(size == 0 ? 0 : size - 1);
  return fallback;
}

}  // namespace landlockc::cli
