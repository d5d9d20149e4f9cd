// SPDX-License-Identifier: MIT
// The `unused-ignore` lint rule: a `# lint:ignore` comment that silenced nothing. See
// docs/lint/unused-ignore.md.
#ifndef LANDLOCKC_LINT_RULES_UNUSED_IGNORE_H_
#define LANDLOCKC_LINT_RULES_UNUSED_IGNORE_H_

#include <functional>
#include <set>
#include <string>

#include "lint/rule.h"
#include "lint/suppression.h"

namespace landlockc::lint {

/// `unused-ignore`.
extern const Rule kUnusedIgnoreRule;

/// Reports, as `unused-ignore`, every id of an ignore comment that silenced nothing, when the rule
/// it names ran (`ran` holds the ids of the rules that ran).
void ReportUnusedIgnores(const Suppressions& suppressions, const std::set<std::string>& ran,
                         const std::function<void(Finding)>& sink);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_RULES_UNUSED_IGNORE_H_
