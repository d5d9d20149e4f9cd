// SPDX-License-Identifier: MIT
// The check phase: a policy file (and everything it includes) in, the checked model out.
#ifndef LANDLOCKC_COMPILER_CHECK_CHECK_H_
#define LANDLOCKC_COMPILER_CHECK_CHECK_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "llvm/ADT/IntrusiveRefCntPtr.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace landlockc::check {

struct Options {
  /// `-I` directories, searched in order after the including file's own directory.
  std::vector<std::string> include_dirs;
  /// The installed standard library's directory (holds `std/...`), searched last.
  std::string stdlib_dir;
  /// Where included files are found and read; null means the real file system. Tests and the
  /// fuzz targets serve includes from memory (llvm::vfs::InMemoryFileSystem).
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> include_files = nullptr;
};

/// Reads the policy at `path` ("-" is standard input) into the engine's SourceMgr, parses it and
/// every file it includes, and checks the whole. Returns the model, or nullopt when any error was
/// reported.
std::optional<model::Policy> CheckFile(llvm::StringRef path, const Options& options,
                                       diag::DiagnosticEngine& diags);

/// Same for policy text already in memory, named `name` in diagnostics.
std::optional<model::Policy> CheckSource(llvm::StringRef name, llvm::StringRef text,
                                         const Options& options, diag::DiagnosticEngine& diags);

/// Same for policy text already read into `buffer` (named by its identifier), which the engine's
/// SourceMgr takes over: the text is held once, not copied.
std::optional<model::Policy> CheckBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer,
                                         const Options& options, diag::DiagnosticEngine& diags);

/// The file `include "name"` written in file `from` reads, as the check phase looks it up:
/// beside `from`, then in each `-I` directory, then in the standard library; nullopt when none
/// holds it (the language server's go-to-definition on an include).
std::optional<std::string> FindIncludedFile(llvm::StringRef name, llvm::StringRef from,
                                            const Options& options);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_CHECK_H_
