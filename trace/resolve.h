// SPDX-License-Identifier: MIT
// Path resolution as the kernel does it, local to the tracer: absolute paths from a traced
// process's working directory or dirfd (/proc/PID/cwd, /proc/PID/fd/N), then every symbolic link
// followed with `..` taken after resolution. (The `host` work resolves grant paths the same way for
// `explain`; the two can share one implementation once both exist.)
#ifndef LANDLOCKC_TRACE_RESOLVE_H_
#define LANDLOCKC_TRACE_RESOLVE_H_

#include <sys/types.h>
#include <string>
#include <string_view>

namespace landlockc::trace {

/// `path` made absolute against `dirfd` of process `pid` (AT_FDCWD: its working directory), with
/// `.`, `..` and `//` kept as written. Empty when the base cannot be read.
std::string AbsoluteIn(pid_t pid, int dirfd, std::string_view path);

/// The kernel's view of absolute `path`: each symlink replaced by its target (at most 40, as the
/// kernel), `..` taken after resolution. The last component is followed only when `follow_last`.
/// From the first component that does not exist, the rest is appended lexically.
std::string ResolvePath(std::string_view path, bool follow_last);

/// The directory part of a resolved path (`/a/b` -> `/a`, `/a` -> `/`).
std::string ParentOf(std::string_view path);

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_RESOLVE_H_
