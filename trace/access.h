// SPDX-License-Identifier: MIT
// What the tracer observed a traced program do: one Access per distinct need, in the order first
// seen. This list is the whole interface between the tracer (trace/) and the proposal (learn/).
#ifndef LANDLOCKC_TRACE_ACCESS_H_
#define LANDLOCKC_TRACE_ACCESS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace landlockc::trace {

/// One kind of access, named after the Landlock right it needs (kLookup needs none: stat, access).
enum class AccessKind : uint8_t {
  kReadFile,
  kWriteFile,
  kReadDir,
  kExecute,
  kTruncate,
  kIoctlDev,
  kMakeReg,
  kMakeDir,
  kMakeSym,
  kMakeSock,
  kMakeFifo,
  kMakeChar,
  kMakeBlock,
  kRemoveFile,
  kRemoveDir,
  kRefer,
  kResolveUnix,
  kLookup,
  kBindTcp,
  kConnectTcp,
  kBindUdp,
  kConnectUdp,
  kAbstractUnixSocket,
  kSignal,
};

/// One observed access. `path` is absolute with symlinks resolved as the kernel resolves them
/// (the final component kept for calls that do not follow it); for the make and remove kinds it
/// is the entry made or removed (the right is checked on its parent directory), for kRefer the
/// directory an entry moved out of or into. `port` is set for the TCP/UDP kinds, `path` holds the
/// socket name for kAbstractUnixSocket and the target pid for kSignal.
struct Access {
  AccessKind kind = AccessKind::kLookup;
  std::string path;
  uint16_t port = 0;
  /// 0 when the call succeeded, else the errno it failed with.
  int error = 0;
  /// The system call that made the access (`openat`, `renameat2`, ...).
  std::string syscall;

  friend bool operator==(const Access&, const Access&) = default;
};

/// The access kind's name as written in test expectations and `learn -v` (`read_file`, ...).
std::string_view AccessKindName(AccessKind kind);

/// `read_file /tmp/x (openat)`, with ` -> ENOENT` appended when the call failed.
std::string DescribeAccess(const Access& access);

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_ACCESS_H_
