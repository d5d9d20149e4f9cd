// SPDX-License-Identifier: MIT
#include "lint/rules/missing_path.h"

#include "lint/describe.h"
#include "lint/host_paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  HostPolicy host = ResolvePolicyOnHost(context.policy, ProcessEnvironment());
  for (const std::vector<HostGrant>& layer : host.grants) {
    for (const HostGrant& grant : layer) {
      if (grant.fate != HostGrant::Fate::kRefused) continue;
      context.Report(context.rule.severity, grant.written->path_location.range,
                     grant.written->location.range,
                     llvm::formatv("{0} on this machine", grant.reason).str(),
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
