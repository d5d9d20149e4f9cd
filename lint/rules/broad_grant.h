// SPDX-License-Identifier: MIT
// The `broad-grant` lint rule: a write, remove, make or `refer` right granted on `/`, a system
// directory, `/home` or a home directory. See docs/lint/broad-grant.md.
#ifndef LANDLOCKC_LINT_RULES_BROAD_GRANT_H_
#define LANDLOCKC_LINT_RULES_BROAD_GRANT_H_

#include "lint/rule.h"

namespace landlockc::lint {

/// `broad-grant`.
extern const Rule kBroadGrantRule;

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_BROAD_GRANT_H_
