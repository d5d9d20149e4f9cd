// SPDX-License-Identifier: MIT
// The `unhandled-net` lint rule: no layer restricts the network on a target that could. See
// docs/lint/unhandled-net.md.
#ifndef LANDLOCKC_LINT_RULES_UNHANDLED_NET_H_
#define LANDLOCKC_LINT_RULES_UNHANDLED_NET_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `unhandled-net`.
extern const Rule kUnhandledNetRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_UNHANDLED_NET_H_
