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

/// Builds one layer from its statements, fed in source order.
class LayerBuilder {
 public:
  LayerBuilder(const LayerContext& context, std::string name, llvm::SMRange name_range,
               llvm::SMRange range);

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
  struct GrantUse {
    const PendingGrant* grant;
    /// The `rules` block that holds the grant; nullptr when it is written in the layer.
    const RulesBlock* via;
  };

  void Splice(size_t rules_index);
  void Grant(const GrantUse& use, const model::AccessSet& all);
  void WarnUnhandled(const ast::AllowStmt& allow, abi::Category category, uint64_t requested,
                     uint64_t handled);

  const LayerContext& context_;
  model::Layer layer_;
  llvm::SMRange name_range_;
  bool has_handle_ = false;
  /// A `handle` line had an error: the layer may look empty only because of it.
  bool handle_failed_ = false;
  /// Grants written in the layer (a deque: `uses_` points into it).
  std::deque<PendingGrant> own_grants_;
  std::vector<GrantUse> uses_;
  /// `rules` blocks already spliced: a second `use` of one adds nothing.
  llvm::BitVector spliced_;
  /// `log` settings already given, by word.
  std::vector<std::string> log_words_;
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_LAYERS_H_
