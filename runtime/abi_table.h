// SPDX-License-Identifier: MIT
// The compatibility table: every Landlock right, scope and restrict flag, the ABI that introduced
// it, and the kernel versions and distributions that ship each ABI. Compiler, runtime and linter
// all read this one table; nothing else in the project may hard-code an ABI number for a right.
//
// Freestanding: no standard library, so the runtime can include it.
#ifndef LANDLOCKC_RUNTIME_ABI_TABLE_H_
#define LANDLOCKC_RUNTIME_ABI_TABLE_H_

#include <stdint.h>

#include "runtime/uapi.h"

namespace landlockc::abi {

/// The newest Landlock ABI this toolchain knows.
inline constexpr int kNewestAbi = 10;

/// Kernel limit on stacked Landlock domains, and so on layers in one policy.
inline constexpr int kMaxLayers = 16;

enum class Category : uint8_t { kFs = 0, kNet = 1, kScope = 2 };
inline constexpr int kCategoryCount = 3;

/// One access right or scope, named as the policy language names it.
struct Right {
  const char* name;
  Category category;
  uint64_t bit;
  uint8_t abi;
};

inline constexpr Right kRights[] = {
    {"execute", Category::kFs, LANDLOCK_ACCESS_FS_EXECUTE, 1},
    {"write_file", Category::kFs, LANDLOCK_ACCESS_FS_WRITE_FILE, 1},
    {"read_file", Category::kFs, LANDLOCK_ACCESS_FS_READ_FILE, 1},
    {"read_dir", Category::kFs, LANDLOCK_ACCESS_FS_READ_DIR, 1},
    {"remove_dir", Category::kFs, LANDLOCK_ACCESS_FS_REMOVE_DIR, 1},
    {"remove_file", Category::kFs, LANDLOCK_ACCESS_FS_REMOVE_FILE, 1},
    {"make_char", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_CHAR, 1},
    {"make_dir", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_DIR, 1},
    {"make_reg", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_REG, 1},
    {"make_sock", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_SOCK, 1},
    {"make_fifo", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_FIFO, 1},
    {"make_block", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_BLOCK, 1},
    {"make_sym", Category::kFs, LANDLOCK_ACCESS_FS_MAKE_SYM, 1},
    {"refer", Category::kFs, LANDLOCK_ACCESS_FS_REFER, 2},
    {"truncate", Category::kFs, LANDLOCK_ACCESS_FS_TRUNCATE, 3},
    {"ioctl_dev", Category::kFs, LANDLOCK_ACCESS_FS_IOCTL_DEV, 5},
    {"resolve_unix", Category::kFs, LANDLOCK_ACCESS_FS_RESOLVE_UNIX, 9},
    {"bind_tcp", Category::kNet, LANDLOCK_ACCESS_NET_BIND_TCP, 4},
    {"connect_tcp", Category::kNet, LANDLOCK_ACCESS_NET_CONNECT_TCP, 4},
    {"bind_udp", Category::kNet, LANDLOCK_ACCESS_NET_BIND_UDP, 10},
    {"connect_send_udp", Category::kNet, LANDLOCK_ACCESS_NET_CONNECT_SEND_UDP, 10},
    {"abstract_unix_socket", Category::kScope, LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET, 6},
    {"signal", Category::kScope, LANDLOCK_SCOPE_SIGNAL, 6},
};
inline constexpr int kRightCount = sizeof(kRights) / sizeof(kRights[0]);

/// A `landlock_restrict_self` flag and the policy statement that sets it.
struct RestrictFlag {
  const char*
      name;  // as `log` and `threads` spell it: "same_exec", "new_exec", "subdomains", "tsync"
  uint32_t bit;
  uint8_t abi;
  /// The value of the `log` setting that sets the flag, turning the setting away from its
  /// default ("off" or "on"); nullptr for a flag that `log` does not set (`threads all` sets
  /// tsync).
  const char* log_value;
};

inline constexpr RestrictFlag kRestrictFlags[] = {
    {"same_exec", LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF, 7, "off"},
    {"new_exec", LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON, 7, "on"},
    {"subdomains", LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF, 7, "off"},
    {"tsync", LANDLOCK_RESTRICT_SELF_TSYNC, 8, nullptr},
};
inline constexpr int kRestrictFlagCount = sizeof(kRestrictFlags) / sizeof(kRestrictFlags[0]);

/// The flag of the `log` setting spelled by the `size` bytes at `word`, or nullptr when `log` has
/// no such setting.
constexpr const RestrictFlag* FindLogFlag(const char* word, unsigned long size) {
  for (const RestrictFlag& flag : kRestrictFlags) {
    if (flag.log_value == nullptr) continue;
    unsigned long i = 0;
    while (i < size && flag.name[i] != '\0' && flag.name[i] == word[i]) ++i;
    if (i == size && flag.name[i] == '\0') return &flag;
  }
  return nullptr;
}

/// fs rights that apply to a non-directory; the kernel rejects the others on a file.
inline constexpr uint64_t kFileRights =
    LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_READ_FILE |
    LANDLOCK_ACCESS_FS_TRUNCATE | LANDLOCK_ACCESS_FS_IOCTL_DEV | LANDLOCK_ACCESS_FS_RESOLVE_UNIX;

/// Every right of `category` that a kernel of ABI `abi` supports (0 below ABI 1).
constexpr uint64_t RightsForAbi(Category category, int abi) {
  uint64_t mask = 0;
  for (const Right& right : kRights)
    if (right.category == category && right.abi <= abi) mask |= right.bit;
  return mask;
}

/// Every restrict flag that a kernel of ABI `abi` supports.
constexpr uint32_t RestrictFlagsForAbi(int abi) {
  uint32_t mask = 0;
  for (const RestrictFlag& flag : kRestrictFlags)
    if (flag.abi <= abi) mask |= flag.bit;
  return mask;
}

/// The ABI that introduced the right `bit` of `category`, or 0 when no such right exists.
constexpr int AbiOfRight(Category category, uint64_t bit) {
  for (const Right& right : kRights)
    if (right.category == category && right.bit == bit) return right.abi;
  return 0;
}

/// The lowest ABI that supports every right in `mask` of `category` (0 for an empty mask).
constexpr int AbiNeededFor(Category category, uint64_t mask) {
  int needed = 0;
  for (const Right& right : kRights)
    if (right.category == category && (mask & right.bit) && right.abi > needed) needed = right.abi;
  return needed;
}

/// The first ABI with a right of `category`: where that category begins.
constexpr int FirstAbiOf(Category category) {
  int first = 0;
  for (const Right& right : kRights)
    if (right.category == category && (first == 0 || right.abi < first)) first = right.abi;
  return first;
}

/// The lowest ABI that supports every flag in `flags` (0 for none).
constexpr int AbiNeededForFlags(uint32_t flags) {
  int needed = 0;
  for (const RestrictFlag& flag : kRestrictFlags)
    if ((flags & flag.bit) && flag.abi > needed) needed = flag.abi;
  return needed;
}

/// A mainline kernel release that introduced an ABI.
struct KernelRelease {
  int major;
  int minor;
  int abi;
};

inline constexpr KernelRelease kKernelReleases[] = {
    {5, 13, 1}, {5, 19, 2}, {6, 2, 3}, {6, 7, 4}, {6, 10, 5},
    {6, 12, 6}, {6, 15, 7}, {7, 0, 8}, {7, 1, 9}, {7, 2, 10},
};

/// The ABI of mainline kernel `major.minor`: the newest release not after it (0: no Landlock).
constexpr int AbiOfKernel(int major, int minor) {
  int abi = 0;
  for (const KernelRelease& release : kKernelReleases)
    if (major > release.major || (major == release.major && minor >= release.minor))
      abi = release.abi;
  return abi;
}

/// A distribution's default kernel and the ABI it enables (0: no Landlock).
struct Distribution {
  const char* name;
  int abi;
};

inline constexpr Distribution kDistributions[] = {
    {"arch", kNewestAbi},   {"debian-11", 0},    {"debian-12", 2}, {"debian-13", 6},
    {"fedora", kNewestAbi}, {"rhel-10", 6},      {"rhel-9", 5},    {"ubuntu-20.04", 0},
    {"ubuntu-22.04", 1},    {"ubuntu-24.04", 4},
};

}  // namespace landlockc::abi

#endif  // LANDLOCKC_RUNTIME_ABI_TABLE_H_
