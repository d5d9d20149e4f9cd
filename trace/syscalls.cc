// SPDX-License-Identifier: MIT
#include "trace/syscalls.h"

#include <linux/audit.h>
#include <seccomp.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

namespace landlockc::trace {

const std::vector<TracedSyscall>& TracedSyscalls() {
  static const std::vector<TracedSyscall> table = {
#define LANDLOCKC_TRACE_SYSCALL(name, x86_64, aarch64, handler) \
  {#name, x86_64, aarch64, Handler::handler},
#include "trace/syscalls.def"
#undef LANDLOCKC_TRACE_SYSCALL
  };
  return table;
}

uint32_t NativeAuditArch() {
#if defined(__x86_64__)
  return AUDIT_ARCH_X86_64;
#elif defined(__aarch64__)
  return AUDIT_ARCH_AARCH64;
#else
#error "the tracer knows the system calls of x86-64 and aarch64 only (trace/syscalls.def)"
#endif
}

std::optional<TracedSyscall> FindSyscall(uint32_t arch, uint64_t nr) {
  for (const TracedSyscall& call : TracedSyscalls()) {
    int number = arch == AUDIT_ARCH_X86_64    ? call.x86_64
                 : arch == AUDIT_ARCH_AARCH64 ? call.aarch64
                                              : -1;
    if (number >= 0 && static_cast<uint64_t>(number) == nr) return call;
  }
  return std::nullopt;
}

bool IsLookup(Handler handler) {
  switch (handler) {
    case Handler::kStat:
    case Handler::kLstat:
    case Handler::kFstatAt:
    case Handler::kStatx:
    case Handler::kAccess:
    case Handler::kFaccessAt:
      return true;
    default:
      return false;
  }
}

llvm::Expected<std::vector<sock_filter>> BuildSeccompFilter(bool lookups) {
  auto fail = [](const char* what, int error) {
    return llvm::createStringError(std::errc::operation_not_supported,
                                   "cannot build the seccomp filter: %s: %s", what,
                                   std::strerror(-error));
  };
  std::unique_ptr<void, void (*)(scmp_filter_ctx)> context(seccomp_init(SCMP_ACT_ALLOW),
                                                           seccomp_release);
  if (!context) return fail("seccomp_init", -ENOMEM);
  if (int error = seccomp_attr_set(context.get(), SCMP_FLTATR_ACT_BADARCH,
                                   SCMP_ACT_TRACE(kForeignArchData)))
    return fail("bad-architecture action", error);
  for (const TracedSyscall& call : TracedSyscalls()) {
    int number = NativeAuditArch() == AUDIT_ARCH_X86_64 ? call.x86_64 : call.aarch64;
    if (number < 0 || (!lookups && IsLookup(call.handler))) continue;
    if (int error = seccomp_rule_add(context.get(), SCMP_ACT_TRACE(0), number, 0))
      return fail(call.name.data(), error);
  }
  // libseccomp 2.5 exports BPF to a file descriptor only: export into memory and read it back.
  int memory = memfd_create("landlockc-seccomp", MFD_CLOEXEC);
  if (memory < 0) return fail("memfd_create", -errno);
  std::vector<sock_filter> program;
  int error = seccomp_export_bpf(context.get(), memory);
  off_t size = error == 0 ? lseek(memory, 0, SEEK_END) : -1;
  if (size > 0 && size % sizeof(sock_filter) == 0) {
    program.resize(static_cast<size_t>(size) / sizeof(sock_filter));
    if (pread(memory, program.data(), static_cast<size_t>(size), 0) != size) program.clear();
  }
  close(memory);
  if (program.empty()) return fail("export", error ? error : -EIO);
  return program;
}

}  // namespace landlockc::trace
