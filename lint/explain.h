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

/// One `explain` question: an fs right on `--path`, a net right on `--port`, or a scope (neither).
struct ExplainRequest {
  std::optional<std::string> path;
  std::optional<unsigned> port;
  /// A right name from the table (`read_file`, `connect_tcp`, `signal`, ...).
  std::string access;
  /// Whether the path names a file or a directory; when unset, the path is looked at on this
  /// machine (a directory when it does not exist).
  std::optional<ObjectKind> kind;
};

/// The target explain uses by default: the running kernel, or the newest known ABI when this
/// kernel has no Landlock.
Target DefaultExplainTarget();

/// Prints one line per layer (its name and place; not handled, allowed by the grant at
/// FILE:LINE:COL, or denied) and the verdict last, for `policy` enforced on `target`. `${VAR}`
/// grants are expanded from the environment when the path is a concrete one, as the runtime
/// would. Returns whether the access is allowed (exit 0) or denied (exit 1); an error for a bad
/// request (unknown right, wrong category for --path/--port, port out of range, relative path):
/// exit 2.
llvm::Expected<bool> Explain(const model::Policy& policy, const ExplainRequest& request,
                             const Target& target, llvm::raw_ostream& os);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_EXPLAIN_H_
