// SPDX-License-Identifier: MIT
#include "lint/rules/unused_ignore.h"

#include "lint/rules/registry.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {

namespace {

Finding Unused(const IgnoreComment& ignore, std::string message,
               std::vector<diag::Note> notes = {}) {
  Finding finding;
  finding.id = kUnusedIgnoreRule.id;
  finding.severity = kUnusedIgnoreRule.severity;
  finding.range = ignore.range;
  finding.statement = ignore.range;
  finding.message = std::move(message);
  finding.notes = std::move(notes);
  return finding;
}

}  // namespace

void ReportUnusedIgnores(const Suppressions& suppressions, const std::set<std::string>& ran,
                         const std::function<void(Finding)>& sink) {
  for (const IgnoreComment& ignore : suppressions.comments()) {
    if (ignore.ids.empty())
      sink(Unused(ignore, "`lint:ignore` names no rule, so it silences nothing",
                  {"write `# lint:ignore ID[,ID...] [reason]`"}));
    for (size_t i = 0; i < ignore.ids.size(); ++i) {
      const std::string& id = ignore.ids[i];
      if (FindRule(id) == nullptr) {
        std::string message =
            llvm::formatv("`{0}` is not a lint rule, so ignoring it silences nothing", id).str();
        llvm::StringRef closest = ClosestRuleId(id);
        if (!closest.empty()) message += llvm::formatv(" (did you mean `{0}`?)", closest).str();
        sink(Unused(ignore, std::move(message)));
      } else if (ran.count(id) && !ignore.used[i])
        sink(Unused(ignore, llvm::formatv("`lint:ignore {0}` silenced nothing", id)));
    }
  }
}

// Unused ignores are only known after every other rule has run, so the linter reports them
// itself (ReportUnusedIgnores) instead of through `run`.
constinit const Rule kUnusedIgnoreRule = {
    "unused-ignore",
    diag::Severity::kNote,
    /*per_target=*/false,
    /*host_only=*/false,
    "A `# lint:ignore` comment silenced no finding.",
    "An ignore comment that silences nothing is stale: the finding it was written for is gone, or "
    "the comment names the wrong rule or stands on the wrong line. Stale ignores hide the next "
    "real "
    "finding on that statement. Remove the comment, or fix its id or place.",
    nullptr,
};

}  // namespace landlockc::lint
