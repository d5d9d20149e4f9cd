// SPDX-License-Identifier: MIT
// The `unhandled-scope` lint rule: no layer restricts signals or abstract unix sockets on a target
// that could. See docs/lint/unhandled-scope.md.
#ifndef LANDLOCKC_LINT_RULES_UNHANDLED_SCOPE_H_
#define LANDLOCKC_LINT_RULES_UNHANDLED_SCOPE_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `unhandled-scope`.
extern const Rule kUnhandledScopeRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_UNHANDLED_SCOPE_H_
