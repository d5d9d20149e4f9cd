// SPDX-License-Identifier: MIT
// `landlockc convert`: between `.landlock` policies (source or blob) and landlockconfig, the
// official Landlock configuration format (JSON or TOML). landlockconfig is read into a document
// and written out as source, which the compiler then reads like any policy; a policy is written
// out from its checked (or decoded) model. What the target cannot say is a `not-convertible`
// error at its place, or under `lossy` a `dropped-in-conversion` warning.
#ifndef LANDLOCKC_CONVERT_CONVERT_H_
#define LANDLOCKC_CONVERT_CONVERT_H_

#include <optional>
#include <string>

#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::convert {

/// What a text input holds, told apart by content (a blob is told by its magic before).
enum class Form { kPolicySource, kLandlockconfigJson, kLandlockconfigToml };

/// The form of `contents`, by its first line that is not blank or a `#` comment: a JSON object,
/// TOML (a `[table]` header or a `key = value` line), else policy source.
Form DetectForm(llvm::StringRef contents);

/// What `convert` writes.
enum class Target { kLandlock, kLandlockconfigJson, kLandlockconfigToml };

/// Converts the landlockconfig document in buffer `buffer_id` of `diags`' SourceMgr (`form` is
/// one of the landlockconfig forms) to `target`. Returns nullopt after reporting why not.
std::optional<std::string> ConvertLandlockconfig(unsigned buffer_id, Form form, Target target,
                                                 bool lossy, diag::DiagnosticEngine& diags);

/// Converts a checked or decoded policy to landlockconfig `target` (not kLandlock, which
/// codegen::BlobToSource gives for a blob). Returns nullopt after reporting why not.
std::optional<std::string> ConvertPolicy(const model::Policy& policy, Target target, bool lossy,
                                         diag::DiagnosticEngine& diags);

}  // namespace landlockc::convert

#endif  // LANDLOCKC_CONVERT_CONVERT_H_
