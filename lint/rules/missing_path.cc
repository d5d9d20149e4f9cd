#include "lint/rules/missing_path.h"

#include <sys/stat.h>

#include <optional>

#include "lint/describe.h"
#include "lint/paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    for (const model::FsGrant& grant : layer.fs_grants) {
      if (grant.optional) continue;
      std::string variable;
      std::optional<std::string> expanded = ExpandFromEnvironment(grant.path, variable);
      std::string message;
      struct stat info;
      if (!expanded)
        message = llvm::formatv("`${{{0}}` is not set on this machine, so `{1}` cannot be opened",
                                variable, grant.path);
      else if (stat(expanded->c_str(), &info) != 0)
        message = llvm::formatv("`{0}` does not exist on this machine", grant.path);
      else
        continue;
      context.Report(context.rule.severity, grant.path_location.range, grant.location.range,
                     std::move(message),
                     {"applying the policy fails here; mark the grant `optional` if the path may "
                      "be absent"});
    }
  }
}

}  // namespace

constinit const Rule kMissingPathRule = {
    "missing-path",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/true,
    "With `--host`, a granted path without `optional` does not exist on this machine.",
    "The runtime opens every granted path before restricting; a missing path that is not "
    "`optional` makes applying the policy fail, so the program does not start. Mark paths that "
    "may be absent `optional`, or fix the path. Only checked with `--host`, since other machines "
    "have other files.",
    Run,
};

}  // namespace landlockc::lint
