// SPDX-License-Identifier: MIT
#include "lint/rules/unpinned_abi.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  if (context.policy.abi_pinned) return;
  llvm::SMRange start = FirstStatement(context.source_mgr);
  context.Report(
      context.rule.severity, start, start,
      "the policy does not pin an ABI with `abi N;`, so what `all` and deny-by-default "
      "cover grows when landlockc learns a newer ABI",
      {llvm::formatv("add `abi {0};` to keep today's meaning", context.policy.abi).str()});
}

}  // namespace

constinit const Rule kUnpinnedAbiRule = {
    "unpinned-abi",
    diag::Severity::kNote,
    /*per_target=*/false,
    /*host_only=*/false,
    "The policy has no `abi N;` line.",
    "Without `abi N;`, `all` and the deny-by-default of a layer without `handle` mean every right "
    "the compiler knows, so the same policy restricts more (and may break the program) once "
    "landlockc learns a newer Landlock ABI. Pin the ABI the policy was written and tested for.",
    Run,
};

}  // namespace landlockc::lint
