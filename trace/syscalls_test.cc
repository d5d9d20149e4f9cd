// SPDX-License-Identifier: MIT
// The syscall table (syscalls.def) agrees with libseccomp's, for both architectures it lists.
#include "trace/syscalls.h"

#include <gtest/gtest.h>
#include <linux/audit.h>
#include <seccomp.h>

#include <string>

namespace landlockc::trace {
namespace {

TEST(Syscalls, NumbersMatchLibseccompOnX86_64AndAarch64) {
  for (const TracedSyscall& call : TracedSyscalls()) {
    std::string name(call.name);
    int x86_64 = seccomp_syscall_resolve_name_arch(SCMP_ARCH_X86_64, name.c_str());
    int aarch64 = seccomp_syscall_resolve_name_arch(SCMP_ARCH_AARCH64, name.c_str());
    EXPECT_EQ(call.x86_64, x86_64 < 0 ? -1 : x86_64) << name;
    EXPECT_EQ(call.aarch64, aarch64 < 0 ? -1 : aarch64) << name;
  }
}

TEST(Syscalls, FindsCallsByArchitectureAndNumber) {
  ASSERT_TRUE(FindSyscall(AUDIT_ARCH_X86_64, 257).has_value());
  EXPECT_EQ(FindSyscall(AUDIT_ARCH_X86_64, 257)->name, "openat");
  EXPECT_EQ(FindSyscall(AUDIT_ARCH_AARCH64, 56)->name, "openat");
  EXPECT_FALSE(FindSyscall(AUDIT_ARCH_AARCH64, 2).has_value());  // no `open` on aarch64
  EXPECT_FALSE(FindSyscall(AUDIT_ARCH_X86_64, 0).has_value());   // `read` is not traced
}

TEST(Syscalls, FilterIsBuilt) {
  llvm::Expected<std::vector<sock_filter>> with_lookups = BuildSeccompFilter(true);
  llvm::Expected<std::vector<sock_filter>> without = BuildSeccompFilter(false);
  ASSERT_TRUE(static_cast<bool>(with_lookups)) << llvm::toString(with_lookups.takeError());
  ASSERT_TRUE(static_cast<bool>(without)) << llvm::toString(without.takeError());
  EXPECT_GT(with_lookups->size(), TracedSyscalls().size());
  EXPECT_LT(without->size(), with_lookups->size());
}

}  // namespace
}  // namespace landlockc::trace
