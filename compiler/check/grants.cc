// SPDX-License-Identifier: MIT
#include "compiler/check/grants.h"

#include "compiler/check/location.h"
#include "compiler/model/names.h"

namespace landlockc::check {
namespace {

constexpr int kFs = static_cast<int>(abi::Category::kFs);
constexpr int kNet = static_cast<int>(abi::Category::kNet);
constexpr int kScope = static_cast<int>(abi::Category::kScope);

// The rights of `category` an expression names, quoted for a message: "`bind_tcp`, `signal`".
std::string QuotedNames(const RightsValue& rights, abi::Category category) {
  std::string text;
  for (llvm::StringRef name :
       model::RightNames(category, rights.named[static_cast<int>(category)].without_all)) {
    if (!text.empty()) text += ", ";
    text += "`" + name.str() + "`";
  }
  return text;
}

// Reports a category error of `allow`; returns false when there is one.
bool CheckCategories(const PendingGrant& grant, diag::DiagnosticEngine& diags) {
  const RightsValue& rights = grant.rights;
  const ast::AllowStmt& allow = *grant.statement;
  if (rights.Names(abi::Category::kScope)) {
    diags.Report(diag::DiagId::kScopeGrant, rights.first_named[kScope],
                 QuotedNames(rights, abi::Category::kScope));
    return false;
  }
  bool fs = rights.Names(abi::Category::kFs);
  bool net = rights.Names(abi::Category::kNet);
  if (fs && net) {
    diags.Report(diag::DiagId::kMixedCategories, allow.rights->range, "fs", "net");
    return false;
  }
  if (grant.category == abi::Category::kFs && net) {
    diags.Report(diag::DiagId::kNetRightOnPath, rights.first_named[kNet],
                 QuotedNames(rights, abi::Category::kNet));
    return false;
  }
  if (grant.category == abi::Category::kNet && fs) {
    diags.Report(diag::DiagId::kFsRightOnPort, rights.first_named[kFs],
                 QuotedNames(rights, abi::Category::kFs));
    return false;
  }
  return true;
}

}  // namespace

std::optional<PendingGrant> ResolveAllow(const ast::AllowStmt& allow, const SymbolTable& symbols,
                                         int abi, diag::DiagnosticEngine& diags) {
  if (!allow.rights || !allow.targets) return std::nullopt;  // the parser reported it
  PendingGrant grant;
  grant.statement = &allow;
  grant.rights = EvaluateRights(*allow.rights, symbols, abi, diags);
  if (grant.rights.is_none) {
    diags.Report(diag::DiagId::kMisplacedNone, allow.rights->range);
    grant.rights.valid = false;
  }
  grant.targets = ResolveTargets(*allow.targets, symbols, diags);
  grant.category =
      grant.targets.kind == SymbolKind::kPorts ? abi::Category::kNet : abi::Category::kFs;
  if (!grant.rights.valid || !grant.targets.valid) return std::nullopt;
  if (!CheckCategories(grant, diags)) return std::nullopt;
  if (allow.optional && grant.category == abi::Category::kNet) {
    diags.Report(diag::DiagId::kOptionalPort, allow.range);
    return std::nullopt;
  }
  return grant;
}

}  // namespace landlockc::check
