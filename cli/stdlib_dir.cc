// SPDX-License-Identifier: MIT
#include "cli/stdlib_dir.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace landlockc::cli {
namespace {

const char* g_argv0 = "landlockc";

}  // namespace

std::vector<std::string> StdlibCandidates(llvm::StringRef executable_path) {
  std::vector<std::string> candidates;
  if (!executable_path.empty()) {
    llvm::SmallString<256> beside(llvm::sys::path::parent_path(executable_path));
    llvm::sys::path::append(beside, LANDLOCKC_BIN_TO_DATA_DIR, "landlockc");
    llvm::sys::path::remove_dots(beside, /*remove_dot_dot=*/true);
    candidates.push_back(std::string(beside));
  }
  candidates.push_back(LANDLOCKC_SOURCE_DIR);
  candidates.push_back(LANDLOCKC_INSTALL_DATA_DIR "/landlockc");
  return candidates;
}

std::string FirstHoldingStd(llvm::ArrayRef<std::string> candidates) {
  for (const std::string& candidate : candidates) {
    llvm::SmallString<256> std_dir(candidate);
    llvm::sys::path::append(std_dir, "std");
    if (llvm::sys::fs::is_directory(std_dir)) return candidate;
  }
  return "";
}

const std::string& StdlibDir() {
  static const std::string dir = [] {
    static int address_in_binary;
    std::string executable = llvm::sys::fs::getMainExecutable(g_argv0, &address_in_binary);
    return FirstHoldingStd(StdlibCandidates(executable));
  }();
  return dir;
}

void SetArgv0(const char* argv0) { g_argv0 = argv0; }

}  // namespace landlockc::cli
