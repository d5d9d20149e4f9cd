// SPDX-License-Identifier: MIT
// Rights expressions: names of rights and sets combined with `+` and `-`, left to right.
#ifndef LANDLOCKC_COMPILER_CHECK_RIGHTS_H_
#define LANDLOCKC_COMPILER_CHECK_RIGHTS_H_

#include <array>
#include <cstdint>

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"
#include "runtime/abi_table.h"

namespace landlockc::check {

class SymbolTable;

/// One category's rights as a function of what `all` means where the expression is used (the
/// handled rights in an `allow`, every right up to the ABI in a `handle`): each bit is constant
/// or follows `all`, so two masks hold the bits for an `all` that has the bit and one that lacks
/// it. This is what lets a `let` containing `all` be evaluated once, at its definition.
struct RightsFormula {
  uint64_t with_all = 0;
  uint64_t without_all = 0;

  /// The rights once `all` is known.
  uint64_t Resolve(uint64_t all) const { return (all & with_all) | (~all & without_all); }
};

/// The value of a rights expression.
struct RightsValue {
  /// The rights, per category (indexed by abi::Category).
  std::array<RightsFormula, abi::kCategoryCount> rights;
  /// The part named other than through `all`: the explicit rights of the model.
  std::array<RightsFormula, abi::kCategoryCount> named;
  /// Categories of the rights and sets named other than `all`, as bits `1 << category`.
  uint8_t named_categories = 0;
  /// Where a right of each category was first named, for category errors.
  std::array<llvm::SMRange, abi::kCategoryCount> first_named;
  /// The expression is exactly `none`.
  bool is_none = false;
  /// False when an error was reported inside the expression.
  bool valid = true;

  uint64_t Resolve(abi::Category category, uint64_t all) const {
    return rights[static_cast<int>(category)].Resolve(all);
  }
  uint64_t ResolveNamed(abi::Category category, uint64_t all) const {
    return named[static_cast<int>(category)].Resolve(all);
  }
  bool Names(abi::Category category) const {
    return named_categories & (1u << static_cast<int>(category));
  }
};

/// Evaluates the rights expression `expr` for a policy written for ABI `abi`. Names are rights,
/// predefined sets (limited to the rights up to `abi`), `all`, `none` (only as the whole
/// expression: the caller decides where that is allowed) and `let` rights sets of `symbols`.
/// Reports `unknown-name`, `wrong-kind`, `misplaced-none` and `right-newer-than-abi`; the value
/// is then marked invalid. Deep nesting is evaluated without recursion.
RightsValue EvaluateRights(const ast::Expr& expr, const SymbolTable& symbols, int abi,
                           diag::DiagnosticEngine& diags);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_RIGHTS_H_
