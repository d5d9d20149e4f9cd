// SPDX-License-Identifier: MIT
// The policy's global names: `let` values and `rules` blocks, defined before use.
#ifndef LANDLOCKC_COMPILER_CHECK_SYMBOLS_H_
#define LANDLOCKC_COMPILER_CHECK_SYMBOLS_H_

#include <string>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/check/rights.h"
#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "llvm/ADT/StringMap.h"

namespace landlockc::check {

enum class SymbolKind : uint8_t { kRights, kPaths, kPorts, kRules };

/// How messages name a kind: "a rights set", "a path list", "a port list", "a `rules` block".
const char* KindDescription(SymbolKind kind);

/// A path as a `let` holds it: normalized, with the range of the string that wrote it.
struct PathValue {
  std::string path;
  llvm::SMRange range;
};

/// A port or port range as a `let` holds it, with the range that wrote it.
struct PortValue {
  model::PortRange ports;
  llvm::SMRange range;
};

/// A defined name and its value; which field holds depends on `kind`.
struct Symbol {
  SymbolKind kind = SymbolKind::kRights;
  llvm::SMRange name_range;
  RightsValue rights;
  std::vector<PathValue> paths;
  std::vector<PortValue> ports;
  /// Index of the `rules` block in the checker's list.
  size_t rules_index = 0;
  /// False when the definition had errors, already reported: uses of the name stay silent, as
  /// any message about its value would only repeat those errors.
  bool valid = true;
};

/// The global names. A name is usable from its definition on (includes count at their place),
/// which keeps checking one pass and makes recursion through `let` impossible.
class SymbolTable {
 public:
  /// True for the names the language predefines: rights, predefined sets, `all`, `none`.
  static bool IsPredefined(llvm::StringRef name);

  /// Records that `name` will be defined at `range`, so that a use before it can say so.
  void Announce(const ast::Ident& name);

  /// Defines `name`, or reports `predefined-redefinition` / `redefinition` and returns false.
  bool Define(const ast::Ident& name, Symbol symbol, diag::DiagnosticEngine& diags);

  /// The symbol defined as `name`, or nullptr.
  const Symbol* Find(llvm::StringRef name) const;

  /// Reports `id` (`unknown-name` or `unknown-rules`) for `name` used at `range`, suggesting the
  /// closest of `extra_candidates` and the defined names of kind `kind`, and noting a later
  /// definition when there is one.
  void ReportUnknown(diag::DiagId id, llvm::StringRef name, llvm::SMRange range, SymbolKind kind,
                     llvm::ArrayRef<llvm::StringRef> extra_candidates,
                     diag::DiagnosticEngine& diags) const;

 private:
  llvm::StringMap<Symbol> symbols_;
  /// Every `let` and `rules` name of the policy and where it is first defined.
  llvm::StringMap<llvm::SMRange> announced_;
  /// Defined names in definition order, for suggestions.
  std::vector<std::string> order_;
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_SYMBOLS_H_
