// SPDX-License-Identifier: MIT
// The system calls the runtime makes, each through one function here. In the released library they
// are the calls themselves. A test build of the runtime (LANDLOCKC_FAULT_INJECTION, the library
// landlockc_runtime_faulty) asks runtime/fault_injection.h first whether a call is to fail, and
// with which errno: the released library's code, size and symbols stay as they are.
#ifndef LANDLOCKC_RUNTIME_SYSCALLS_H_
#define LANDLOCKC_RUNTIME_SYSCALLS_H_

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "runtime/uapi.h"

#ifdef LANDLOCKC_FAULT_INJECTION
#include "runtime/fault_injection.h"
// Returns -1 with errno set when the test asked this call to fail.
#define LANDLOCKC_MAYBE_FAIL(call)                                  \
  if (int injected = ::landlockc::runtime::fault::Injected(call)) { \
    errno = injected;                                               \
    return -1;                                                      \
  }
#else
#define LANDLOCKC_MAYBE_FAIL(call)
#endif

namespace landlockc::runtime::sys {

/// open(2).
inline int Open(const char* path, int flags) {
  LANDLOCKC_MAYBE_FAIL(fault::Call::kOpen)
  return open(path, flags);
}

/// fstat(2).
inline int Fstat(int fd, struct stat* file) {
  LANDLOCKC_MAYBE_FAIL(fault::Call::kFstat)
  return fstat(fd, file);
}

/// landlock_create_ruleset(2) (also the ABI probe, with LANDLOCK_CREATE_RULESET_VERSION).
inline long CreateRuleset(const uapi::RulesetAttr* attr, size_t size, uint32_t flags) {
  LANDLOCKC_MAYBE_FAIL(fault::Call::kCreateRuleset)
  return syscall(__NR_landlock_create_ruleset, attr, size, flags);
}

/// landlock_add_rule(2).
inline long AddRule(int ruleset_fd, uapi::RuleType type, const void* attr) {
  LANDLOCKC_MAYBE_FAIL(fault::Call::kAddRule)
  return syscall(__NR_landlock_add_rule, ruleset_fd, type, attr, 0);
}

/// prctl(PR_SET_NO_NEW_PRIVS, 1).
inline int SetNoNewPrivs() {
  LANDLOCKC_MAYBE_FAIL(fault::Call::kPrctl)
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
}

/// landlock_restrict_self(2).
inline long RestrictSelf(int ruleset_fd, uint32_t flags) {
  LANDLOCKC_MAYBE_FAIL(fault::Call::kRestrictSelf)
  return syscall(__NR_landlock_restrict_self, ruleset_fd, flags);
}

}  // namespace landlockc::runtime::sys

#undef LANDLOCKC_MAYBE_FAIL

#endif  // LANDLOCKC_RUNTIME_SYSCALLS_H_
