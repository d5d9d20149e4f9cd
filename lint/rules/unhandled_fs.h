// SPDX-License-Identifier: MIT
// The `unhandled-fs` lint rule: a layer that restricts some file-system rights but not all the
// target supports. See docs/lint/unhandled-fs.md.
#ifndef LANDLOCKC_LINT_RULES_UNHANDLED_FS_H_
#define LANDLOCKC_LINT_RULES_UNHANDLED_FS_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `unhandled-fs`.
extern const Rule kUnhandledFsRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_UNHANDLED_FS_H_
