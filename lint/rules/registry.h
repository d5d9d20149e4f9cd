// SPDX-License-Identifier: MIT
// The registry of lint rules (rules.def), in alphabetical order of id.
#ifndef LANDLOCKC_LINT_RULES_REGISTRY_H_
#define LANDLOCKC_LINT_RULES_REGISTRY_H_

#include "lint/rule.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// Every rule, sorted by id.
llvm::ArrayRef<const Rule*> AllRules();

/// The rule with id `id`, or nullptr.
const Rule* FindRule(llvm::StringRef id);

/// The id of the rule spelled most like `id` (at most two edits away), or "" when none is close.
llvm::StringRef ClosestRuleId(llvm::StringRef id);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_REGISTRY_H_
