// SPDX-License-Identifier: MIT
// `landlockc explain`: how each layer of a policy decides one access, and the verdict, as the
// kernel would (the access model).
#ifndef LANDLOCKC_LINT_EXPLAIN_H_
#define LANDLOCKC_LINT_EXPLAIN_H_

#include <optional>
#include <string>

#include "compiler/model/model.h"
#include "lint/access_model.h"
#include "lint/target.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::lint {

/// One `explain` question: fs rights on `--path`, net rights on `--port`, or scopes (neither).
struct ExplainRequest {
  std::optional<std::string> path;
  std::optional<unsigned> port;
  /// A rights expression of the language: a right (`read_file`), a set (`read`) or names joined
  /// by `+` and `-` (`read_write - refer`), all of one category.
  std::string access;
  /// Whether the path names a file or a directory; when unset, the path is looked at on this
  /// machine (a directory when it does not exist).
  std::optional<ObjectKind> kind;
};

/// The target explain uses by default: the running kernel, or the newest known ABI when this
/// kernel has no Landlock.
Target DefaultExplainTarget();

/// For each right of the request: one line per layer (its name and place; not handled, allowed
/// by the grant at FILE:LINE:COL, or denied), and a verdict per right when there are several; then
/// the grants that do not apply (skipped, or making exec refuse) with why, notes, and the final
/// verdict. On target `host` the queried path and every grant (after `${VAR}` expansion by the
/// runtime) are resolved as the kernel resolves them (lint/host_paths.h), and a changed path is
/// shown as `written` -> `resolved`; on other targets paths are compared as written (grants
/// expanded for a concrete path) and a note says so. Returns whether every right is allowed
/// (exit 0) or not (exit 1); an error for a bad request (unknown right, mixed categories, wrong
/// category for --path/--port, port out of range, relative path): exit 2.
llvm::Expected<bool> Explain(const model::Policy& policy, const ExplainRequest& request,
                             const Target& target, llvm::raw_ostream& os);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_EXPLAIN_H_
