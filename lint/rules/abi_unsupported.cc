// SPDX-License-Identifier: MIT
#include "lint/rules/abi_unsupported.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

using abi::Category;

// "`truncate` (ABI 3), `ioctl_dev` (ABI 5)".
std::string RightsWithAbi(Category category, uint64_t mask) {
  std::string text;
  for (const abi::Right& right : abi::kRights) {
    if (right.category != category || (mask & right.bit) == 0) continue;
    if (!text.empty()) text += ", ";
    text += llvm::formatv("`{0}` (ABI {1})", right.name, right.abi).str();
  }
  return text;
}

std::string Missing(const model::AccessSet& named, int target_abi) {
  std::string text;
  for (Category category : {Category::kFs, Category::kNet, Category::kScope}) {
    uint64_t mask = category == Category::kFs    ? named.fs
                    : category == Category::kNet ? named.net
                                                 : named.scope;
    std::string part = RightsWithAbi(category, mask & ~abi::RightsForAbi(category, target_abi));
    if (part.empty()) continue;
    if (!text.empty()) text += ", ";
    text += part;
  }
  return text;
}

void ReportLayer(const RuleContext& context, const model::Layer& layer) {
  const std::string target = context.target.Describe();
  std::string handled = Missing(layer.explicit_handled, context.target.abi);
  if (!handled.empty()) {
    llvm::SMRange head = HeadRange(layer.location, context.source_mgr);
    context.Report(context.rule.severity, head, head,
                   llvm::formatv("{0} restricts {1}, which will not be enforced on {2}",
                                 LayerName(layer), handled, target));
  }
  for (const model::FsGrant& grant : layer.fs_grants) {
    if (!grant.via_rules.empty()) continue;
    uint64_t unreported = grant.requested & ~layer.explicit_handled.fs;
    std::string rights = Missing(model::AccessSet{unreported, 0, 0}, context.target.abi);
    if (rights.empty()) continue;
    context.Report(
        context.rule.severity, HeadRange(grant.location, context.source_mgr), grant.location.range,
        llvm::formatv("{0} on `{1}` will not be enforced on {2}", rights, grant.path, target));
  }
  for (const model::NetGrant& grant : layer.net_grants) {
    if (!grant.via_rules.empty()) continue;
    uint64_t unreported = grant.requested & ~layer.explicit_handled.net;
    std::string rights = Missing(model::AccessSet{0, unreported, 0}, context.target.abi);
    if (rights.empty()) continue;
    context.Report(context.rule.severity, HeadRange(grant.location, context.source_mgr),
                   grant.location.range,
                   llvm::formatv("{0} on {1} will not be enforced on {2}", rights,
                                 PortsText(grant.ports), target));
  }
  uint32_t flags = layer.log_flags & ~abi::RestrictFlagsForAbi(context.target.abi);
  for (const abi::RestrictFlag& flag : abi::kRestrictFlags) {
    if ((flags & flag.bit) == 0) continue;
    context.Report(context.rule.severity, HeadRange(layer.log_location, context.source_mgr),
                   layer.log_location.range,
                   llvm::formatv("`log {0}` (ABI {1}) will not take effect on {2}", flag.name,
                                 flag.abi, target));
  }
}

void Run(const RuleContext& context) {
  const model::Policy& policy = context.policy;
  const Target& target = context.target;
  if (policy.requires_abi > target.abi) {
    llvm::SMRange head = HeadRange(policy.requires_location, context.source_mgr);
    context.Report(diag::Severity::kError, head, head,
                   llvm::formatv("the policy requires ABI {0} and will refuse to run on {1}",
                                 policy.requires_abi, target.Describe()));
    return;
  }
  if (target.abi == 0) {
    llvm::SMRange start = FirstStatement(context.source_mgr);
    context.Report(
        context.rule.severity, start, start,
        llvm::formatv("nothing in the policy will be enforced on {0}", target.Describe()),
        {"add `requires abi N;` to refuse to run unsandboxed there"});
    return;
  }
  for (const model::Layer& layer : policy.layers) ReportLayer(context, layer);
  if (policy.threads_all &&
      (abi::RestrictFlagsForAbi(target.abi) & LANDLOCK_RESTRICT_SELF_TSYNC) == 0) {
    llvm::SMRange head = HeadRange(policy.threads_location, context.source_mgr);
    context.Report(
        context.rule.severity, head, head,
        llvm::formatv("`threads all` (ABI {0}) will not take effect on {1}: only the "
                      "calling thread is restricted",
                      abi::AbiNeededForFlags(LANDLOCK_RESTRICT_SELF_TSYNC), target.Describe()));
  }
}

}  // namespace

constinit const Rule kAbiUnsupportedRule = {
    "abi-unsupported",
    diag::Severity::kWarning,
    /*per_target=*/true,
    /*host_only=*/false,
    "The policy names a right or flag the target kernel lacks, or requires a newer ABI than it "
    "has.",
    "On a kernel with an older Landlock ABI, the runtime drops the rights and flags that kernel "
    "lacks (best effort): the program runs, but those accesses are not restricted. With `requires "
    "abi N` above the target's ABI, the policy refuses to run there (an error). Restrict the "
    "policy to what the target supports, add `requires abi N;` if running less sandboxed is not "
    "acceptable, or drop the target.",
    Run,
};

}  // namespace landlockc::lint
