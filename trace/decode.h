// SPDX-License-Identifier: MIT
// The tracer's decoder: one traced system call, stopped at its entry (number, architecture and
// arguments, as PTRACE_GET_SYSCALL_INFO reports them) and at its exit (its result), to the
// accesses it made. Everything it reads of the process and of the file system comes through a
// Tracee (tracee.h): tracer.cc gives it the live process, the tests and the fuzz target
// (tests/fuzz/trace_event_fuzzer.cc) answers of their own.
#ifndef LANDLOCKC_TRACE_DECODE_H_
#define LANDLOCKC_TRACE_DECODE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "trace/access.h"
#include "trace/syscalls.h"
#include "trace/tracee.h"

namespace landlockc::trace {

/// The most bytes of a path read from a traced process, its NUL included (PATH_MAX): the kernel
/// refuses a longer one itself (ENAMETOOLONG), so a longer string is not recorded.
inline constexpr size_t kMaxPathBytes = 4096;

/// A system call at its entry, as the seccomp stop reports it.
struct SyscallEntry {
  /// AUDIT_ARCH_*.
  uint32_t arch = 0;
  uint64_t nr = 0;
  uint64_t args[6] = {};
};

/// A traced call decoded at its entry, waiting for its exit.
struct PendingCall {
  Handler handler = Handler::kOpen;
  std::string_view syscall;
  /// What the call accesses if it runs; an open's one entry is its path, made absolute.
  std::vector<Access> accesses;
  /// Opens: the flags, and whether the object existed before the call.
  uint64_t open_flags = 0;
  bool existed = false;
  /// unshare: its flags.
  uint64_t unshare_flags = 0;
};

/// Decodes a call at its entry, while its arguments can still be read: nullopt when it is no traced
/// call of `entry.arch`, or names nothing to record (an unreadable or too long path, a signal to a
/// traced process...) and is none of the calls whose exit the tracer awaits though they record
/// nothing (StopsAtExit).
std::optional<PendingCall> DecodeEntry(Tracee& tracee, const SyscallEntry& entry);

/// True for the calls that record nothing but change what the tracer knows of working directories
/// or of the file system (chdir, unshare, mount ...), or that it reports (io_uring_setup): their
/// exit is awaited.
bool StopsAtExit(Handler handler);

/// The accesses of `call` once it returned `result` (`is_error`: the call failed with errno
/// -`result`): an open's by what it opened, an execve's with the interpreters it ran. Each carries
/// the call's errno (the kernel's -1..-4095; 0 for any other value).
std::vector<Access> DecodeExit(Tracee& tracee, PendingCall call, int64_t result, bool is_error);

/// The NUL-terminated string at `address` of the process; nullopt when it is unreadable or longer
/// than kMaxPathBytes with its NUL.
std::optional<std::string> ReadString(Tracee& tracee, uint64_t address);

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_DECODE_H_
