// SPDX-License-Identifier: MIT
// `allow` statements resolved as far as they can be without a layer, and `rules` blocks made of
// them: what a layer splices in with `use`.
#ifndef LANDLOCKC_COMPILER_CHECK_GRANTS_H_
#define LANDLOCKC_COMPILER_CHECK_GRANTS_H_

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/rights.h"
#include "compiler/check/symbols.h"
#include "compiler/check/targets.h"
#include "compiler/diag/diagnostics.h"

namespace landlockc::check {

/// An `allow` whose rights still depend on the layer (through `all`).
struct PendingGrant {
  const ast::AllowStmt* statement = nullptr;
  /// kFs for path targets, kNet for port targets.
  abi::Category category = abi::Category::kFs;
  RightsValue rights;
  Targets targets;
};

/// Resolves `allow` for a policy of ABI `abi`: rights and targets, with the category checks
/// (`scope-grant`, `mixed-categories`, `net-right-on-path`, `fs-right-on-port`,
/// `misplaced-none`, `optional-port`). Returns nullopt after an error.
std::optional<PendingGrant> ResolveAllow(const ast::AllowStmt& allow, const SymbolTable& symbols,
                                         int abi, diag::DiagnosticEngine& diags);

/// A checked `rules` block: its grants and the blocks it uses, in order.
struct RulesBlock {
  std::string name;
  /// A grant, or the index of a `rules` block spliced at that point.
  std::vector<std::variant<PendingGrant, size_t>> entries;
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_GRANTS_H_
