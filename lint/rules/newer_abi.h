// SPDX-License-Identifier: MIT
// The `newer-abi` lint rule. See docs/lint/newer-abi.md.
#ifndef LANDLOCKC_LINT_RULES_NEWER_ABI_H_
#define LANDLOCKC_LINT_RULES_NEWER_ABI_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `newer-abi`.
extern const Rule kNewerAbiRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_NEWER_ABI_H_
