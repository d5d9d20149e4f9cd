// SPDX-License-Identifier: MIT
// The targets of a grant or the value of a path or port `let`: path strings, port numbers and
// ranges, and names of `let` lists, resolved into one list of one kind.
#ifndef LANDLOCKC_COMPILER_CHECK_TARGETS_H_
#define LANDLOCKC_COMPILER_CHECK_TARGETS_H_

#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/symbols.h"
#include "compiler/diag/diagnostics.h"

namespace landlockc::check {

/// A resolved target list: paths or ports, never both.
struct Targets {
  /// kPaths or kPorts.
  SymbolKind kind = SymbolKind::kPaths;
  std::vector<PathValue> paths;
  std::vector<PortValue> ports;
  /// False when an error was reported in the list.
  bool valid = true;
};

/// Resolves a string, a `port` list, a name or a comma-separated list of them. Paths are
/// normalized; a name's items take the range of the name. Reports path, port, `unknown-name` and
/// `wrong-kind` errors (a rights name, or a path among ports).
Targets ResolveTargets(const ast::Expr& expr, const SymbolTable& symbols,
                       diag::DiagnosticEngine& diags);

/// True when `expr` is written as paths or ports rather than as rights: a string, a list, a
/// port, or a name of a path or port `let`.
bool IsTargetExpression(const ast::Expr& expr, const SymbolTable& symbols);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_TARGETS_H_
