// SPDX-License-Identifier: MIT
#include "lint/access_model.h"

#include <algorithm>
#include <map>

#include "lint/paths.h"
#include "runtime/abi_table.h"
#include "runtime/blob_format.h"

namespace landlockc::lint {

using abi::Category;

uint64_t MakeRightFor(ObjectKind kind) {
  return kind == ObjectKind::kFile ? LANDLOCK_ACCESS_FS_MAKE_REG : LANDLOCK_ACCESS_FS_MAKE_DIR;
}

uint64_t RemoveRightFor(ObjectKind kind) {
  return kind == ObjectKind::kFile ? LANDLOCK_ACCESS_FS_REMOVE_FILE : LANDLOCK_ACCESS_FS_REMOVE_DIR;
}

AccessModel::AccessModel(const model::Policy& policy, int target_abi)
    : policy_(policy), target_abi_(target_abi) {
  layers_.reserve(policy.layers.size());
  for (const model::Layer& layer : policy.layers) {
    LayerState state;
    state.handled.fs = layer.handled.fs & abi::RightsForAbi(Category::kFs, target_abi);
    state.handled.net = layer.handled.net & abi::RightsForAbi(Category::kNet, target_abi);
    state.handled.scope = layer.handled.scope & abi::RightsForAbi(Category::kScope, target_abi);
    state.applied = !state.handled.Empty();
    if (state.applied && state.handled.fs != 0) restricts_fs_ = true;
    for (const model::FsGrant& grant : layer.fs_grants)
      state.grants_by_path[grant.path].push_back(&grant);
    layers_.push_back(std::move(state));
  }
}

uint64_t AccessModel::EffectiveHandledFs(size_t layer) const {
  if (!layers_[layer].applied) return 0;
  uint64_t handled = layers_[layer].handled.fs;
  if (restricts_fs_) handled |= LANDLOCK_ACCESS_FS_REFER;
  return handled;
}

uint64_t AccessModel::GrantMask(size_t layer, const model::FsGrant& grant) const {
  return grant.rights & layers_[layer].handled.fs;
}

uint64_t AccessModel::GrantedBy(size_t layer, const model::FsGrant& grant, llvm::StringRef path,
                                ObjectKind kind) const {
  uint64_t rights = GrantMask(layer, grant);
  if (grant.path == path && kind == ObjectKind::kFile) rights &= abi::kFileRights;
  return rights;
}

template <typename Visit>
void AccessModel::WalkUp(size_t layer, llvm::StringRef path, Visit visit) const {
  const auto& by_path = layers_[layer].grants_by_path;
  if (by_path.empty()) return;
  auto visit_path = [&](llvm::StringRef covering) {
    auto found = by_path.find(covering);
    if (found == by_path.end()) return false;
    for (const model::FsGrant* grant : found->second)
      if (visit(*grant)) return true;
    return false;
  };
  llvm::StringRef current = path;
  while (true) {
    if (visit_path(current)) return;
    llvm::StringRef parent = ParentPath(current);
    if (parent == current) break;
    current = parent;
  }
  // A `${VAR}` template is a root of its own, which `/` covers (paths.h).
  if (current != "/" && IsSameOrBeneath(path, "/")) visit_path("/");
}

uint64_t AccessModel::GrantedOwnFs(size_t layer, llvm::StringRef path, ObjectKind kind) const {
  if (!layers_[layer].applied) return 0;
  uint64_t granted = 0;
  auto found = layers_[layer].grants_by_path.find(path);
  if (found != layers_[layer].grants_by_path.end())
    for (const model::FsGrant* grant : found->second) granted |= GrantMask(layer, *grant);
  return kind == ObjectKind::kFile ? granted & abi::kFileRights : granted;
}

uint64_t AccessModel::GrantedFs(size_t layer, llvm::StringRef path, ObjectKind kind) const {
  if (!layers_[layer].applied) return 0;
  uint64_t granted = 0;
  WalkUp(layer, path, [&](const model::FsGrant& grant) {
    granted |= GrantedBy(layer, grant, path, kind);
    return false;
  });
  return granted;
}

LayerDecision AccessModel::DecideFs(size_t layer, llvm::StringRef path, uint64_t right,
                                    ObjectKind kind) const {
  LayerDecision decision;
  if ((EffectiveHandledFs(layer) & right) == 0) return decision;
  decision.implicit_refer = (layers_[layer].handled.fs & right) == 0;
  decision.kind = LayerDecision::Kind::kDenied;
  WalkUp(layer, path, [&](const model::FsGrant& grant) {
    if ((GrantedBy(layer, grant, path, kind) & right) == 0) return false;
    decision.kind = LayerDecision::Kind::kAllowed;
    decision.fs_grant = &grant;
    return true;
  });
  return decision;
}

uint64_t AccessModel::AllowedFs(llvm::StringRef path, ObjectKind kind) const {
  uint64_t allowed = abi::RightsForAbi(Category::kFs, target_abi_);
  for (size_t i = 0; i < layers_.size(); ++i)
    allowed &= ~EffectiveHandledFs(i) | GrantedFs(i, path, kind);
  return allowed;
}

std::vector<PortSpan> AccessModel::AllowedNet() const {
  // Sweep the ports once: each grant adds its rights from its low port and takes them away after
  // its high port; a layer grants a right on a port while some grant of it holds the port.
  struct Event {
    uint32_t port;
    size_t layer;
    uint64_t rights;
    int delta;
  };
  std::vector<Event> events;
  for (size_t i = 0; i < layers_.size(); ++i) {
    if (!layers_[i].applied) continue;
    for (const model::NetGrant& grant : policy_.layers[i].net_grants) {
      uint64_t rights = grant.rights & layers_[i].handled.net;
      if (rights == 0) continue;
      events.push_back({grant.ports.low, i, rights, +1});
      events.push_back({uint32_t{grant.ports.high} + 1, i, rights, -1});
    }
  }
  std::sort(events.begin(), events.end(),
            [](const Event& a, const Event& b) { return a.port < b.port; });
  uint64_t universe = abi::RightsForAbi(Category::kNet, target_abi_);
  // holders[layer][bit]: how many grants of the layer give right `bit` on the current port.
  std::vector<std::map<uint64_t, int>> holders(layers_.size());
  auto allowed_now = [&] {
    uint64_t allowed = universe;
    for (size_t i = 0; i < layers_.size(); ++i) {
      if (!layers_[i].applied) continue;
      uint64_t granted = 0;
      for (const auto& [bit, count] : holders[i])
        if (count > 0) granted |= bit;
      allowed &= ~layers_[i].handled.net | granted;
    }
    return allowed;
  };
  std::vector<PortSpan> spans;
  auto extend = [&](uint32_t from, uint32_t to, uint64_t allowed) {
    if (!spans.empty() && spans.back().allowed == allowed) {
      spans.back().ports.high = static_cast<uint16_t>(to);
      return;
    }
    spans.push_back({{static_cast<uint16_t>(from), static_cast<uint16_t>(to)}, allowed});
  };
  uint32_t from = 0;
  size_t next = 0;
  while (from <= blob::kMaxPort) {
    while (next < events.size() && events[next].port == from) {
      const Event& event = events[next++];
      for (uint64_t rights = event.rights; rights != 0; rights &= rights - 1)
        holders[event.layer][rights & -rights] += event.delta;
    }
    uint32_t to = next < events.size() ? std::min<uint32_t>(events[next].port - 1, blob::kMaxPort)
                                       : blob::kMaxPort;
    extend(from, to, allowed_now());
    from = to + 1;
  }
  return spans;
}

uint64_t AccessModel::AllowedScopes() const {
  uint64_t allowed = abi::RightsForAbi(Category::kScope, target_abi_);
  for (const LayerState& layer : layers_)
    if (layer.applied) allowed &= ~layer.handled.scope;
  return allowed;
}

Verdict AccessModel::QueryFs(llvm::StringRef path, uint64_t right, ObjectKind kind) const {
  Verdict verdict;
  verdict.layers.reserve(layers_.size());
  for (size_t i = 0; i < layers_.size(); ++i) {
    verdict.layers.push_back(DecideFs(i, path, right, kind));
    if (verdict.layers.back().kind == LayerDecision::Kind::kDenied) verdict.allowed = false;
  }
  return verdict;
}

Verdict AccessModel::QueryNet(uint16_t port, uint64_t right) const {
  Verdict verdict;
  verdict.layers.reserve(layers_.size());
  for (size_t i = 0; i < layers_.size(); ++i) {
    LayerDecision decision;
    if (layers_[i].applied && (layers_[i].handled.net & right) != 0) {
      decision.kind = LayerDecision::Kind::kDenied;
      for (const model::NetGrant& grant : policy_.layers[i].net_grants) {
        if ((grant.rights & layers_[i].handled.net & right) == 0) continue;
        if (port < grant.ports.low || port > grant.ports.high) continue;
        decision.kind = LayerDecision::Kind::kAllowed;
        decision.net_grant = &grant;
        break;
      }
    }
    if (decision.kind == LayerDecision::Kind::kDenied) verdict.allowed = false;
    verdict.layers.push_back(decision);
  }
  return verdict;
}

Verdict AccessModel::QueryScope(uint64_t scope) const {
  Verdict verdict;
  verdict.layers.reserve(layers_.size());
  for (size_t i = 0; i < layers_.size(); ++i) {
    LayerDecision decision;
    if (layers_[i].applied && (layers_[i].handled.scope & scope) != 0) {
      decision.kind = LayerDecision::Kind::kDenied;
      verdict.allowed = false;
    }
    verdict.layers.push_back(decision);
  }
  return verdict;
}

bool AccessModel::Reparent(llvm::StringRef source, ObjectKind kind, llvm::StringRef dest_dir,
                           bool rename) const {
  if (!restricts_fs_) return true;
  llvm::StringRef source_dir = ParentPath(source);
  uint64_t make = MakeRightFor(kind);
  uint64_t remove = rename ? RemoveRightFor(kind) : 0;
  for (size_t i = 0; i < layers_.size(); ++i) {
    if (!layers_[i].applied) continue;
    uint64_t handled = EffectiveHandledFs(i);
    uint64_t at_dest = GrantedFs(i, dest_dir, ObjectKind::kDirectory);
    uint64_t at_source_dir = GrantedFs(i, source_dir, ObjectKind::kDirectory);
    if (source_dir == dest_dir) {
      if ((make & handled & ~at_dest) != 0 || (remove & handled & ~at_dest) != 0) return false;
      continue;
    }
    uint64_t dest_request = (LANDLOCK_ACCESS_FS_REFER | make) & handled;
    uint64_t source_request = (LANDLOCK_ACCESS_FS_REFER | remove) & handled;
    if ((dest_request & ~at_dest) != 0 || (source_request & ~at_source_dir) != 0) return false;
    // The object may not gain at its new place a right it lacks where it is.
    uint64_t compared = handled & (kind == ObjectKind::kFile ? abi::kFileRights : ~uint64_t{0});
    uint64_t at_source = at_source_dir | GrantedOwnFs(i, source, kind);
    if ((at_dest & compared & ~at_source) != 0) return false;
  }
  return true;
}

}  // namespace landlockc::lint
