// SPDX-License-Identifier: MIT
// `landlockc diff`: what a change to a policy changes in what it allows. Both policies are asked,
// through the access model, about every access (an fs right on a path, a net right on a port, a
// scope) on one target; the accesses NEW allows and OLD denies are widened, the converse narrowed.
// Policy-level settings (`abi`, `requires abi`, `threads all`, `log`, layers, handled rights) are
// compared on their own.
#ifndef LANDLOCKC_DIFF_DIFF_H_
#define LANDLOCKC_DIFF_DIFF_H_

#include <cstdint>
#include <string>
#include <vector>

#include "compiler/model/model.h"
#include "lint/target.h"
#include "runtime/abi_table.h"

namespace landlockc::diff {

/// How much a difference matters, lowest first: `--fail-on` picks a level.
enum class Level : uint8_t { kChange, kWiden };

/// A grant that lets an access through, and its layer.
struct Cause {
  std::string layer;
  /// The whole `allow` statement (line 0 for a policy decoded from a blob).
  model::Location location;
};

/// One access that one policy allows and the other denies: `rights` of `category` on `path` (fs),
/// on `ports` (net), or the scopes `rights`.
struct AccessChange {
  abi::Category category = abi::Category::kFs;
  uint64_t rights = 0;
  /// fs: the path, as the policies write it; it stands for itself and every path beneath it that
  /// neither policy names.
  std::string path;
  /// net: the ports.
  model::PortRange ports;
  /// Widened fs: the topmost paths beneath `path` where OLD already allowed some of `rights`.
  std::vector<std::string> was_only;
  /// The grants that allow the access: NEW's for a widening, OLD's for a narrowing; empty when
  /// no layer handles the rights there (the access is allowed because nothing restricts it).
  std::vector<Cause> causes;
  /// The layers of those grants, in policy order, each once.
  std::vector<std::string> layers;
};

/// What a policy-level change is about.
enum class Subject : uint8_t {
  kAbi,
  kRequiresAbi,
  kThreads,
  kLog,
  kLayerAdded,
  kLayerRemoved,
  kHandled,
  kNoLongerHandled
};

/// A change to a policy-level setting.
struct PolicyChange {
  Subject subject = Subject::kAbi;
  Level level = Level::kChange;
  /// kAbi, kRequiresAbi (0: none), kThreads (0 or 1), kLog (restrict flags): before and after.
  int64_t before = 0;
  int64_t after = 0;
  /// kLog, kLayerAdded, kLayerRemoved: the layer.
  std::string layer;
  /// kHandled, kNoLongerHandled: the rights of `category` newly (or no longer) handled by any
  /// layer.
  abi::Category category = abi::Category::kFs;
  uint64_t rights = 0;
  /// Where the setting stands: in NEW, or in OLD when NEW no longer has it (line 0: nowhere).
  model::Location location;
  /// True when `location` is in OLD.
  bool location_in_old = false;
};

/// Everything that differs between OLD and NEW on one target.
struct Report {
  /// The main files of the two policies, as the command line named them.
  std::string old_name;
  std::string new_name;
  lint::Target target;
  /// In path order (fs), then port order (net), then scopes.
  std::vector<AccessChange> widened;
  std::vector<AccessChange> narrowed;
  /// In the order of Subject.
  std::vector<PolicyChange> policy;

  /// Widened accesses and policy changes that widen.
  size_t WidenedCount() const;
  /// Narrowed accesses.
  size_t NarrowedCount() const { return narrowed.size(); }
  /// Policy changes that do not widen.
  size_t ChangedCount() const;
  /// True when the policies allow the same and set the same.
  bool Empty() const { return widened.empty() && narrowed.empty() && policy.empty(); }
  /// True when something widened (an access or a policy-level setting).
  bool Widens() const { return WidenedCount() > 0; }
};

/// Compares what `old_policy` and `new_policy` allow when enforced on `target`.
Report Compare(const model::Policy& old_policy, const model::Policy& new_policy,
               const lint::Target& target);

}  // namespace landlockc::diff

#endif  // LANDLOCKC_DIFF_DIFF_H_
