// SPDX-License-Identifier: MIT
// What the tracer's decoder (decode.h) reads of a traced process stopped in a system call, and of
// the file system the call names: an interface, so that the unit tests and the fuzz target drive
// the decoder with answers of their own, without a live process. LiveTracee gives the real ones.
#ifndef LANDLOCKC_TRACE_TRACEE_H_
#define LANDLOCKC_TRACE_TRACEE_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace landlockc::trace {

/// A socket's SO_TYPE and SO_PROTOCOL (SOCK_STREAM and IPPROTO_TCP, ...).
struct SocketKind {
  int type = 0;
  int protocol = 0;
};

/// What this machine's file system says an open of a path opened: its resolved path and whether it
/// is a directory.
struct HostFile {
  std::string path;
  bool directory = false;
};

/// The stopped process, and this machine's file system as the decoder asks about it.
class Tracee {
 public:
  virtual ~Tracee() = default;

  /// Copies `length` bytes at `address` of the process into `buffer`; false when they are not all
  /// readable.
  virtual bool ReadMemory(uint64_t address, void* buffer, size_t length) = 0;
  /// Where the process's `/proc/PID/` + `link` points (`cwd`, `fd/N`); "" when it cannot be read.
  virtual std::string ProcLink(std::string_view link) = 0;
  /// The directory a path relative to `dirfd` of the process is relative to (AT_FDCWD: its working
  /// directory), as `/proc/PID/cwd` or `/proc/PID/fd/N` names it; "" when it cannot be read.
  virtual std::string BaseDirectory(int dirfd) = 0;
  /// The type (S_IFMT bits) of what descriptor `fd` of the process is open on; nullopt when it is
  /// not open.
  virtual std::optional<mode_t> DescriptorType(int64_t fd) = 0;
  /// The kind of socket descriptor `fd` of the process is; nullopt when it is none, or unknown.
  virtual std::optional<SocketKind> Socket(int64_t fd) = 0;
  /// True when `pid` is a traced process or thread (a signal to it stays inside the sandbox).
  virtual bool IsTraced(int64_t pid) = 0;
  /// The process pidfd `fd` of the process refers to (pidfd_send_signal's target: a pidfd, or a
  /// /proc/N directory); 0 when unknown.
  virtual int64_t PidfdTarget(int64_t fd) = 0;
  /// The type (S_IFMT bits) of absolute `path` on this machine, a symlink in its last component
  /// followed or not; nullopt when it does not exist.
  virtual std::optional<mode_t> FileType(const std::string& path, bool follow) = 0;
  /// Absolute `path` resolved as the kernel's path walk resolves it (lint::ResolveOnHost), a
  /// symlink in its last component followed or not.
  virtual std::string Resolve(const std::string& path, bool follow) = 0;
  /// What an open of absolute `path` that succeeded opened, when this machine's file system names
  /// it for sure without asking the process (the open created nothing, and the path existed);
  /// nullopt when the process's descriptor must say.
  virtual std::optional<HostFile> OpenedOnHost(const std::string& path, bool follow) = 0;
  /// The interpreter as written of the file at `path` (its `#!` line or its PT_INTERP, as
  /// lint::InterpreterOf); "" for none.
  virtual std::string InterpreterOf(const std::string& path) = 0;
};

/// Process `pid` itself (process_vm_readv, /proc/PID, pidfd_getfd) and this machine's file system,
/// read afresh at each question. The tracer derives from it to answer BaseDirectory, Resolve and
/// OpenedOnHost from what it keeps over a run (trace/tracer.cc).
class LiveTracee : public Tracee {
 public:
  /// `is_traced` answers IsTraced (the tracer's table of live tasks).
  LiveTracee(pid_t pid, std::function<bool(int64_t)> is_traced)
      : pid_(pid), is_traced_(std::move(is_traced)) {}

  bool ReadMemory(uint64_t address, void* buffer, size_t length) override;
  std::string ProcLink(std::string_view link) override;
  std::string BaseDirectory(int dirfd) override;
  std::optional<mode_t> DescriptorType(int64_t fd) override;
  std::optional<SocketKind> Socket(int64_t fd) override;
  bool IsTraced(int64_t pid) override { return is_traced_(pid); }
  int64_t PidfdTarget(int64_t fd) override;
  std::optional<mode_t> FileType(const std::string& path, bool follow) override;
  std::string Resolve(const std::string& path, bool follow) override;
  /// Always nullopt: without a record of what changed, only the descriptor is sure.
  std::optional<HostFile> OpenedOnHost(const std::string& path, bool follow) override;
  std::string InterpreterOf(const std::string& path) override;

 protected:
  pid_t pid() const { return pid_; }

 private:
  pid_t pid_;
  std::function<bool(int64_t)> is_traced_;
};

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_TRACEE_H_
