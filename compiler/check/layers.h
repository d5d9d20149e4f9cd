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

/// Builds one layer from its statements, fed in source order, in two steps: the statements are
/// checked while the AST is there (Add, then Close at the layer's end), and the model is built
/// from what they left once the AST may be gone (Build). A path grant waits as a 48-byte record
/// of its statement and a 32-byte one of its path, copied out of the AST: the model's grants are
/// not built while the AST is alive, as the two together were the compiler's peak memory on large
/// policies (docs/performance.md).
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

  /// Ends the layer's statements: resolves the rights of its grants against the handled sets.
  /// Reports `unhandled-grant` and `empty-grant` for grants written in the layer, and
  /// `empty-layer`.
  void Close();

  /// The layer, after Close. Reads nothing of the AST: the paths it holds are views of the
  /// source, of the `rules` blocks of the context, or of strings of its own. Consumes the records
  /// as it builds the grants, so that their memory serves the grants' path strings.
  model::Layer Build();

  /// The layer's name as written (`main`'s first statement): where messages about it point.
  llvm::SMRange name_range() const { return name_range_; }

 private:
  /// An `allow`'s rights in its category, as a function of what the layer handles.
  struct GrantFormulas {
    abi::Category category;
    RightsFormula rights;
    RightsFormula named;
  };
  /// What the grants of one set of formulas get, once the handled sets are known (Close).
  struct ResolvedRights {
    uint64_t requested = 0;
    uint64_t rights = 0;
  };
  /// An `allow` of the layer, spliced ones included. Kept small: one per statement of a large
  /// policy, with the formulas (few distinct ones per layer) stored apart.
  struct PendingAllow {
    /// The statement: where its grants stand.
    llvm::SMRange range;
    /// Its rights expression: where `unhandled-grant` points.
    llvm::SMRange rights_range;
    /// How many grants it makes: paths in paths_ (kFs) or ports in the layer's net_grants (kNet),
    /// following those of the statements before it.
    uint32_t count;
    /// Index in formulas_ (and resolved_).
    uint32_t formulas;
    /// The `rules` block holding it (index in LayerContext::rules), or kWrittenHere.
    uint32_t via;
    bool optional;
  };
  static_assert(sizeof(PendingAllow) <= 48, "one per statement of a large policy");
  static constexpr uint32_t kWrittenHere = UINT32_MAX;
  /// A path an `allow` grants, and the range that wrote it (the string, or the `let` name).
  struct PendingPath {
    /// A view of the source when the path is its string as written (already normalized: most
    /// paths), else of the `rules` block's grant or of owned_paths_.
    llvm::StringRef path;
    llvm::SMRange range;
  };

  void Splice(size_t rules_index);
  /// Records the grants of `grant`, spliced from the `rules` block `via` or written here
  /// (kWrittenHere). Path strings are moved out of `grant` when `grant` is a temporary.
  template <typename Grant>
  void Append(Grant&& grant, uint32_t via);
  uint32_t FormulasIndex(const GrantFormulas& formulas);
  void WarnUnhandled(const PendingAllow& allow, abi::Category category, uint64_t requested,
                     uint64_t handled);

  const LayerContext& context_;
  model::Layer layer_;
  llvm::SMRange name_range_;
  bool has_handle_ = false;
  /// A `handle` line had an error: the layer may look empty only because of it.
  bool handle_failed_ = false;
  /// Deques, not vectors: they grow without copying, and Build frees them as it goes.
  std::deque<PendingAllow> allows_;
  std::deque<PendingPath> paths_;
  /// Paths that are not their string as written (normalized, decoded, or from a `let`). A deque:
  /// the views of paths_ stay valid as it grows.
  std::deque<std::string> owned_paths_;
  std::vector<GrantFormulas> formulas_;
  std::vector<ResolvedRights> resolved_;
  /// `rules` blocks already spliced: a second `use` of one adds nothing.
  llvm::BitVector spliced_;
  /// `log` settings already given, by word.
  std::vector<llvm::StringRef> log_words_;
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_LAYERS_H_
