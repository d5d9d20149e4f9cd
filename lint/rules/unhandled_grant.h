// SPDX-License-Identifier: MIT
// The `unhandled-grant` lint rule: a grant of a right its layer does not handle. See
// docs/lint/unhandled-grant.md.
#ifndef LANDLOCKC_LINT_RULES_UNHANDLED_GRANT_H_
#define LANDLOCKC_LINT_RULES_UNHANDLED_GRANT_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `unhandled-grant`.
extern const Rule kUnhandledGrantRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_UNHANDLED_GRANT_H_
