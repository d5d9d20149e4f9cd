// SPDX-License-Identifier: MIT
// The one part of path resolution that is the tracer's own: a traced call names a path relative
// to the calling process's working directory or to one of its directory descriptors, which only
// that process's /proc/PID/cwd and /proc/PID/fd/N show, and only while it is stopped in the call
// (LiveTracee reads its other /proc/PID entries through the same two functions; the tracer keeps
// what /proc/PID/cwd and /proc/PID/fd/N said until they may have changed: trace/tracer.cc).
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

/// `path` made absolute against `base`, the directory it is relative to as /proc/PID/cwd or
/// /proc/PID/fd/N names it, with `.`, `..` and `//` kept as written. Empty when `base` is not an
/// absolute path (it could not be read, or names no directory: `pipe:[123]`).
std::string AbsoluteIn(std::string_view base, std::string_view path);

/// `path` made absolute against `dirfd` of the traced process (AT_FDCWD: its working directory,
/// Tracee::BaseDirectory), which is only read when `path` is relative.
std::string AbsoluteIn(Tracee& tracee, int dirfd, std::string_view path);

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_RESOLVE_H_
