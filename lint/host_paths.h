// SPDX-License-Identifier: MIT
// Paths on this machine as the kernel sees them: the one place where `explain` on the host,
// `lint --host`, the `exec` pre-flight (and `learn`) expand `${VAR}`s (through the runtime's own
// expansion) and resolve symbolic links. A Landlock rule is tied to the inode the runtime opens, so
// a grant on `/bin/sh` covers `/usr/bin/dash`, and a query on a link is decided at its target.
#ifndef LANDLOCKC_LINT_HOST_PATHS_H_
#define LANDLOCKC_LINT_HOST_PATHS_H_

#include <sys/types.h>

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "compiler/model/model.h"
#include "lint/access_model.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lint {

/// A path resolved on this machine: every symlink followed, `.` dropped, `..` taken after
/// resolution (the parent of what the path resolved to so far).
struct HostPath {
  /// The resolved absolute path. When a component is missing, the existing part resolved and the
  /// rest appended as written.
  std::string path;
  /// True when the whole path exists (`error` is then 0).
  bool exists = false;
  /// Why it does not exist or could not be resolved: ENOENT, ENOTDIR (a component is a file),
  /// ELOOP, EACCES...
  int error = 0;
  /// What it names; a missing path counts as a directory (every right applies).
  ObjectKind kind = ObjectKind::kDirectory;
};

/// Whether a symlink in the last component is followed: `open` follows it (unless O_NOFOLLOW);
/// `lstat`, `unlink`, `rename`, a `symlink`'s new name and a unix socket's `bind` name the link.
enum class LastLink { kFollow, kKeep };

/// Resolves absolute `path` as the kernel's path walk does (following the last component too,
/// as `open(O_PATH)` does, unless `last` keeps it). A kept link is a file.
HostPath ResolveOnHost(llvm::StringRef path, LastLink last = LastLink::kFollow);

/// What one round of resolutions has learnt about the file system (lstat and readlink answers),
/// so that paths sharing a prefix ask the kernel once. Ordered, so that what lies under a path
/// that changed can be forgotten at once (the tracer keeps one for a whole run).
struct LookupCache {
  /// What lstat (and readlink, for a link) said about one path.
  struct Lookup {
    int error = 0;
    mode_t mode = 0;
    dev_t device = 0;
    ino_t inode = 0;
    std::string target;
  };
  std::map<std::string, Lookup, std::less<>> entries;

  /// Forgets what is known of `path` and of everything under it (an entry made, removed or
  /// renamed there).
  void Forget(llvm::StringRef path);
};

/// ResolveOnHost, asking `cache` first.
HostPath ResolveOnHost(llvm::StringRef path, LookupCache& cache, LastLink last = LastLink::kFollow);

/// `${NAME}`s of a path template expanded by the runtime (runtime/expand.h).
struct HostExpansion {
  /// True when every variable expanded to an acceptable value.
  bool ok = false;
  /// The expanded path, when ok.
  std::string path;
  /// When not ok: what is wrong, e.g. "`${SITE}` is unset", "`${FOO}` contains a `..` component".
  std::string problem;
  /// True when the fault is an unset or empty variable: an optional grant is then skipped.
  bool absent = false;
  /// Each variable the template names, with its value ("" when unset), in order.
  std::vector<std::pair<std::string, std::string>> variables;
};

/// Expands `path_template` from `envp` ("NAME=value" strings, NULL-terminated) exactly as the
/// runtime does when it applies a policy.
HostExpansion ExpandOnHost(llvm::StringRef path_template, const char* const* envp);

/// What becomes of one written fs grant on this machine.
struct HostGrant {
  enum class Fate : uint8_t {
    kApplied,  // expanded and resolved: the runtime adds a rule on `resolved`
    kSkipped,  // optional, and its variable is unset or empty, or its path missing
    kRefused,  // the runtime refuses to apply the policy because of it
  };
  Fate fate = Fate::kApplied;
  /// The grant as written in the policy.
  const model::FsGrant* written = nullptr;
  /// After `${VAR}` expansion (empty when the expansion failed).
  std::string expanded;
  /// After symlink resolution (when kApplied).
  std::string resolved;
  /// What the resolved path names; a grant on a file keeps only file rights.
  ObjectKind kind = ObjectKind::kDirectory;
  /// The inode the runtime's rule is tied to (when kApplied).
  dev_t device = 0;
  ino_t inode = 0;
  /// For kSkipped and kRefused: why ("`${SITE}` is unset", "`/opt/x` does not exist").
  std::string reason;
  /// The variables of the written path with their values.
  std::vector<std::pair<std::string, std::string>> variables;
};

/// A policy as it applies on this machine: the same layers, with each fs grant's path expanded and
/// resolved, skipped and refused grants left out (AccessModel reads `policy`), and what became of
/// every written grant.
struct HostPolicy {
  model::Policy policy;
  /// Per layer, one entry per written fs grant, in order.
  std::vector<std::vector<HostGrant>> grants;
  /// Per layer, for each grant of `policy`, its index in `grants[layer]`.
  std::vector<std::vector<size_t>> origin;

  /// The written grant behind `grant`, a grant of `policy.layers[layer]`.
  const HostGrant& Origin(size_t layer, const model::FsGrant& grant) const;
  /// True when some grant makes the runtime refuse the policy.
  bool Refused() const;
};

/// Resolves every fs grant of `policy` on this machine, expanding from `envp` as the runtime does.
/// Without `resolve_links` (a policy for another machine), grants are only expanded and
/// normalized: nothing is looked up, so none is missing.
HostPolicy ResolvePolicyOnHost(const model::Policy& policy, const char* const* envp,
                               bool resolve_links = true);

/// Adds to `host.policy`, for `path` (resolved) and each of its ancestors that is the very inode
/// of an applied grant reached by another path (a hard link, a bind mount), a copy of that grant
/// on that path: the kernel ties a rule to an inode, not to the path it was opened by.
void AddInodeAliases(HostPolicy& host, llvm::StringRef path);

/// The process environment, for ResolvePolicyOnHost and ExpandOnHost.
const char* const* ProcessEnvironment();

/// `path` spelled with `${HOME}` when it is the environment's HOME (resolved) or lies beneath it,
/// so that the linter's home locations match it; `path` itself otherwise.
std::string SpellWithHome(llvm::StringRef path, const char* const* envp);

/// For `lint --host`: where each written fs grant of `policy` lands on this machine, spelled for
/// the linter's location tables (`${HOME}` for the environment's HOME), per layer and grant; the
/// written path itself when the grant does not apply here.
std::vector<std::vector<std::string>> HostLocations(const model::Policy& policy,
                                                    const char* const* envp);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_HOST_PATHS_H_
