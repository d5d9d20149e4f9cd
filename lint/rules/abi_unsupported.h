// SPDX-License-Identifier: MIT
// The `abi-unsupported` lint rule: the policy uses a right or flag the target lacks, or requires a
// newer ABI than the target has. See docs/lint/abi-unsupported.md.
#ifndef LANDLOCKC_LINT_RULES_ABI_UNSUPPORTED_H_
#define LANDLOCKC_LINT_RULES_ABI_UNSUPPORTED_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `abi-unsupported`.
extern const Rule kAbiUnsupportedRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_ABI_UNSUPPORTED_H_
