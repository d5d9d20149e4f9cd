// SPDX-License-Identifier: MIT
#include "cli/report_text.h"

#include <cerrno>
#include <cstring>

#include "compiler/model/names.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {
namespace {

uint64_t Mask(const landlockc_rights& rights, abi::Category category) {
  switch (category) {
    case abi::Category::kFs:
      return rights.fs;
    case abi::Category::kNet:
      return rights.net;
    case abi::Category::kScope:
      return rights.scope;
  }
  return 0;
}

bool Empty(const landlockc_rights& rights) {
  return rights.fs == 0 && rights.net == 0 && rights.scope == 0;
}

// The rights and flags a warning names: rights by name, then flags, comma-separated.
std::string NamedLosses(const landlockc_rights& rights, uint32_t flags) {
  std::vector<std::string> names;
  for (abi::Category category : {abi::Category::kFs, abi::Category::kNet, abi::Category::kScope})
    for (llvm::StringRef name : model::RightNames(category, Mask(rights, category)))
      names.push_back(name.str());
  if (flags != 0) names.push_back(RestrictFlagsText(flags));
  return llvm::join(names, ", ");
}

std::string KernelAbiText(const landlockc_report& report) {
  if (report.effective_abi < report.kernel_abi)
    return llvm::formatv("Landlock ABI {0} (limited by --max-abi; the kernel has ABI {1})",
                         report.effective_abi, report.kernel_abi);
  return llvm::formatv("this kernel (Landlock ABI {0})", report.kernel_abi);
}

}  // namespace

std::string RightsText(const landlockc_rights& rights) {
  std::vector<std::string> parts;
  for (abi::Category category : {abi::Category::kFs, abi::Category::kNet, abi::Category::kScope}) {
    uint64_t mask = Mask(rights, category);
    if (mask == 0) continue;
    parts.push_back(
        (model::CategoryName(category) + ": " + model::JoinRightNames(category, mask, ", ")).str());
  }
  return llvm::join(parts, "; ");
}

std::string RestrictFlagsText(uint32_t flags) {
  std::vector<std::string> names;
  for (llvm::StringRef setting : model::LogSettingNames(flags))
    names.push_back("log " + setting.str());
  if (flags & LANDLOCK_RESTRICT_SELF_TSYNC) names.push_back("threads all");
  return llvm::join(names, ", ");
}

std::string NoLandlockReason(int kernel_errno) {
  if (kernel_errno == ENOSYS) return "Landlock is not built into this kernel";
  if (kernel_errno == EOPNOTSUPP)
    return "Landlock is disabled at boot (add `landlock` to the kernel's `lsm=` parameter)";
  return llvm::formatv("the Landlock probe failed: {0}", std::strerror(kernel_errno));
}

std::string DescribeReport(const landlockc_report& report) {
  std::string text;
  auto line = [&](llvm::StringRef name, const std::string& value) {
    text += llvm::formatv("  {0}: {1}\n", name, value).str();
  };
  line("status", landlockc_status_name(report.status));
  line("kernel ABI", report.kernel_abi > 0 ? std::to_string(report.kernel_abi)
                                           : "none: " + NoLandlockReason(report.kernel_errno));
  line("effective ABI", std::to_string(report.effective_abi));
  std::string policy_abi =
      llvm::formatv("written for {0}, uses up to {1}", report.policy_abi, report.highest_abi_used);
  if (report.requires_abi > 0) policy_abi += llvm::formatv(", requires {0}", report.requires_abi);
  line("policy ABI", policy_abi);
  line("layers", llvm::formatv("{0} of {1} applied, {2} skipped", report.layers_applied,
                               report.layers_total, report.layers_skipped));
  line("rules added", std::to_string(report.rules_added));
  line("optional paths skipped", std::to_string(report.optional_skipped));
  line("grants narrowed to file rights", std::to_string(report.grants_narrowed));
  line("grants dropped", std::to_string(report.grants_dropped));
  if (!Empty(report.dropped_explicit))
    line("dropped, named by the policy", RightsText(report.dropped_explicit));
  if (!Empty(report.dropped_default))
    line("dropped, deny-by-default only", RightsText(report.dropped_default));
  if (report.flags_dropped != 0) line("flags dropped", RestrictFlagsText(report.flags_dropped));
  return text;
}

std::optional<std::string> BestEffortWarning(const landlockc_report& report,
                                             const std::string& policy_name) {
  if (report.status == LANDLOCKC_NOT_ENFORCED) {
    std::string reason =
        report.kernel_abi == 0
            ? NoLandlockReason(report.kernel_errno)
            : KernelAbiText(report) + " supports none of the rights the policy handles";
    return llvm::formatv("policy `{0}` is not enforced: {1}; running unrestricted", policy_name,
                         reason)
        .str();
  }
  if (Empty(report.dropped_explicit) && report.flags_dropped == 0) return std::nullopt;
  return llvm::formatv("{0} cannot enforce {1} named in `{2}`; running without those restrictions",
                       KernelAbiText(report),
                       NamedLosses(report.dropped_explicit, report.flags_dropped), policy_name)
      .str();
}

}  // namespace landlockc::cli
