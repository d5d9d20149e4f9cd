#include "lint/rules/unhandled_grant.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Report(const RuleContext& context, const model::Layer& layer, abi::Category category,
            uint64_t unhandled, const model::Location& location) {
  context.Report(context.rule.severity, HeadRange(location, context.source_mgr), location.range,
                 llvm::formatv("{0} does not handle {1}, so granting it has no effect",
                               LayerName(layer), RightList(category, unhandled)),
                 {"the right is not restricted by this layer; add it to a `handle` line to "
                  "restrict it"});
}

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    for (const model::FsGrant& grant : layer.fs_grants) {
      uint64_t unhandled = grant.requested & ~layer.handled.fs;
      if (grant.via_rules.empty() && unhandled != 0)
        Report(context, layer, abi::Category::kFs, unhandled, grant.location);
    }
    for (const model::NetGrant& grant : layer.net_grants) {
      uint64_t unhandled = grant.requested & ~layer.handled.net;
      if (grant.via_rules.empty() && unhandled != 0)
        Report(context, layer, abi::Category::kNet, unhandled, grant.location);
    }
  }
}

}  // namespace

constinit const Rule kUnhandledGrantRule = {
    "unhandled-grant",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "A grant names a right its layer does not handle, so it has no effect.",
    "A layer only restricts the rights it handles; granting any other right changes nothing (the "
    "compiler leaves it out of the blob). It usually means the author believed the right was "
    "restricted. Handle the right in that layer, or remove it from the grant. Grants that come "
    "through `use` are generic and are not reported.",
    Run,
};

}  // namespace landlockc::lint
