// SPDX-License-Identifier: MIT
#include "lint/rules/newer_abi.h"

#include <string>
#include <vector>

#include "lint/describe.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

// "`resolve_unix` (ABI 9), `bind_udp`, `connect_send_udp` (ABI 10)": the rights that ABIs
// `above`+1 .. `upto` introduced, grouped by ABI; "" when there are none.
std::string RightsIntroducedAfter(int above, int upto) {
  std::vector<std::string> groups;
  for (int abi = above + 1; abi <= upto; ++abi) {
    std::vector<std::string> names;
    for (const abi::Right& right : abi::kRights)
      if (right.abi == abi) names.push_back(llvm::formatv("`{0}`", right.name).str());
    if (!names.empty())
      groups.push_back(llvm::formatv("{0} (ABI {1})", llvm::join(names, ", "), abi).str());
  }
  return llvm::join(groups, ", ");
}

void Run(const RuleContext& context) {
  const model::Policy& policy = context.policy;
  if (policy.layers.empty() || context.target.abi <= policy.abi) return;
  std::string rights = RightsIntroducedAfter(policy.abi, context.target.abi);
  if (rights.empty()) return;
  llvm::SMRange at = HeadRange(policy.abi_location, context.source_mgr);
  context.Report(context.rule.severity, at, at,
                 llvm::formatv("target `{0}` offers {1}, which this policy, written for ABI {2}, "
                               "leaves unrestricted; raise `abi` to restrict them",
                               context.target.name, rights, policy.abi));
}

}  // namespace

constinit const Rule kNewerAbiRule = {
    "newer-abi",
    diag::Severity::kNote,
    /*per_target=*/true,
    /*host_only=*/false,
    "The target offers rights newer than the ABI the policy is written for, which the policy "
    "leaves unrestricted.",
    "A policy pinned with `abi N;` means the same on every newer kernel, so rights that came "
    "after ABI N are not restricted by it even where the kernel could restrict them. That is "
    "the point of pinning, so this is a note: when the program has been tested on a newer ABI, "
    "raise `abi` to restrict those rights too.",
    Run,
};

}  // namespace landlockc::lint
