// SPDX-License-Identifier: MIT
// The one part of path resolution that is the tracer's own: a traced call names a path relative
// to the calling process's working directory or to one of its directory descriptors, which only
// that process's /proc/PID/cwd and /proc/PID/fd/N show, and only while it is stopped in the call
// (LiveTracee reads its other /proc/PID entries through the same two functions).
// Everything after that (symlinks, `..`, missing components) is the host resolution every
// host-aware command uses, lint::ResolveOnHost (lint/host_paths.h).
#ifndef LANDLOCKC_TRACE_RESOLVE_H_
#define LANDLOCKC_TRACE_RESOLVE_H_

#include <sys/types.h>

#include <string>
#include <string_view>

namespace landlockc::trace {

class Tracee;

/// `/proc/PID/` + `rest`.
std::string ProcPath(pid_t pid, std::string_view rest);

/// Where the link `/proc/PID/` + `rest` points (`cwd`, `fd/N`); empty when it cannot be read.
std::string ProcLink(pid_t pid, std::string_view rest);

/// `path` made absolute against `dirfd` of the traced process (AT_FDCWD: its working directory),
/// with `.`, `..` and `//` kept as written. Empty when the base cannot be read or is not absolute.
std::string AbsoluteIn(Tracee& tracee, int dirfd, std::string_view path);

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_RESOLVE_H_
