// SPDX-License-Identifier: MIT
#include "compiler/check/symbols.h"

#include "compiler/check/suggest.h"
#include "compiler/model/names.h"

namespace landlockc::check {

const char* KindDescription(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kRights:
      return "a rights set";
    case SymbolKind::kPaths:
      return "a path list";
    case SymbolKind::kPorts:
      return "a port list";
    case SymbolKind::kRules:
      return "a `rules` block";
  }
  return "a name";
}

bool SymbolTable::IsPredefined(llvm::StringRef name) {
  return name == "all" || name == "none" || model::FindRight(name) != nullptr ||
         model::FindPredefinedSet(name) != nullptr;
}

void SymbolTable::Announce(const ast::Ident& name) {
  announced_.try_emplace(name.name, name.range);
}

bool SymbolTable::Define(const ast::Ident& name, Symbol symbol, diag::DiagnosticEngine& diags) {
  if (IsPredefined(name.name)) {
    diags.Report(diag::DiagId::kPredefinedRedefinition, name.range, name.name);
    return false;
  }
  auto existing = symbols_.find(name.name);
  if (existing != symbols_.end()) {
    const diag::DiagInfo& info = diag::Info(diag::DiagId::kRedefinition);
    diags.Emit(info.severity, info.id, name.range, llvm::formatv(info.format, name.name).str(),
               {{"`" + name.name.str() + "` is first defined here", existing->second.name_range}});
    return false;
  }
  symbol.name_range = name.range;
  symbols_.try_emplace(name.name, std::move(symbol));
  order_.push_back(name.name.str());
  return true;
}

const Symbol* SymbolTable::Find(llvm::StringRef name) const {
  auto found = symbols_.find(name);
  return found == symbols_.end() ? nullptr : &found->second;
}

void SymbolTable::ReportUnknown(diag::DiagId id, llvm::StringRef name, llvm::SMRange range,
                                SymbolKind kind, llvm::ArrayRef<llvm::StringRef> extra_candidates,
                                diag::DiagnosticEngine& diags) const {
  std::vector<diag::Note> notes;
  auto later = announced_.find(name);
  if (later != announced_.end()) {
    notes.push_back(
        {"`" + name.str() + "` is defined here, later in the file; define it before this use",
         later->second});
  }
  std::vector<llvm::StringRef> candidates(extra_candidates.begin(), extra_candidates.end());
  for (const std::string& defined : order_)
    if (symbols_.find(defined)->second.kind == kind) candidates.push_back(defined);
  std::string suggestion = notes.empty() ? DidYouMean(name, candidates) : "";
  const diag::DiagInfo& info = diag::Info(id);
  diags.Emit(info.severity, info.id, range, llvm::formatv(info.format, name, suggestion).str(),
             std::move(notes));
}

}  // namespace landlockc::check
