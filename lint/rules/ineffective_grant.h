// SPDX-License-Identifier: MIT
// The `ineffective-grant` lint rule: a grant that another layer cancels, because layers intersect.
// See docs/lint/ineffective-grant.md.
#ifndef LANDLOCKC_LINT_RULES_INEFFECTIVE_GRANT_H_
#define LANDLOCKC_LINT_RULES_INEFFECTIVE_GRANT_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `ineffective-grant`.
extern const Rule kIneffectiveGrantRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_INEFFECTIVE_GRANT_H_
