// SPDX-License-Identifier: MIT
#include "lint/rules/unhandled_fs.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  uint64_t supported = abi::RightsForAbi(abi::Category::kFs, context.ConsideredAbi());
  for (size_t i = 0; i < context.policy.layers.size(); ++i) {
    uint64_t handled = context.model.Handled(i).fs & supported;
    if (handled == 0 || handled == supported) continue;
    const model::Layer& layer = context.policy.layers[i];
    llvm::SMRange head = HeadRange(layer.location, context.source_mgr);
    context.Report(
        context.rule.severity, head, head,
        llvm::formatv("{0} leaves {1} unrestricted on {2}", LayerName(layer),
                      RightList(abi::Category::kFs, supported & ~handled),
                      context.target.Describe()),
        {"handle `all` fs rights and grant back what the program needs, unless another layer "
         "restricts these"});
  }
}

}  // namespace

constinit const Rule kUnhandledFsRule = {
    "unhandled-fs",
    diag::Severity::kWarning,
    /*per_target=*/true,
    /*host_only=*/false,
    "A layer restricts some file-system rights but not all that the target supports.",
    "A right a layer does not handle is not restricted at all by that layer: with `handle fs: "
    "read;` the program may still write, delete and execute anywhere. Handle every fs right (or "
    "leave out `handle` lines) and grant back only what the program needs.",
    Run,
};

}  // namespace landlockc::lint
