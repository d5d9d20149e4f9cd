// SPDX-License-Identifier: MIT
// The `broad-port` lint rule: a grant that covers more than 1024 ports. See
// docs/lint/broad-port.md.
#ifndef LANDLOCKC_LINT_RULES_BROAD_PORT_H_
#define LANDLOCKC_LINT_RULES_BROAD_PORT_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `broad-port`.
extern const Rule kBroadPortRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_BROAD_PORT_H_
