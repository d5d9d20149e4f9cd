// SPDX-License-Identifier: MIT
// One layer, from its statements to the model: handled sets, grants (with `use` spliced), log.
#ifndef LANDLOCKC_COMPILER_CHECK_LAYERS_H_
#define LANDLOCKC_COMPILER_CHECK_LAYERS_H_

#include <deque>
#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/grants.h"
#include "compiler/check/symbols.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "llvm/ADT/BitVector.h"

namespace landlockc::check {

/// What a layer's statements are checked against.
struct LayerContext {
  const llvm::SourceMgr& source_mgr;
  diag::DiagnosticEngine& diags;
  const SymbolTable& symbols;
  /// Every `rules` block defined so far, by index (a deque: blocks never move).
  const std::deque<RulesBlock>& rules;
  /// The ABI the policy is written for.
  int abi;
};

/// Builds one layer from its statements, fed in source order. Each grant goes into the layer as
/// its statement arrives (paths moved, not copied); only its rights wait for Finish, which knows
/// the handled sets they depend on through `all`.
class LayerBuilder {
 public:
  /// `statement_count`: how many statements the layer's body holds. An `allow` usually grants one
  /// path, so the grant list is sized by it up front: growing it by doubling would hold the old and
  /// the new buffer at once, the compiler's peak memory on large policies (docs/performance.md).
  LayerBuilder(const LayerContext& context, std::string name, llvm::SMRange name_range,
               llvm::SMRange range, size_t statement_count);

  /// Checks one statement of the layer's body and records what it means.
  void Add(const ast::BodyStmt& statement);
  void Add(const ast::HandleStmt& handle);
  void Add(const ast::AllowStmt& allow);
  void Add(const ast::UseStmt& use);
  void Add(const ast::LogStmt& log);

  /// Resolves the grants against the handled sets and returns the layer. Reports
  /// `unhandled-grant` and `empty-grant` for grants written in the layer, and `empty-layer`.
  model::Layer Finish();

 private:
  /// An `allow`'s rights in its category, as a function of what the layer handles.
  struct GrantFormulas {
    RightsFormula rights;
    RightsFormula named;
  };
  /// The grants of one `allow` already in the layer, whose rights wait for the handled sets. One
  /// per statement: kept small, with the formulas (few distinct ones per layer) stored apart.
  struct UnresolvedGrants {
    const ast::AllowStmt* allow;
    /// Where its grants stand in the layer's fs_grants (kFs) or net_grants (kNet).
    size_t first;
    uint32_t count;
    /// Index in `formulas_`.
    uint32_t formulas;
    abi::Category category;
    /// False for a grant spliced from a `rules` block (generic: no warnings about it).
    bool written_here;
  };

  void Splice(size_t rules_index);
  /// Adds the grants of `grant` to the layer; `via` is the `rules` block holding it, nullptr when
  /// it is written in the layer. Path strings are moved out of `grant` when `grant` is a temporary.
  template <typename Grant>
  void Append(Grant&& grant, const RulesBlock* via);
  uint32_t FormulasIndex(const GrantFormulas& formulas);
  void Resolve(const UnresolvedGrants& unresolved, const model::AccessSet& all);
  void WarnUnhandled(const ast::AllowStmt& allow, abi::Category category, uint64_t requested,
                     uint64_t handled);

  const LayerContext& context_;
  model::Layer layer_;
  llvm::SMRange name_range_;
  bool has_handle_ = false;
  /// A `handle` line had an error: the layer may look empty only because of it.
  bool handle_failed_ = false;
  /// Every `allow` of the layer, spliced ones included, in order.
  std::vector<UnresolvedGrants> unresolved_;
  std::vector<GrantFormulas> formulas_;
  /// `rules` blocks already spliced: a second `use` of one adds nothing.
  llvm::BitVector spliced_;
  /// `log` settings already given, by word.
  std::vector<llvm::StringRef> log_words_;
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_LAYERS_H_
