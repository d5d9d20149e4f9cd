#include "lint/rules/unused_ignore.h"

#include "lint/rules/registry.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {

void ReportUnusedIgnores(const Suppressions& suppressions, const std::set<std::string>& ran,
                         const std::function<void(Finding)>& sink) {
  for (const IgnoreComment& ignore : suppressions.comments()) {
    for (size_t i = 0; i < ignore.ids.size(); ++i) {
      const std::string& id = ignore.ids[i];
      Finding finding;
      finding.id = kUnusedIgnoreRule.id;
      finding.severity = kUnusedIgnoreRule.severity;
      finding.range = ignore.range;
      finding.statement = ignore.range;
      if (FindRule(id) == nullptr)
        finding.message =
            llvm::formatv("`{0}` is not a lint rule, so ignoring it silences nothing", id);
      else if (ran.count(id) && !ignore.used[i])
        finding.message = llvm::formatv("`lint:ignore {0}` silenced nothing", id);
      else
        continue;
      sink(std::move(finding));
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
