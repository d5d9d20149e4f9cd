// SPDX-License-Identifier: MIT
#include "lint/rules/unhandled_scope.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  if (abi::RightsForAbi(abi::Category::kScope, context.ConsideredAbi()) == 0) return;
  if (context.policy.layers.empty()) return;
  for (size_t i = 0; i < context.policy.layers.size(); ++i)
    if (context.model.Handled(i).scope != 0) return;
  llvm::SMRange head = HeadRange(context.policy.layers.front().location, context.source_mgr);
  context.Report(context.rule.severity, head, head,
                 llvm::formatv("no layer scopes signals or abstract unix sockets on {0}, so the "
                               "program can signal and reach processes outside its sandbox",
                               context.target.Describe()),
                 {"add `handle scope: all;` (or a layer without `handle` lines)"});
}

constexpr TextWithAbi kSummary(
    "No layer scopes signals or abstract unix sockets on a target that supports it (ABI # and "
    "later).",
    abi::FirstAbiOf(abi::Category::kScope));

}  // namespace

constinit const Rule kUnhandledScopeRule = {
    "unhandled-scope",
    diag::Severity::kNote,
    /*per_target=*/true,
    /*host_only=*/false,
    kSummary.text,
    "Without scopes, a sandboxed program can send signals to processes outside its sandbox and "
    "connect to abstract unix sockets they listen on, escaping through a more privileged peer. "
    "Handle the scopes unless the program must talk to such peers.",
    Run,
};

}  // namespace landlockc::lint
