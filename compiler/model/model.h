// SPDX-License-Identifier: MIT
// The checked model: what a policy means, after includes, names, `use` and rights expressions are
// resolved. The one representation that the code generator, the linter and `explain` read.
#ifndef LANDLOCKC_COMPILER_MODEL_MODEL_H_
#define LANDLOCKC_COMPILER_MODEL_MODEL_H_

#include <cstdint>
#include <string>
#include <vector>

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include "runtime/abi_table.h"

namespace landlockc::model {

/// Where a construct stands in the source: the SourceMgr range (for carets) and, resolved once,
/// the file name and 1-based line and column of its start and end.
struct Location {
  llvm::SMRange range;
  /// Held by InternFileName (file_names.h), not by the location: one copy per file, not per grant.
  llvm::StringRef file;
  unsigned line = 0;
  unsigned column = 0;
  unsigned end_line = 0;
  unsigned end_column = 0;
};

/// Rights of each category as kernel bit masks (see runtime/abi_table.h).
struct AccessSet {
  uint64_t fs = 0;
  uint64_t net = 0;
  uint64_t scope = 0;

  bool Empty() const { return fs == 0 && net == 0 && scope == 0; }
  /// The mask of one category.
  uint64_t& Get(abi::Category category) {
    return category == abi::Category::kFs ? fs : category == abi::Category::kNet ? net : scope;
  }
  uint64_t Get(abi::Category category) const {
    return category == abi::Category::kFs ? fs : category == abi::Category::kNet ? net : scope;
  }
  // Spelled out, not defaulted: this header stays C++17 for the units that include LLVM 14's JSON.h
  // (convert/CMakeLists.txt), which clang cannot compile as C++20.
  friend bool operator==(const AccessSet& a, const AccessSet& b) {
    return a.fs == b.fs && a.net == b.net && a.scope == b.scope;
  }
};
static_assert(sizeof(AccessSet) == 3 * sizeof(uint64_t), "operator== compares every mask");

/// `allow RIGHTS on "PATH"`: one grant per path.
struct FsGrant {
  /// Normalized absolute path; variables are kept as templates, spelled `${NAME}`.
  std::string path;
  /// The rights as written (after `all` is resolved against the layer's handled set).
  uint64_t requested = 0;
  /// `requested` limited to what the layer handles: what goes into the blob.
  uint64_t rights = 0;
  bool optional = false;
  /// Name of the `rules` block the grant came through (`use`): the block that holds the `allow`
  /// (the innermost one when blocks use blocks); empty when written in the layer.
  std::string via_rules;
  Location location;       // the whole `allow` statement
  Location path_location;  // the path string (or the `let` name that supplied it)
};

/// An inclusive port range; a single port has low == high.
struct PortRange {
  uint16_t low = 0;
  uint16_t high = 0;
};

/// `allow RIGHTS on port ...`: one grant per port or range.
struct NetGrant {
  PortRange ports;
  uint64_t requested = 0;
  uint64_t rights = 0;
  std::string via_rules;
  Location location;
  Location port_location;
};

/// One Landlock ruleset and the domain it becomes.
struct Layer {
  std::string name;
  Location location;
  /// What the layer restricts: its `handle` lines, or everything up to the policy's ABI.
  AccessSet handled;
  /// The part of `handled` named explicitly (not only through deny-by-default or `all`).
  AccessSet explicit_handled;
  /// True when the layer has no `handle` line and so handles everything (deny by default).
  bool deny_by_default = false;
  /// `landlock_restrict_self` log flags from `log` (LANDLOCK_RESTRICT_SELF_LOG_*).
  uint32_t log_flags = 0;
  Location log_location;
  std::vector<FsGrant> fs_grants;
  std::vector<NetGrant> net_grants;
};

/// A checked policy.
struct Policy {
  /// The ABI the policy is written for (`abi N;`), or the newest known when unpinned.
  int abi = 0;
  bool abi_pinned = false;
  Location abi_location;
  /// `requires abi N;`, 0 when absent.
  int requires_abi = 0;
  Location requires_location;
  /// `threads all;` (LANDLOCK_RESTRICT_SELF_TSYNC on every layer).
  bool threads_all = false;
  Location threads_location;
  std::vector<Layer> layers;
  /// The highest ABI any right, scope or flag of the policy needs.
  int highest_abi_used = 0;
  /// Every file read, the main file first, in the order first read (for depfiles).
  std::vector<std::string> files;
};

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_MODEL_H_
