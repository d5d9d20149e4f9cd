// SPDX-License-Identifier: MIT
// Reading a policy argument: a file name or `-` (standard input), holding either `.landlock`
// source or a compiled blob. The two are told apart by the blob's magic bytes, never by the name.
#ifndef LANDLOCKC_CLI_POLICY_INPUT_H_
#define LANDLOCKC_CLI_POLICY_INPUT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::cli {

/// One policy argument, read whole.
struct PolicyInput {
  /// How messages name it: the path as given, or `<stdin>`.
  std::string name;
  std::unique_ptr<llvm::MemoryBuffer> contents;
  /// True when the contents start with the blob magic.
  bool is_blob = false;

  llvm::ArrayRef<uint8_t> bytes() const;
};

/// True when `bytes` starts with the blob magic (`LLPB`).
bool StartsWithBlobMagic(llvm::ArrayRef<uint8_t> bytes);

/// Reads `path` (`-`: standard input). Fails with `cannot read `PATH`: REASON`.
llvm::Expected<PolicyInput> ReadPolicyInput(llvm::StringRef path);

/// The check phase's options: the `-I` directories, in order, and the standard library. Fails
/// with `include directory `DIR` does not exist` (or `is not a directory`): a mistyped `-I` would
/// otherwise only show as an include not found, or not at all when another directory has it.
llvm::Expected<check::Options> MakeCheckOptions(llvm::ArrayRef<std::string> include_dirs);

/// MakeCheckOptions for a command: prints the `landlockc: error:` line and returns nullopt when a
/// `-I` directory is missing.
std::optional<check::Options> CheckOptionsOrPrint(llvm::ArrayRef<std::string> include_dirs);

/// Reads `path` as policy source for `command` (e.g. `check`): prints the `landlockc: error:` line
/// and returns nullopt when it cannot be read or holds a compiled blob.
std::optional<PolicyInput> ReadPolicySource(llvm::StringRef path, llvm::StringRef command);

/// Checks a source input: diagnostics go to `diags`, whose SourceMgr takes over the text (held
/// once, not copied: `input.contents` is null afterwards, the text is the SourceMgr's main
/// buffer). Returns nullopt when the policy has errors.
std::optional<model::Policy> CheckPolicySource(PolicyInput& input, const check::Options& options,
                                               diag::DiagnosticEngine& diags);

/// CheckPolicySource, printing every diagnostic; `sources` keeps the texts the model's locations
/// point into. Returns nullopt when the policy has errors.
std::optional<model::Policy> CheckAndPrint(PolicyInput& input, const check::Options& options,
                                           llvm::SourceMgr& sources);

/// The message for a blob given to a command that needs source, e.g. `check`.
std::string BlobWhereSourceNeeded(const PolicyInput& input, llvm::StringRef command);

}  // namespace landlockc::cli

#endif  // LANDLOCKC_CLI_POLICY_INPUT_H_
