#include "lint/rules/unhandled_net.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  if (abi::RightsForAbi(abi::Category::kNet, context.target.abi) == 0) return;
  if (context.policy.layers.empty()) return;
  for (size_t i = 0; i < context.policy.layers.size(); ++i)
    if (context.model.Handled(i).net != 0) return;
  llvm::SMRange head = HeadRange(context.policy.layers.front().location, context.source_mgr);
  context.Report(context.rule.severity, head, head,
                 llvm::formatv("no layer restricts the network on {0}, so the program can bind "
                               "and connect to any port",
                               context.target.Describe()),
                 {"add `handle net: all;` (or a layer without `handle` lines) and allow the ports "
                  "the program needs"});
}

}  // namespace

constinit const Rule kUnhandledNetRule = {
    "unhandled-net",
    diag::Severity::kWarning,
    /*per_target=*/true,
    /*host_only=*/false,
    "No layer restricts network access on a target that supports it (ABI 4 and later).",
    "When no layer handles a network right, the sandboxed program can open connections and "
    "listen on any port, for example to exfiltrate data. Handle the network rights and allow only "
    "the ports the program needs.",
    Run,
};

}  // namespace landlockc::lint
