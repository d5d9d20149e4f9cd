// SPDX-License-Identifier: MIT
#include "lint/rules/registry.h"

namespace landlockc::lint {

#define LANDLOCKC_LINT_RULE(File, Name) extern const Rule k##Name##Rule;
#include "lint/rules/rules.def"

namespace {

constexpr const Rule* kRules[] = {
#define LANDLOCKC_LINT_RULE(File, Name) &k##Name##Rule,
#include "lint/rules/rules.def"
};

}  // namespace

llvm::ArrayRef<const Rule*> AllRules() { return kRules; }

const Rule* FindRule(llvm::StringRef id) {
  for (const Rule* rule : kRules)
    if (id == rule->id) return rule;
  return nullptr;
}

llvm::StringRef ClosestRuleId(llvm::StringRef id) {
  llvm::StringRef closest;
  unsigned best = 3;
  for (const Rule* rule : kRules) {
    unsigned distance = id.edit_distance(rule->id, true, best);
    if (distance < best) {
      best = distance;
      closest = rule->id;
    }
  }
  return closest;
}

}  // namespace landlockc::lint
