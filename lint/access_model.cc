#include "lint/access_model.h"

#include "lint/paths.h"
#include "runtime/abi_table.h"

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
    layers_.push_back(state);
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

uint64_t AccessModel::GrantedOwnFs(size_t layer, llvm::StringRef path, ObjectKind kind) const {
  if (!layers_[layer].applied) return 0;
  uint64_t granted = 0;
  for (const model::FsGrant& grant : policy_.layers[layer].fs_grants)
    if (grant.path == path) granted |= GrantMask(layer, grant);
  return kind == ObjectKind::kFile ? granted & abi::kFileRights : granted;
}

uint64_t AccessModel::GrantedFs(size_t layer, llvm::StringRef path, ObjectKind kind) const {
  if (!layers_[layer].applied) return 0;
  uint64_t granted = 0;
  for (const model::FsGrant& grant : policy_.layers[layer].fs_grants) {
    if (!IsSameOrBeneath(path, grant.path)) continue;
    uint64_t rights = GrantMask(layer, grant);
    if (grant.path == path && kind == ObjectKind::kFile) rights &= abi::kFileRights;
    granted |= rights;
  }
  return granted;
}

LayerDecision AccessModel::DecideFs(size_t layer, llvm::StringRef path, uint64_t right,
                                    ObjectKind kind) const {
  LayerDecision decision;
  if ((EffectiveHandledFs(layer) & right) == 0) return decision;
  decision.implicit_refer = (layers_[layer].handled.fs & right) == 0;
  decision.kind = LayerDecision::Kind::kDenied;
  const model::FsGrant* nearest = nullptr;
  for (const model::FsGrant& grant : policy_.layers[layer].fs_grants) {
    if (!IsSameOrBeneath(path, grant.path)) continue;
    uint64_t rights = GrantMask(layer, grant);
    if (grant.path == path && kind == ObjectKind::kFile) rights &= abi::kFileRights;
    if ((rights & right) == 0) continue;
    if (nearest == nullptr || grant.path.size() > nearest->path.size()) nearest = &grant;
  }
  if (nearest != nullptr) {
    decision.kind = LayerDecision::Kind::kAllowed;
    decision.fs_grant = nearest;
  }
  return decision;
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
