// SPDX-License-Identifier: MIT
// The traced system calls (syscalls.def) by architecture, and the seccomp filter that stops a
// process at them.
#ifndef LANDLOCKC_TRACE_SYSCALLS_H_
#define LANDLOCKC_TRACE_SYSCALLS_H_

#include <linux/filter.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "llvm/Support/Error.h"

namespace landlockc::trace {

/// How the tracer decodes a call's arguments.
enum class Handler : uint8_t {
  kOpen,
  kCreat,
  kOpenAt,
  kOpenAt2,
  kExecve,
  kExecveAt,
  kMkdir,
  kMkdirAt,
  kMknod,
  kMknodAt,
  kUnlink,
  kRmdir,
  kUnlinkAt,
  kSymlink,
  kSymlinkAt,
  kLink,
  kLinkAt,
  kRename,
  kRenameAt,
  kRenameAt2,
  kTruncate,
  kFtruncate,
  kIoctl,
  kStat,
  kLstat,
  kFstatAt,
  kStatx,
  kAccess,
  kFaccessAt,
  kBind,
  kConnect,
  kSendTo,
  kSendMsg,
  kSendMmsg,
  kKill,
  kTkill,
  kTgkill,
  kPidfdSendSignal,
  kChdir,
  kUnshare,
  kRemount,
  kIoUringSetup,
};

/// One traced call.
struct TracedSyscall {
  std::string_view name;
  int x86_64;
  int aarch64;
  Handler handler;
};

/// True for the calls that only look a path up (stat, access): Landlock does not restrict them.
bool IsLookup(Handler handler);

/// Every traced call, in syscalls.def order.
const std::vector<TracedSyscall>& TracedSyscalls();

/// The AUDIT_ARCH_* value of the architecture the tracer was built for.
uint32_t NativeAuditArch();

/// The traced call with number `nr` on audit architecture `arch`, if it is one.
std::optional<TracedSyscall> FindSyscall(uint32_t arch, uint64_t nr);

/// A seccomp program (for the native architecture, built by libseccomp) that returns
/// SECCOMP_RET_TRACE for the traced calls (the lookups only when `lookups`: they are the most
/// frequent file calls, and need no right) and lets every other call run; a call of another
/// architecture (x32, i386) also returns SECCOMP_RET_TRACE, with data kForeignArchData, so the
/// tracer can refuse what it cannot decode.
llvm::Expected<std::vector<sock_filter>> BuildSeccompFilter(bool lookups);

/// The SECCOMP_RET_DATA of a stop for a call of a foreign architecture.
inline constexpr uint16_t kForeignArchData = 1;

}  // namespace landlockc::trace

#endif  // LANDLOCKC_TRACE_SYSCALLS_H_
