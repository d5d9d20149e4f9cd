// SPDX-License-Identifier: MIT
#include "diff/diff.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "lint/access_model.h"
#include "lint/paths.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringSet.h"

namespace landlockc::diff {
namespace {

using abi::Category;
using lint::AccessModel;
using lint::ObjectKind;

// The rights of `mask`, one bit at a time.
std::vector<uint64_t> Bits(uint64_t mask) {
  std::vector<uint64_t> bits;
  for (; mask != 0; mask &= mask - 1) bits.push_back(mask & -mask);
  return bits;
}

// A grant that allows an access, by its layer's index and its place (which tells grants apart).
using Responsible = std::pair<size_t, const model::Location*>;

// Cuts `rights` into groups that the same grants allow, in right order, as changes on one object.
// `causes_of(right)` gives the grants that allow one right.
template <typename CausesOf>
std::vector<AccessChange> GroupByCauses(const model::Policy& policy, uint64_t rights,
                                        const AccessChange& object, CausesOf causes_of) {
  std::vector<std::pair<std::vector<Responsible>, uint64_t>> groups;
  for (uint64_t right : Bits(rights)) {
    std::vector<Responsible> causes = causes_of(right);
    auto same = std::find_if(groups.begin(), groups.end(),
                             [&](const auto& group) { return group.first == causes; });
    if (same == groups.end())
      groups.emplace_back(std::move(causes), right);
    else
      same->second |= right;
  }
  std::vector<AccessChange> changes;
  for (const auto& [causes, group_rights] : groups) {
    AccessChange change = object;
    change.rights = group_rights;
    for (const auto& [layer, location] : causes) {
      const std::string& name = policy.layers[layer].name;
      // One statement may grant on several ports or paths: name it once.
      bool named = std::any_of(change.causes.begin(), change.causes.end(), [&](const Cause& cause) {
        return cause.layer == name && cause.location.file == location->file &&
               cause.location.line == location->line && cause.location.column == location->column;
      });
      if (named) continue;
      change.causes.push_back({name, *location});
      if (std::find(change.layers.begin(), change.layers.end(), name) == change.layers.end())
        change.layers.push_back(name);
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

// The grants each layer of `model` allows `right` on `path` with (the nearest one, as explain
// names it).
std::vector<Responsible> FsCauses(const AccessModel& model, const std::string& path,
                                  uint64_t right) {
  std::vector<Responsible> causes;
  lint::Verdict verdict = model.QueryFs(path, right, ObjectKind::kDirectory);
  for (size_t i = 0; i < verdict.layers.size(); ++i)
    if (verdict.layers[i].kind == lint::LayerDecision::Kind::kAllowed)
      causes.emplace_back(i, &verdict.layers[i].fs_grant->location);
  return causes;
}

// The grants of the layers of `model` that handle `right` and give it on some port of `ports`.
std::vector<Responsible> NetCauses(const AccessModel& model, model::PortRange ports,
                                   uint64_t right) {
  std::vector<Responsible> causes;
  const model::Policy& policy = model.policy();
  for (size_t i = 0; i < policy.layers.size(); ++i) {
    if (!model.Applied(i) || (model.Handled(i).net & right) == 0) continue;
    for (const model::NetGrant& grant : policy.layers[i].net_grants)
      if ((grant.rights & right) != 0 && grant.ports.low <= ports.high &&
          grant.ports.high >= ports.low)
        causes.emplace_back(i, &grant.location);
  }
  return causes;
}

// The fs comparison. Allowed rights change only where a grant stands: a path that neither policy
// names has exactly the rights of its nearest named ancestor (taken as a directory), so the named
// paths and `/` are the only points to compare. A named path, compared as a directory, stands for
// itself and the unnamed paths beneath it. (As a file it may keep fewer rights, but only rights
// that mean nothing on a file: a file's own rights are the same either way.)
class FsComparison {
 public:
  FsComparison(const AccessModel& old_model, const AccessModel& new_model)
      : old_(old_model), new_(new_model) {
    llvm::StringSet<> named{"/"};
    for (const model::Policy* policy : {&old_model.policy(), &new_model.policy()})
      for (const model::Layer& layer : policy->layers)
        for (const model::FsGrant& grant : layer.fs_grants) named.insert(grant.path);
    for (const auto& entry : named) points_.push_back(entry.getKey().str());
    std::sort(points_.begin(), points_.end());
    for (size_t i = 0; i < points_.size(); ++i) index_[points_[i]] = i;
    old_allowed_.resize(points_.size());
    new_allowed_.resize(points_.size());
    for (size_t i = 0; i < points_.size(); ++i) {
      old_allowed_[i] = old_.AllowedFs(points_[i], ObjectKind::kDirectory);
      new_allowed_[i] = new_.AllowedFs(points_[i], ObjectKind::kDirectory);
    }
  }

  void AddTo(Report& report) const {
    for (size_t i = 0; i < points_.size(); ++i) {
      std::optional<size_t> parent = NamedParent(i);
      uint64_t widened = Widened(i) & ~(parent ? Widened(*parent) : 0);
      uint64_t narrowed = Narrowed(i) & ~(parent ? Narrowed(*parent) : 0);
      AccessChange object;
      object.path = points_[i];
      for (AccessChange& change :
           GroupByCauses(new_.policy(), widened, object,
                         [&](uint64_t right) { return FsCauses(new_, points_[i], right); })) {
        change.was_only = WasOnly(i, change.rights);
        report.widened.push_back(std::move(change));
      }
      for (AccessChange& change :
           GroupByCauses(old_.policy(), narrowed, object,
                         [&](uint64_t right) { return FsCauses(old_, points_[i], right); }))
        report.narrowed.push_back(std::move(change));
    }
  }

 private:
  uint64_t Widened(size_t i) const { return new_allowed_[i] & ~old_allowed_[i]; }
  uint64_t Narrowed(size_t i) const { return old_allowed_[i] & ~new_allowed_[i]; }

  // The nearest named path above point `i` (`/` above a `${VAR}` root), none for `/`.
  std::optional<size_t> NamedParent(size_t i) const {
    llvm::StringRef path = points_[i];
    while (true) {
      llvm::StringRef parent = lint::ParentPath(path);
      if (parent == path) break;
      path = parent;
      if (auto found = index_.find(path); found != index_.end()) return found->second;
    }
    if (path == "/") return std::nullopt;
    return index_.find("/")->second;
  }

  // The topmost named paths strictly beneath point `i` where OLD allowed some of `rights`.
  std::vector<std::string> WasOnly(size_t i, uint64_t rights) const {
    const std::string& path = points_[i];
    // Beneath `/` lies every other point, `${VAR}` roots included (which sort before it).
    size_t begin = 0;
    size_t end = points_.size();
    if (path != "/") {
      std::string prefix = path + "/";
      begin = std::lower_bound(points_.begin(), points_.end(), prefix) - points_.begin();
      end = begin;
      while (end < points_.size() && llvm::StringRef(points_[end]).startswith(prefix)) ++end;
    }
    std::vector<std::string> found;
    llvm::StringSet<> kept;
    for (size_t j = begin; j < end; ++j) {
      if (j == i || (old_allowed_[j] & rights) == 0) continue;
      bool beneath_kept = false;
      llvm::StringRef above = points_[j];
      while (!beneath_kept) {
        llvm::StringRef parent = lint::ParentPath(above);
        if (parent == above) break;
        above = parent;
        beneath_kept = kept.contains(above);
      }
      if (beneath_kept) continue;
      kept.insert(points_[j]);
      found.push_back(points_[j]);
    }
    return found;
  }

  const AccessModel& old_;
  const AccessModel& new_;
  std::vector<std::string> points_;
  llvm::StringMap<size_t> index_;
  std::vector<uint64_t> old_allowed_;
  std::vector<uint64_t> new_allowed_;
};

// The net comparison, over every port: both models cut the ports into runs of equal allowed
// rights; the runs of the two together are compared, and neighbours with the same difference
// joined.
void CompareNet(const AccessModel& old_model, const AccessModel& new_model, Report& report) {
  std::vector<lint::PortSpan> old_spans = old_model.AllowedNet();
  std::vector<lint::PortSpan> new_spans = new_model.AllowedNet();
  struct Run {
    model::PortRange ports;
    uint64_t widened;
    uint64_t narrowed;
  };
  std::vector<Run> runs;
  size_t o = 0;
  size_t n = 0;
  uint32_t from = 0;
  while (from <= 65535) {
    while (old_spans[o].ports.high < from) ++o;
    while (new_spans[n].ports.high < from) ++n;
    uint32_t to = std::min(old_spans[o].ports.high, new_spans[n].ports.high);
    uint64_t widened = new_spans[n].allowed & ~old_spans[o].allowed;
    uint64_t narrowed = old_spans[o].allowed & ~new_spans[n].allowed;
    if (!runs.empty() && runs.back().widened == widened && runs.back().narrowed == narrowed)
      runs.back().ports.high = static_cast<uint16_t>(to);
    else
      runs.push_back({{static_cast<uint16_t>(from), static_cast<uint16_t>(to)}, widened, narrowed});
    from = to + 1;
  }
  for (const Run& run : runs) {
    AccessChange object;
    object.category = Category::kNet;
    object.ports = run.ports;
    for (AccessChange& change :
         GroupByCauses(new_model.policy(), run.widened, object,
                       [&](uint64_t right) { return NetCauses(new_model, run.ports, right); }))
      report.widened.push_back(std::move(change));
    for (AccessChange& change :
         GroupByCauses(old_model.policy(), run.narrowed, object,
                       [&](uint64_t right) { return NetCauses(old_model, run.ports, right); }))
      report.narrowed.push_back(std::move(change));
  }
}

// Scopes take no grants: a scope is allowed exactly when no layer handles it.
void CompareScopes(const AccessModel& old_model, const AccessModel& new_model, Report& report) {
  uint64_t old_allowed = old_model.AllowedScopes();
  uint64_t new_allowed = new_model.AllowedScopes();
  AccessChange change;
  change.category = Category::kScope;
  if ((change.rights = new_allowed & ~old_allowed) != 0) report.widened.push_back(change);
  if ((change.rights = old_allowed & ~new_allowed) != 0) report.narrowed.push_back(change);
}

PolicyChange Change(Subject subject, Level level, int64_t before, int64_t after,
                    const model::Location& location, bool in_old) {
  PolicyChange change;
  change.subject = subject;
  change.level = level;
  change.before = before;
  change.after = after;
  change.location = location;
  change.location_in_old = in_old;
  return change;
}

void CompareSettings(const model::Policy& old_policy, const model::Policy& new_policy,
                     Report& report) {
  if (old_policy.abi != new_policy.abi) {
    bool in_old = !new_policy.abi_pinned;
    report.policy.push_back(Change(Subject::kAbi, Level::kChange, old_policy.abi, new_policy.abi,
                                   in_old ? old_policy.abi_location : new_policy.abi_location,
                                   in_old));
  }
  if (old_policy.requires_abi != new_policy.requires_abi) {
    // Running with less enforced (on kernels the old policy refused) is a widening.
    Level level =
        new_policy.requires_abi < old_policy.requires_abi ? Level::kWiden : Level::kChange;
    bool in_old = new_policy.requires_abi == 0;
    report.policy.push_back(
        Change(Subject::kRequiresAbi, level, old_policy.requires_abi, new_policy.requires_abi,
               in_old ? old_policy.requires_location : new_policy.requires_location, in_old));
  }
  if (old_policy.threads_all != new_policy.threads_all) {
    bool removed = !new_policy.threads_all;
    report.policy.push_back(
        Change(Subject::kThreads, removed ? Level::kWiden : Level::kChange, old_policy.threads_all,
               new_policy.threads_all,
               removed ? old_policy.threads_location : new_policy.threads_location, removed));
  }
}

// Layers are matched by name, then the rest in order (a renamed layer is the same layer); what
// is left over was added or removed. Only `log` is compared between matched layers: what layers
// allow is compared for the policy as a whole, so moving a grant between layers that stack to
// the same result changes nothing.
void CompareLayers(const model::Policy& old_policy, const model::Policy& new_policy,
                   Report& report) {
  std::vector<std::optional<size_t>> match(old_policy.layers.size());
  std::vector<bool> taken(new_policy.layers.size());
  for (size_t i = 0; i < old_policy.layers.size(); ++i)
    for (size_t j = 0; j < new_policy.layers.size(); ++j)
      if (!taken[j] && old_policy.layers[i].name == new_policy.layers[j].name) {
        match[i] = j;
        taken[j] = true;
        break;
      }
  size_t next_new = 0;
  std::vector<size_t> removed;
  for (size_t i = 0; i < old_policy.layers.size(); ++i) {
    if (match[i]) continue;
    while (next_new < taken.size() && taken[next_new]) ++next_new;
    if (next_new == taken.size()) {
      removed.push_back(i);
      continue;
    }
    match[i] = next_new;
    taken[next_new] = true;
  }

  // Log flags as a multiset first, so reordered (and renamed) layers with the same flags agree.
  auto log_flags = [](const model::Policy& policy) {
    std::vector<uint32_t> flags;
    for (const model::Layer& layer : policy.layers) flags.push_back(layer.log_flags);
    std::sort(flags.begin(), flags.end());
    return flags;
  };
  if (log_flags(old_policy) != log_flags(new_policy)) {
    for (size_t i = 0; i < old_policy.layers.size(); ++i) {
      if (!match[i]) continue;
      const model::Layer& before = old_policy.layers[i];
      const model::Layer& after = new_policy.layers[*match[i]];
      if (before.log_flags == after.log_flags) continue;
      bool in_old = after.log_flags == 0;
      PolicyChange change = Change(Subject::kLog, Level::kChange, before.log_flags, after.log_flags,
                                   in_old ? before.log_location : after.log_location, in_old);
      change.layer = after.name;
      report.policy.push_back(std::move(change));
    }
  }
  for (size_t j = 0; j < new_policy.layers.size(); ++j) {
    if (taken[j]) continue;
    PolicyChange change =
        Change(Subject::kLayerAdded, Level::kChange, 0, 0, new_policy.layers[j].location, false);
    change.layer = new_policy.layers[j].name;
    report.policy.push_back(std::move(change));
  }
  for (size_t i : removed) {
    PolicyChange change =
        Change(Subject::kLayerRemoved, Level::kChange, 0, 0, old_policy.layers[i].location, true);
    change.layer = old_policy.layers[i].name;
    report.policy.push_back(std::move(change));
  }
}

// The rights some applied layer handles on the target, per category.
model::AccessSet HandledByAny(const AccessModel& model) {
  model::AccessSet handled;
  for (size_t i = 0; i < model.policy().layers.size(); ++i) {
    handled.fs |= model.Handled(i).fs;
    handled.net |= model.Handled(i).net;
    handled.scope |= model.Handled(i).scope;
  }
  return handled;
}

// The first layer of `model` that handles some of `rights`.
const model::Layer* FirstHandling(const AccessModel& model, Category category, uint64_t rights) {
  for (size_t i = 0; i < model.policy().layers.size(); ++i)
    if ((model.Handled(i).Get(category) & rights) != 0) return &model.policy().layers[i];
  return nullptr;
}

void CompareHandled(const AccessModel& old_model, const AccessModel& new_model, Report& report) {
  model::AccessSet before = HandledByAny(old_model);
  model::AccessSet after = HandledByAny(new_model);
  for (Category category : {Category::kFs, Category::kNet, Category::kScope}) {
    uint64_t added = after.Get(category) & ~before.Get(category);
    uint64_t dropped = before.Get(category) & ~after.Get(category);
    if (added != 0) {
      PolicyChange change = Change(Subject::kHandled, Level::kChange, 0, 0,
                                   FirstHandling(new_model, category, added)->location, false);
      change.category = category;
      change.rights = added;
      report.policy.push_back(std::move(change));
    }
    if (dropped != 0) {
      PolicyChange change = Change(Subject::kNoLongerHandled, Level::kChange, 0, 0,
                                   FirstHandling(old_model, category, dropped)->location, true);
      change.category = category;
      change.rights = dropped;
      report.policy.push_back(std::move(change));
    }
  }
}

}  // namespace

size_t Report::WidenedCount() const {
  return widened.size() + std::count_if(policy.begin(), policy.end(), [](const PolicyChange& c) {
           return c.level == Level::kWiden;
         });
}

size_t Report::ChangedCount() const {
  return std::count_if(policy.begin(), policy.end(),
                       [](const PolicyChange& c) { return c.level == Level::kChange; });
}

Report Compare(const model::Policy& old_policy, const model::Policy& new_policy,
               const lint::Target& target) {
  Report report;
  report.target = target;
  if (!old_policy.files.empty()) report.old_name = old_policy.files.front();
  if (!new_policy.files.empty()) report.new_name = new_policy.files.front();
  AccessModel old_model(old_policy, target.abi);
  AccessModel new_model(new_policy, target.abi);
  FsComparison(old_model, new_model).AddTo(report);
  CompareNet(old_model, new_model, report);
  CompareScopes(old_model, new_model, report);
  CompareSettings(old_policy, new_policy, report);
  CompareLayers(old_policy, new_policy, report);
  CompareHandled(old_model, new_model, report);
  std::stable_sort(
      report.policy.begin(), report.policy.end(),
      [](const PolicyChange& a, const PolicyChange& b) { return a.subject < b.subject; });
  return report;
}

}  // namespace landlockc::diff
