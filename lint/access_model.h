// SPDX-License-Identifier: MIT
// What the kernel allows under a checked policy, for one target ABI: for a path and fs right, a
// port and net right, or a scope, the decision of each layer and the overall verdict. The rules
// here are the kernel's (security/landlock): grants inherit down the path hierarchy, layers
// intersect, a rule on a file carries only file rights, rights the target lacks are dropped, and
// every layer of a domain that restricts the file system blocks reparenting unless it grants
// `refer` on both sides. Linter rules and `explain` both ask this model, so they never disagree
// with each other.
#ifndef LANDLOCKC_LINT_ACCESS_MODEL_H_
#define LANDLOCKC_LINT_ACCESS_MODEL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/model/model.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// What the probed path names; a rule on a file keeps only file rights (abi::kFileRights).
enum class ObjectKind : uint8_t { kDirectory, kFile };

/// How one layer decides one access.
struct LayerDecision {
  enum class Kind : uint8_t { kNotHandled, kAllowed, kDenied };
  Kind kind = Kind::kNotHandled;
  /// For an allowed fs access: the nearest grant that gives the right (the one the kernel's walk up
  /// from the object meets first). For an allowed net access: a grant whose ports hold the port.
  const model::FsGrant* fs_grant = nullptr;
  const model::NetGrant* net_grant = nullptr;
  /// True when the layer restricts `refer` only because the kernel denies reparenting in every
  /// layer of a domain that restricts the file system, whether or not the layer handles `refer`.
  bool implicit_refer = false;
};

/// The decision of every layer (in policy order) and the result: allowed iff no layer denies.
struct Verdict {
  std::vector<LayerDecision> layers;
  bool allowed = true;
};

/// A run of ports over which the allowed net rights do not change.
struct PortSpan {
  model::PortRange ports;
  /// The net rights of the target allowed on every port of the run.
  uint64_t allowed = 0;
};

/// The policy as a kernel of ABI `target_abi` enforces it. Keeps a reference to `policy`.
class AccessModel {
 public:
  AccessModel(const model::Policy& policy, int target_abi);

  const model::Policy& policy() const { return policy_; }
  int target_abi() const { return target_abi_; }

  /// True when the layer handles anything on the target (a layer that handles nothing there is
  /// not applied at all).
  bool Applied(size_t layer) const { return layers_[layer].applied; }
  /// The layer's handled rights masked to the target.
  const model::AccessSet& Handled(size_t layer) const { return layers_[layer].handled; }
  /// The fs rights the layer restricts in effect: its handled fs rights, plus `refer` when any
  /// applied layer of the policy restricts the file system.
  uint64_t EffectiveHandledFs(size_t layer) const;
  /// True when some applied layer handles an fs right (the kernel then checks reparenting).
  bool RestrictsFs() const { return restricts_fs_; }

  /// The fs rights layer `layer` grants on `path` (its own grants and its ancestors'), masked to
  /// the target; the grants on `path` itself keep only file rights when `kind` is a file.
  uint64_t GrantedFs(size_t layer, llvm::StringRef path, ObjectKind kind) const;
  /// The rights granted by rules on `path` itself only (no inheritance).
  uint64_t GrantedOwnFs(size_t layer, llvm::StringRef path, ObjectKind kind) const;

  /// The verdict for fs right `right` (one bit) on `path`. For the `make_*` and `remove_*` rights
  /// `path` is the directory in which the entry is made or removed. For `refer`, the verdict says
  /// whether each layer grants `refer` on `path`, which a reparenting needs on both directories
  /// (see Reparent for the whole check).
  Verdict QueryFs(llvm::StringRef path, uint64_t right, ObjectKind kind) const;

  /// The verdict for net right `right` (one bit) on TCP/UDP port `port`.
  Verdict QueryNet(uint16_t port, uint64_t right) const;

  /// The verdict for scope `scope` (one bit): denied by a layer that scopes it, for a peer outside
  /// the domain (a process signalled, an abstract unix socket connected to).
  Verdict QueryScope(uint64_t scope) const;

  /// Every fs right of the target allowed on `path` (no layer denies it): QueryFs for all rights
  /// at once.
  uint64_t AllowedFs(llvm::StringRef path, ObjectKind kind) const;

  /// Ports 0..65535 cut into the fewest runs over which the allowed net rights (QueryNet for all
  /// rights at once) do not change, in port order.
  std::vector<PortSpan> AllowedNet() const;

  /// The scopes of the target allowed (no applied layer scopes them).
  uint64_t AllowedScopes() const;

  /// Whether linking (or, with `rename`, renaming) the existing object `source` into directory
  /// `dest_dir` is allowed. Models the kernel's check: same-directory operations need only the
  /// make (and remove) rights; a reparenting needs, in every applied layer, `refer` on both
  /// directories, the make right of the object's type on `dest_dir`, the remove right on the
  /// source directory when renaming, and no right handled by the layer may be granted at
  /// `dest_dir` that the object does not already have where it is. Assumes both sides are on one
  /// mount, as the kernel only compares rules up to the mount point.
  bool Reparent(llvm::StringRef source, ObjectKind kind, llvm::StringRef dest_dir,
                bool rename) const;

 private:
  struct LayerState {
    model::AccessSet handled;
    bool applied = false;
    /// The layer's fs grants by path, in policy order: a query walks up from its path, so it
    /// costs the path's depth, not the number of grants.
    llvm::StringMap<llvm::SmallVector<const model::FsGrant*, 1>> grants_by_path;
  };

  LayerDecision DecideFs(size_t layer, llvm::StringRef path, uint64_t right, ObjectKind kind) const;
  uint64_t GrantMask(size_t layer, const model::FsGrant& grant) const;
  /// The rights `grant` gives to `path` (the grant's own path or beneath it) for an object of
  /// `kind`.
  uint64_t GrantedBy(size_t layer, const model::FsGrant& grant, llvm::StringRef path,
                     ObjectKind kind) const;
  /// Calls `visit` with each grant of `layer` that covers `path`, nearest first (the kernel's
  /// walk from the object up to the root), in policy order for one path; stops when it returns
  /// true.
  template <typename Visit>
  void WalkUp(size_t layer, llvm::StringRef path, Visit visit) const;

  const model::Policy& policy_;
  int target_abi_;
  std::vector<LayerState> layers_;
  bool restricts_fs_ = false;
};

/// The fs right a `make_*` or `remove_*` operation on an object of `kind` needs.
uint64_t MakeRightFor(ObjectKind kind);
uint64_t RemoveRightFor(ObjectKind kind);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_ACCESS_MODEL_H_
