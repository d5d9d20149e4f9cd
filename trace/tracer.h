// SPDX-License-Identifier: MIT
// The tracer: runs a command under ptrace and records the file, exec, socket and signal system
// calls of every process and thread it starts. A seccomp filter (built with libseccomp) stops the
// traced processes only at those calls; every other call runs at full speed. Each call is decoded
// at entry (arguments through PTRACE_GET_SYSCALL_INFO, strings through process_vm_readv, relative
// paths through /proc/PID/cwd and /proc/PID/fd) and recorded at exit, with its result; the decoding
// is decode.h's, which reads the process through a Tracee (tracee.h). What it learns of working
// directories, directory descriptors and the host's paths is kept until a traced call may change
// it (chdir, clone without CLONE_FS, exec; an entry made, removed or moved; a mount).
//
// Bounds: at most kMaxTasks live traced threads, kMaxAccesses distinct accesses (both lowered
// through TraceOptions, for tests) and kMaxPathBytes (decode.h) bytes per path read from a traced
// process.
// Passing the first two fails learning (an incomplete record would propose a policy that denies
// what the program needs); a longer path is not recorded, as the kernel refuses it (ENAMETOOLONG).
// The tracer holds a duplicate of at most kMaxDirFdCopies traced directory descriptors, to name
// them without asking /proc; past it, a descriptor is named through /proc as before.
#ifndef LANDLOCKC_TRACE_TRACER_H_
#define LANDLOCKC_TRACE_TRACER_H_

#include <cstddef>
#include <string>
#include <vector>

#include "llvm/Support/Error.h"
#include "trace/access.h"

namespace landlockc::trace {

inline constexpr size_t kMaxTasks = 32768;
inline constexpr size_t kMaxAccesses = 1 << 20;
inline constexpr size_t kMaxDirFdCopies = 256;

/// How the traced command ended, and what it did.
struct TraceResult {
  std::vector<Access> accesses;
  /// The command's exit status, when it exited.
  int exit_status = 0;
  /// The signal that killed the command, or 0 when it exited.
  int term_signal = 0;
  /// The errno of a failed execvp of the command itself (then nothing ran), else 0.
  int exec_error = 0;
  /// The first traced process that set up an io_uring, else 0: what it submitted through the
  /// ring (opens, connects ...) bypassed system calls, and is not among `accesses`.
  int io_uring_pid = 0;
};

struct TraceOptions {
  /// Also stop at and record the lookups (stat, access ...), which need no Landlock right: off by
  /// default, as they are the most frequent file calls (`learn -v` lists them).
  bool lookups = false;
  /// The most traced threads alive at once (processes count one each).
  size_t max_tasks = kMaxTasks;
  /// The most distinct accesses recorded.
  size_t max_accesses = kMaxAccesses;
};

/// Runs `argv` (argv[0] searched in PATH) unrestricted under the tracer, with the caller's stdin,
/// stdout, stderr and environment, and waits for it and every process it started. An error means
/// learning itself failed (ptrace or seccomp unavailable, a bound passed).
llvm::Expected<TraceResult> TraceCommand(const std::vector<std::string>& argv,
                                         const TraceOptions& options = {});

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_TRACER_H_
