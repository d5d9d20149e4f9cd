// SPDX-License-Identifier: MIT
// A policy argument for the commands that take either form (`exec`, `inspect`, `explain`): a blob
// is validated and decoded, source is checked and compiled in memory.
#ifndef LANDLOCKC_CLI_COMPILED_POLICY_H_
#define LANDLOCKC_CLI_COMPILED_POLICY_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::cli {

struct CompiledPolicy {
  /// How messages name the policy: the path as given, or `<stdin>`.
  std::string name;
  std::vector<uint8_t> blob;
  /// True when the argument was a blob (the model then has no source locations).
  bool from_blob = false;
  /// The checked model (source) or the decoded one (blob).
  model::Policy model;
  /// Holds the sources the model's locations point into.
  std::unique_ptr<llvm::SourceMgr> sources;
};

/// Why a policy argument could not be loaded (errors are already printed).
enum class LoadFailure { kNone, kBadPolicy, kIo, kUsage };

/// Reads `path` (`-`: standard input) into `compiled`, checking source with the options
/// MakeCheckOptions made from `include_dirs`. Prints diagnostics, and `landlockc: error:` lines
/// for a missing include directory (kUsage), unreadable files and bad blobs.
LoadFailure LoadCompiledPolicy(llvm::StringRef path, llvm::ArrayRef<std::string> include_dirs,
                               CompiledPolicy& compiled);

/// Checks and compiles source held in memory, named `name` in messages, as LoadCompiledPolicy
/// does for a source file.
LoadFailure LoadCompiledSource(llvm::StringRef name, llvm::StringRef text,
                               llvm::ArrayRef<std::string> include_dirs, CompiledPolicy& compiled);

/// Prints that `name` is not a valid blob, with the decoder's reason, and returns 1.
int ReportBadBlob(llvm::StringRef name, llvm::Error error);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_COMPILED_POLICY_H_
