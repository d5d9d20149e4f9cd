// SPDX-License-Identifier: MIT
// What a policy must allow, from what the tracer recorded: each access that is a need (IsNeed),
// as the Landlock right it takes on the object the kernel checks (the file itself, or the
// directory an entry is made in or removed from), masked to the policy's ABI.
#ifndef LANDLOCKC_LEARN_NEEDS_H_
#define LANDLOCKC_LEARN_NEEDS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lint/access_model.h"
#include "llvm/ADT/ArrayRef.h"
#include "trace/access.h"

namespace landlockc::learn {

/// What the program was seen doing, for the comments (`read 3 files, e.g. ...`).
enum class Verb : uint8_t {
  kRead,
  kListed,
  kExecuted,
  kWrote,
  kTruncated,
  kIoctl,
  kCreated,
  kRemoved,
  kMoved,
  kConnectedSocket,
};

/// The verb as the comments write it, and the noun for several objects (`files`, `entries`).
std::string_view VerbText(Verb verb);
std::string_view VerbNoun(Verb verb);

struct FsNeed {
  /// The object the kernel checks the right on (absolute, symlinks resolved).
  std::string path;
  uint64_t rights = 0;
  lint::ObjectKind kind = lint::ObjectKind::kFile;
  Verb verb = Verb::kRead;
  /// The path the program used (the entry made, for the make and remove rights).
  std::string seen;
};

struct NetNeed {
  uint16_t port = 0;
  uint64_t right = 0;
  std::string syscall;
};

struct ScopeNeed {
  uint64_t scope = 0;
  /// What was seen: `signal to pid 1234 (kill)`, `connect to @name`.
  std::string seen;
};

struct Needs {
  std::vector<FsNeed> fs;
  std::vector<NetNeed> net;
  std::vector<ScopeNeed> scopes;
};

/// True for an access that a policy must allow for the program to behave the same: not a lookup
/// (stat, access), not an attempt that failed because the path does not exist (ENOENT, ENOTDIR),
/// already existed (EEXIST) or was refused by the system itself (EACCES, EPERM).
bool IsNeed(const trace::Access& access);

/// The needs among `accesses`, rights newer than `abi` left out (a kernel of that ABI does not
/// restrict them). `/proc/PID/...` is written `/proc/self/...`: the traced process's own entries,
/// which a replay reaches under another PID.
Needs NeedsFrom(llvm::ArrayRef<trace::Access> accesses, int abi);

}  // namespace landlockc::learn

#endif  // LANDLOCKC_LEARN_NEEDS_H_
