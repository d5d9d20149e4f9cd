// SPDX-License-Identifier: MIT
// Reading a policy and everything it includes: files into the SourceMgr, each parsed once, the
// top-level statements in order with every `include` expanded in place.
#ifndef LANDLOCKC_COMPILER_CHECK_LOADER_H_
#define LANDLOCKC_COMPILER_CHECK_LOADER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/check.h"
#include "compiler/diag/diagnostics.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::check {

/// How deep includes may nest: the policy file includes at depth 1, what that includes at 2, and
/// so on. Real policies nest two or three deep; the bound keeps a generated chain from growing
/// the loader's stack of open files without end.
inline constexpr size_t kMaxIncludeDepth = 16;
/// How many files a policy may include in all (each counted once, the policy file itself not
/// counted). With kMaxPolicyFileBytes it bounds the text one policy reads.
inline constexpr size_t kMaxIncludedFiles = 64;

/// One top-level statement and where it comes from.
struct LoadedStatement {
  const ast::TopStmt* statement;
  /// True for the statements of the policy file itself, false for included ones.
  bool in_main_file;
  unsigned buffer_id;
};

/// A policy and its includes.
struct LoadedPolicy {
  /// Every file parsed, the main file first (owns the statements below).
  std::vector<std::unique_ptr<ast::File>> files;
  /// Top-level statements in order, includes expanded in place (`include` itself left out).
  std::vector<LoadedStatement> statements;
  /// The names of the files read, in the order first read.
  std::vector<std::string> file_names;
  unsigned main_buffer = 0;
};

/// Reads and parses `path` ("-": standard input) and its includes. An `include "P"` is looked
/// up relative to the including file, then in each `-I` directory, then in `stdlib_dir`; a file
/// is read once (by real path); a cycle is `include-cycle`, a missing file `include-not-found`,
/// an unreadable one `io-error`, one nested past kMaxIncludeDepth `include-too-deep`, one past
/// kMaxIncludedFiles `too-many-includes`. Returns nullopt only when `path` itself cannot be read.
std::optional<LoadedPolicy> LoadFile(llvm::StringRef path, const Options& options,
                                     diag::DiagnosticEngine& diags);

/// The same for a policy already in memory, named `name` (includes are relative to its
/// directory).
LoadedPolicy LoadSource(llvm::StringRef name, llvm::StringRef text, const Options& options,
                        diag::DiagnosticEngine& diags);

/// The same for a policy already read into `buffer` (named by its identifier), which the engine's
/// SourceMgr takes over without a copy.
LoadedPolicy LoadBuffer(std::unique_ptr<llvm::MemoryBuffer> buffer, const Options& options,
                        diag::DiagnosticEngine& diags);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_LOADER_H_
