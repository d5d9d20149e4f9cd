// SPDX-License-Identifier: MIT
// What the fuzz targets share: compiling policy text the way `landlockc compile` does (includes
// served from memory), and stopping with a message when a property fails.
#ifndef LANDLOCKC_TESTS_FUZZ_FUZZ_SUPPORT_H_
#define LANDLOCKC_TESTS_FUZZ_FUZZ_SUPPORT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace landlockc::fuzz {

/// Where the fuzz targets' main policy file lives in their in-memory file system.
inline constexpr const char* kMainFile = "/fuzz/main.landlock";

/// A new in-memory file system holding the standard policy library (std/, read from the source
/// tree once), where `include "std/NAME.landlock"` finds it.
llvm::IntrusiveRefCntPtr<llvm::vfs::InMemoryFileSystem> NewFileSystem();

/// Checks `text` (named kMainFile, its includes read from `files`, by default NewFileSystem()),
/// renders every diagnostic (to nowhere: the rendering code is exercised too), and returns the blob
/// when the policy compiles.
std::optional<std::vector<uint8_t>> CompileText(
    llvm::StringRef text, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> files = nullptr);

/// Prints `what` (and `detail`) to standard error and aborts: libFuzzer records the input.
[[noreturn]] void Fail(llvm::StringRef what, llvm::StringRef detail = "");

}  // namespace landlockc::fuzz

#endif  // LANDLOCKC_TESTS_FUZZ_FUZZ_SUPPORT_H_
