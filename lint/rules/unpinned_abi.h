// SPDX-License-Identifier: MIT
// The `unpinned-abi` lint rule: the policy has no `abi N;` line. See docs/lint/unpinned-abi.md.
#ifndef LANDLOCKC_LINT_RULES_UNPINNED_ABI_H_
#define LANDLOCKC_LINT_RULES_UNPINNED_ABI_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `unpinned-abi`.
extern const Rule kUnpinnedAbiRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_UNPINNED_ABI_H_
