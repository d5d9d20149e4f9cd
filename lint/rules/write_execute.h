// SPDX-License-Identifier: MIT
// The `write-execute` lint rule: a path that one layer lets the program both write and execute. See
// docs/lint/write-execute.md.
#ifndef LANDLOCKC_LINT_RULES_WRITE_EXECUTE_H_
#define LANDLOCKC_LINT_RULES_WRITE_EXECUTE_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `write-execute`.
extern const Rule kWriteExecuteRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_WRITE_EXECUTE_H_
