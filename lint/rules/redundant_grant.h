// SPDX-License-Identifier: MIT
// The `redundant-grant` lint rule: a grant the same layer already makes on the same path or an
// ancestor. See docs/lint/redundant-grant.md.
#ifndef LANDLOCKC_LINT_RULES_REDUNDANT_GRANT_H_
#define LANDLOCKC_LINT_RULES_REDUNDANT_GRANT_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `redundant-grant`.
extern const Rule kRedundantGrantRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_REDUNDANT_GRANT_H_
