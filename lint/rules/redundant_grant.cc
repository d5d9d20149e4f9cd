// SPDX-License-Identifier: MIT
#include "lint/rules/redundant_grant.h"

#include "lint/describe.h"
#include "lint/paths.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

// A grant that already covers `grant`'s path: on an ancestor, or on the same path and earlier (so
// of two identical grants only the second is reported). An optional grant may be skipped when
// applying, so it only covers optional grants.
bool Covers(const model::FsGrant& other, const model::FsGrant& grant) {
  if (&other == &grant || (other.optional && !grant.optional)) return false;
  if (other.path == grant.path) return &other < &grant;
  return IsSameOrBeneath(grant.path, other.path);
}

// Ports of `other` hold those of `grant`: a strictly wider range, or the same range earlier.
bool Covers(const model::NetGrant& other, const model::NetGrant& grant) {
  if (&other == &grant) return false;
  bool same = other.ports.low == grant.ports.low && other.ports.high == grant.ports.high;
  if (same) return &other < &grant;
  return other.ports.low <= grant.ports.low && other.ports.high >= grant.ports.high;
}

// The grants that may cover `grant`: those on its path and on each of its ancestors (`/` above a
// variable too), looked up in `by_path`, so that a layer of n grants costs n times the depth of
// its paths, not n squared (the language server lints on every keystroke).
std::vector<const model::FsGrant*> Candidates(
    const llvm::StringMap<llvm::SmallVector<const model::FsGrant*, 1>>& by_path,
    const model::FsGrant& grant) {
  std::vector<const model::FsGrant*> candidates;
  auto add = [&](llvm::StringRef path) {
    auto found = by_path.find(path);
    if (found != by_path.end())
      candidates.insert(candidates.end(), found->second.begin(), found->second.end());
  };
  llvm::StringRef path = grant.path;
  add(path);
  for (llvm::StringRef parent = ParentPath(path); parent != path; parent = ParentPath(path)) {
    add(parent);
    path = parent;
  }
  if (path != "/" && llvm::StringRef(grant.path).startswith("${")) add("/");
  return candidates;
}

void ReportFs(const RuleContext& context, const model::Layer& layer) {
  llvm::StringMap<llvm::SmallVector<const model::FsGrant*, 1>> by_path;
  for (const model::FsGrant& grant : layer.fs_grants) by_path[grant.path].push_back(&grant);
  for (const model::FsGrant& grant : layer.fs_grants) {
    if (!grant.via_rules.empty() || grant.rights == 0) continue;
    uint64_t covered = 0;
    const model::FsGrant* first = nullptr;
    for (const model::FsGrant* other : Candidates(by_path, grant)) {
      if (!Covers(*other, grant) || (other->rights & grant.rights) == 0) continue;
      covered |= other->rights;
      // The first covering grant in policy order.
      if (first == nullptr || other < first) first = other;
    }
    if ((grant.rights & ~covered) != 0) continue;
    context.Report(context.rule.severity, grant.path_location.range, grant.location.range,
                   llvm::formatv("grant of {0} on `{1}` adds nothing: {2} already grants it on "
                                 "`{3}`",
                                 RightList(abi::Category::kFs, grant.rights), grant.path,
                                 LayerName(layer), first->path),
                   {{"the covering grant is here", first->location.range}});
  }
}

void ReportNet(const RuleContext& context, const model::Layer& layer) {
  for (const model::NetGrant& grant : layer.net_grants) {
    if (!grant.via_rules.empty() || grant.rights == 0) continue;
    uint64_t covered = 0;
    const model::NetGrant* first = nullptr;
    for (const model::NetGrant& other : layer.net_grants) {
      if (!Covers(other, grant) || (other.rights & grant.rights) == 0) continue;
      covered |= other.rights;
      if (first == nullptr) first = &other;
    }
    if ((grant.rights & ~covered) != 0) continue;
    context.Report(context.rule.severity, grant.port_location.range, grant.location.range,
                   llvm::formatv("grant of {0} on {1} adds nothing: {2} already grants it on {3}",
                                 RightList(abi::Category::kNet, grant.rights),
                                 PortsText(grant.ports), LayerName(layer), PortsText(first->ports)),
                   {{"the covering grant is here", first->location.range}});
  }
}

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    ReportFs(context, layer);
    ReportNet(context, layer);
  }
}

}  // namespace

constinit const Rule kRedundantGrantRule = {
    "redundant-grant",
    diag::Severity::kNote,
    /*per_target=*/false,
    /*host_only=*/false,
    "A grant adds nothing: the same layer already grants those rights on the same path or an "
    "ancestor (or on a wider port range).",
    "A grant covers its path and everything beneath it, so a grant beneath another one with the "
    "same rights changes nothing. Redundant grants make a policy longer to review and suggest a "
    "narrower intent than the policy has. Remove the redundant grant, or narrow the broader one.",
    Run,
};

}  // namespace landlockc::lint
