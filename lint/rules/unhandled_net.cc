// SPDX-License-Identifier: MIT
#include "lint/rules/unhandled_net.h"

#include <bit>

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  uint64_t supported = abi::RightsForAbi(abi::Category::kNet, context.ConsideredAbi());
  if (supported == 0 || context.policy.layers.empty()) return;
  uint64_t handled = 0;
  for (size_t i = 0; i < context.policy.layers.size(); ++i) handled |= context.model.Handled(i).net;
  uint64_t unhandled = supported & ~handled;
  if (unhandled == 0) return;
  llvm::SMRange head = HeadRange(context.policy.layers.front().location, context.source_mgr);
  context.Report(context.rule.severity, head, head,
                 llvm::formatv("no layer restricts {0} on {1}, so the program can use {2} on any "
                               "port",
                               RightList(abi::Category::kNet, unhandled), context.target.Describe(),
                               std::popcount(unhandled) == 1 ? "it" : "them"),
                 {"add `handle net: all;` (or a layer without `handle` lines) and allow the ports "
                  "the program needs"});
}

}  // namespace

constinit const Rule kUnhandledNetRule = {
    "unhandled-net",
    diag::Severity::kWarning,
    /*per_target=*/true,
    /*host_only=*/false,
    "A network right that the target and the policy's ABI support is handled by no layer.",
    "When no layer handles a network right, the sandboxed program can use it on any port: "
    "connect anywhere to exfiltrate data, or listen for anyone. Handling TCP leaves UDP open "
    "where the kernel restricts UDP too. Handle the network rights and allow only the ports the "
    "program needs.",
    Run,
};

}  // namespace landlockc::lint
