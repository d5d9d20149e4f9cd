// SPDX-License-Identifier: MIT
#include "lint/rules/ineffective_grant.h"

#include <algorithm>

#include "lint/describe.h"
#include "lint/paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

struct Denial {
  uint64_t rights = 0;
  size_t layer = 0;
  bool implicit_refer = false;
};

// The rights of `rights` that some layer other than `own` denies on `path`, and the first such
// layer.
Denial DeniedFs(const RuleContext& context, size_t own, llvm::StringRef path, uint64_t rights) {
  Denial denial;
  for (const abi::Right& right : abi::kRights) {
    if (right.category != abi::Category::kFs || (rights & right.bit) == 0) continue;
    Verdict verdict = context.model.QueryFs(path, right.bit, ObjectKind::kDirectory);
    for (size_t i = 0; i < verdict.layers.size(); ++i) {
      if (i == own || verdict.layers[i].kind != LayerDecision::Kind::kDenied) continue;
      if (denial.rights == 0) {
        denial.layer = i;
        denial.implicit_refer = verdict.layers[i].implicit_refer;
      }
      denial.rights |= right.bit;
      break;
    }
  }
  return denial;
}

// True when layer `layer` allows `right` on every port of `ports` (its grants' ranges, together).
bool AllowsAll(const RuleContext& context, size_t layer, uint64_t right,
               const model::PortRange& ports) {
  if ((context.model.Handled(layer).net & right) == 0 || !context.model.Applied(layer)) return true;
  std::vector<model::PortRange> ranges;
  for (const model::NetGrant& grant : context.policy.layers[layer].net_grants)
    if (grant.rights & right) ranges.push_back(grant.ports);
  std::sort(ranges.begin(), ranges.end(),
            [](const model::PortRange& a, const model::PortRange& b) { return a.low < b.low; });
  unsigned next = ports.low;
  for (const model::PortRange& range : ranges) {
    if (range.low > next) break;
    if (range.high >= next) next = unsigned{range.high} + 1;
    if (next > ports.high) return true;
  }
  return next > ports.high;
}

// The paths strictly beneath `path` where layer `layer` grants some of `rights`: where a grant on
// `path` that this layer cuts back still takes effect.
std::string AllowedBeneath(const RuleContext& context, size_t layer, llvm::StringRef path,
                           uint64_t rights) {
  std::string paths;
  for (const model::FsGrant& grant : context.policy.layers[layer].fs_grants) {
    if (grant.path == path || !IsSameOrBeneath(grant.path, path)) continue;
    if ((grant.rights & context.model.Handled(layer).fs & rights) == 0) continue;
    if (!paths.empty()) paths += ", ";
    paths += "`" + grant.path + "`";
  }
  return paths;
}

// The parts of `ports` where layer `layer` grants `right`, as "port `80`, ports `90..91`".
std::string AllowedPorts(const RuleContext& context, size_t layer, uint64_t right,
                         const model::PortRange& ports) {
  std::string text;
  for (const model::NetGrant& grant : context.policy.layers[layer].net_grants) {
    if ((grant.rights & right) == 0) continue;
    uint16_t low = std::max(grant.ports.low, ports.low);
    uint16_t high = std::min(grant.ports.high, ports.high);
    if (low > high) continue;
    if (!text.empty()) text += ", ";
    text += PortsText(model::PortRange{low, high});
  }
  return text;
}

void ReportFs(const RuleContext& context, size_t index) {
  const model::Layer& layer = context.policy.layers[index];
  for (const model::FsGrant& grant : layer.fs_grants) {
    if (!grant.via_rules.empty()) continue;
    uint64_t effective = grant.rights & context.model.Handled(index).fs;
    if (effective == 0) continue;
    Denial denial = DeniedFs(context, index, grant.path, effective);
    if (denial.rights == 0) continue;
    const model::Layer& denier = context.policy.layers[denial.layer];
    std::vector<diag::Note> notes;
    if (denial.implicit_refer)
      notes.push_back(
          llvm::formatv("{0} does not handle `refer`, but the kernel blocks "
                        "reparenting in every layer that does not grant it",
                        LayerName(denier)));
    notes.push_back({llvm::formatv("layers intersect: an access must be allowed by every layer "
                                   "that restricts it; {0} is here",
                                   LayerName(denier))
                         .str(),
                     HeadRange(denier.location, context.source_mgr)});
    std::string rights = RightList(abi::Category::kFs, denial.rights);
    std::string kept = AllowedBeneath(context, denial.layer, grant.path, denial.rights);
    std::string message =
        kept.empty()
            ? llvm::formatv("{0} on `{1}` has no effect on {2}: {3} denies it there", rights,
                            grant.path, context.target.Describe(), LayerName(denier))
                  .str()
            : llvm::formatv(
                  "{0} on `{1}` is cut back to {2} on {3}: {4} denies it on "
                  "the rest of `{1}`",
                  rights, grant.path, kept, context.target.Describe(), LayerName(denier))
                  .str();
    context.Report(context.rule.severity, grant.path_location.range, grant.location.range,
                   std::move(message), std::move(notes));
  }
}

void ReportNet(const RuleContext& context, size_t index) {
  const model::Layer& layer = context.policy.layers[index];
  for (const model::NetGrant& grant : layer.net_grants) {
    if (!grant.via_rules.empty()) continue;
    uint64_t effective = grant.rights & context.model.Handled(index).net;
    for (const abi::Right& right : abi::kRights) {
      if (right.category != abi::Category::kNet || (effective & right.bit) == 0) continue;
      for (size_t other = 0; other < context.policy.layers.size(); ++other) {
        if (other == index || AllowsAll(context, other, right.bit, grant.ports)) continue;
        const model::Layer& denier = context.policy.layers[other];
        std::string kept = AllowedPorts(context, other, right.bit, grant.ports);
        std::string message =
            kept.empty() ? llvm::formatv("`{0}` on {1} has no effect on {2}: {3} denies it there",
                                         right.name, PortsText(grant.ports),
                                         context.target.Describe(), LayerName(denier))
                               .str()
                         : llvm::formatv(
                               "`{0}` on {1} is cut back to {2} on {3}: {4} denies it on the "
                               "other ports",
                               right.name, PortsText(grant.ports), kept, context.target.Describe(),
                               LayerName(denier))
                               .str();
        context.Report(context.rule.severity, grant.port_location.range, grant.location.range,
                       std::move(message),
                       {{llvm::formatv("layers intersect: an access must be allowed by every "
                                       "layer that restricts it; {0} is here",
                                       LayerName(denier))
                             .str(),
                         HeadRange(denier.location, context.source_mgr)}});
        break;
      }
    }
  }
}

void Run(const RuleContext& context) {
  for (size_t i = 0; i < context.policy.layers.size(); ++i) {
    if (!context.model.Applied(i)) continue;
    ReportFs(context, i);
    ReportNet(context, i);
  }
}

}  // namespace

constinit const Rule kIneffectiveGrantRule = {
    "ineffective-grant",
    diag::Severity::kWarning,
    /*per_target=*/true,
    /*host_only=*/false,
    "A grant allows an access that another layer denies on that path, so it has no effect.",
    "Layers intersect: an access is allowed only if every layer that restricts it allows it, and "
    "a later layer cannot re-open what an earlier one denies. The kernel also blocks reparenting "
    "(rename or link across directories) in every layer that does not grant `refer`, even a layer "
    "that does not handle it. Grant the access in every layer that restricts it, or remove the "
    "grant.",
    Run,
};

}  // namespace landlockc::lint
