#include "lint/rules/unhandled_fs.h"

#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  uint64_t supported = abi::RightsForAbi(abi::Category::kFs, context.target.abi);
  for (size_t i = 0; i < context.policy.layers.size(); ++i) {
    uint64_t handled = context.model.Handled(i).fs;
    if (handled == 0 || handled == supported) continue;
    const model::Layer& layer = context.policy.layers[i];
    uint64_t unrestricted = supported & ~handled;
    // Rights newer than the ABI the policy is written for: pinning `abi` left them out.
    uint64_t newer = unrestricted & ~abi::RightsForAbi(abi::Category::kFs, context.policy.abi);
    std::vector<diag::Note> notes;
    if (unrestricted & ~newer)
      notes.push_back(
          "handle `all` fs rights and grant back what the program needs, unless "
          "another layer restricts these");
    if (newer)
      notes.push_back(
          llvm::formatv("{0} came after ABI {1}, the ABI the policy is written for; "
                        "raise `abi` to restrict them",
                        RightList(abi::Category::kFs, newer), context.policy.abi));
    llvm::SMRange head = HeadRange(layer.location, context.source_mgr);
    context.Report(
        context.rule.severity, head, head,
        llvm::formatv("{0} leaves {1} unrestricted on {2}", LayerName(layer),
                      RightList(abi::Category::kFs, unrestricted), context.target.Describe()),
        std::move(notes));
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
