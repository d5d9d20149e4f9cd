// SPDX-License-Identifier: MIT
// The blob format: the one definition the compiler writes and the runtime reads
// (docs/blob-format.md walks through an example byte by byte).
//
//   header, 24 bytes, little-endian:
//     0  4  magic "LLPB"
//     4  1  format version (kVersion)
//     5  1  policy ABI: the `abi N` the policy is written for (1..kNewestAbi)
//     6  1  `requires abi` (0: none; at most the policy ABI)
//     7  1  highest ABI any right or flag of the policy uses (at most the policy ABI)
//     8  1  layer count (1..kMaxLayers)
//     9  1  policy flags (kPolicyThreadsAll; other bits must be zero)
//    10  2  reserved, zero
//    12  4  total size of the blob in bytes
//    16  8  checksum: FNV-1a 64 of the whole blob, these 8 bytes read as zero
//   body, numbers as unsigned LEB128 varints in their shortest form, strings NUL-terminated:
//     per layer: log flags (1 byte), name, handled fs, net, scope, explicit fs, net, scope,
//       fs grant count, per fs grant in ascending byte order of paths (front coding): the
//       length of the prefix its path shares with the previous grant's path in the layer (0 for
//       the first), the rest of the path, (rights << 1 | optional),
//       net grant count, per net grant: rights, low port, high - low
//   nothing after the last layer.
//
// Freestanding (no standard library): the runtime includes it.
#ifndef LANDLOCKC_RUNTIME_BLOB_FORMAT_H_
#define LANDLOCKC_RUNTIME_BLOB_FORMAT_H_

#include <stddef.h>
#include <stdint.h>

#include "runtime/abi_table.h"

namespace landlockc::blob {

inline constexpr uint8_t kMagic[4] = {'L', 'L', 'P', 'B'};
inline constexpr uint8_t kVersion = 2;

inline constexpr size_t kHeaderSize = 24;
inline constexpr size_t kOffsetVersion = 4;
inline constexpr size_t kOffsetPolicyAbi = 5;
inline constexpr size_t kOffsetRequiresAbi = 6;
inline constexpr size_t kOffsetHighestAbi = 7;
inline constexpr size_t kOffsetLayerCount = 8;
inline constexpr size_t kOffsetPolicyFlags = 9;
inline constexpr size_t kOffsetReserved = 10;
inline constexpr size_t kOffsetTotalSize = 12;
inline constexpr size_t kOffsetChecksum = 16;

/// Policy flag: `threads all;` (LANDLOCK_RESTRICT_SELF_TSYNC on every layer).
inline constexpr uint8_t kPolicyThreadsAll = 1u << 0;
inline constexpr uint8_t kPolicyFlagsKnown = kPolicyThreadsAll;

/// The layer flags byte holds the layer's `log` flags, as landlock_restrict_self takes them.
inline constexpr uint8_t kLayerLogFlagsKnown = LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF |
                                               LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON |
                                               LANDLOCK_RESTRICT_SELF_LOG_SUBDOMAINS_OFF;

/// Low bit of an fs grant's rights varint.
inline constexpr uint64_t kFsGrantOptional = 1;

/// Longest string (without its NUL): an expanded path must fit PATH_MAX with its NUL anyway.
inline constexpr size_t kMaxStringLength = 4095;
inline constexpr uint16_t kMaxPort = 65535;
/// The most kernel rules one layer adds (landlock_add_rule calls): one per path grant, one per port
/// of each port grant. 2^20: room for every port granted once per network right (four: bind and
/// connect, TCP and UDP) four times over, and for the million path grants of the policy that
/// `scripts/bench-compare --big` compiles, while still bounding the system calls a blob makes the
/// runtime spend per layer.
inline constexpr uint32_t kMaxRulesPerLayer = uint32_t{1} << 20;
/// The largest blob (total size) the runtime reads: LANDLOCKC_MAX_BLOB_SIZE (landlockc/runtime.h,
/// static_assert in apply.cc). The compiler refuses a policy whose blob would be larger.
inline constexpr uint32_t kMaxBlobSize = uint32_t{8} << 20;
/// A varint of a 64-bit value takes at most 10 bytes.
inline constexpr size_t kMaxVarintSize = 10;

inline constexpr uint64_t kFnvOffsetBasis = 0xcbf29ce484222325ull;
inline constexpr uint64_t kFnvPrime = 0x100000001b3ull;

/// FNV-1a 64 over `size` bytes, the checksum field's 8 bytes read as zero. Catches every
/// single-byte change (each step is a bijection of the state).
constexpr uint64_t Checksum(const uint8_t* data, size_t size) {
  uint64_t hash = kFnvOffsetBasis;
  for (size_t i = 0; i < size; ++i) {
    uint8_t byte = (i >= kOffsetChecksum && i < kOffsetChecksum + 8) ? 0 : data[i];
    hash = (hash ^ byte) * kFnvPrime;
  }
  return hash;
}

// Always inlined: one load in place of a call (GCC at -Os kept it out of line).
[[gnu::always_inline]] constexpr uint32_t LoadLe32(const uint8_t* p) {
  return uint32_t{p[0]} | uint32_t{p[1]} << 8 | uint32_t{p[2]} << 16 | uint32_t{p[3]} << 24;
}

constexpr uint64_t LoadLe64(const uint8_t* p) {
  return uint64_t{LoadLe32(p)} | uint64_t{LoadLe32(p + 4)} << 32;
}

constexpr void StoreLe32(uint8_t* p, uint32_t value) {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<uint8_t>(value >> (8 * i));
}

constexpr void StoreLe64(uint8_t* p, uint64_t value) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<uint8_t>(value >> (8 * i));
}

/// Writes `value` as a shortest-form LEB128 varint into `out`; returns the bytes written.
constexpr size_t EncodeVarint(uint64_t value, uint8_t out[kMaxVarintSize]) {
  size_t n = 0;
  while (value >= 0x80) {
    out[n++] = static_cast<uint8_t>(value | 0x80);
    value >>= 7;
  }
  out[n++] = static_cast<uint8_t>(value);
  return n;
}

/// Writes the total size and then the checksum into a complete blob's header.
constexpr void Seal(uint8_t* data, size_t size) {
  StoreLe32(data + kOffsetTotalSize, static_cast<uint32_t>(size));
  StoreLe64(data + kOffsetChecksum, Checksum(data, size));
}

/// Rights of each category, indexed by abi::Category.
struct Rights {
  uint64_t bits[abi::kCategoryCount];
};

/// The header's fields, decoded.
struct Header {
  uint8_t version;
  uint8_t policy_abi;
  uint8_t requires_abi;
  uint8_t highest_abi_used;
  uint8_t layer_count;
  uint8_t policy_flags;
  uint32_t total_size;
};

/// A layer's fixed part; its grants follow.
struct LayerHead {
  uint8_t log_flags;
  const char* name;  // in the blob
  Rights handled;
  Rights explicit_handled;
};

struct FsGrant {
  const char* path;  // in the reader, until it reads the next grant
  uint64_t rights;
  bool optional;
};

struct NetGrant {
  uint64_t rights;
  uint16_t low;
  uint16_t high;
};

}  // namespace landlockc::blob

#endif  // LANDLOCKC_RUNTIME_BLOB_FORMAT_H_
