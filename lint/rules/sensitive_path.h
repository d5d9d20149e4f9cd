// SPDX-License-Identifier: MIT
// The `sensitive-path` lint rule: a grant that covers a location holding secrets. See
// docs/lint/sensitive-path.md.
#ifndef LANDLOCKC_LINT_RULES_SENSITIVE_PATH_H_
#define LANDLOCKC_LINT_RULES_SENSITIVE_PATH_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `sensitive-path`.
extern const Rule kSensitivePathRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_SENSITIVE_PATH_H_
