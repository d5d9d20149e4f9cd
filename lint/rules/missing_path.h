// SPDX-License-Identifier: MIT
// The `missing-path` lint rule: with `--host`, a path without `optional` that does not exist on
// this machine. See docs/lint/missing-path.md.
#ifndef LANDLOCKC_LINT_RULES_MISSING_PATH_H_
#define LANDLOCKC_LINT_RULES_MISSING_PATH_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `missing-path`.
extern const Rule kMissingPathRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_MISSING_PATH_H_
