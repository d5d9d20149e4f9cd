// SPDX-License-Identifier: MIT
// The compatibility table folded at compile time into one small number per category and ABI, so
// the runtime masks with a table lookup and never carries the table's names.
#ifndef LANDLOCKC_RUNTIME_ABI_MASKS_H_
#define LANDLOCKC_RUNTIME_ABI_MASKS_H_

#include <stdint.h>

#include "runtime/abi_table.h"

namespace landlockc::abi {

// Each category's rights, and the restrict flags, took bits from 0 upwards in ABI order, so the
// mask of an ABI is its lowest n bits: one byte per category and ABI holds it (a quarter of a
// table of masks). The static_assert below fails the build the day that stops being true.
struct AbiMasks {
  /// Rows: the categories in abi::Category order, then the restrict flags.
  uint8_t bit_counts[kCategoryCount + 1][kNewestAbi + 1];

  /// RightsForAbi(category, abi), for abi in 0..kNewestAbi.
  constexpr uint32_t Rights(int category, int abi) const {
    return (uint32_t{1} << bit_counts[category][abi]) - 1;
  }
  /// RestrictFlagsForAbi(abi), for abi in 0..kNewestAbi.
  constexpr uint32_t Flags(int abi) const { return Rights(kCategoryCount, abi); }
};

// The number of set bits of `mask`.
constexpr uint8_t BitCount(uint64_t mask) {
  uint8_t count = 0;
  for (; mask; mask &= mask - 1) ++count;
  return count;
}

constexpr AbiMasks MakeAbiMasks() {
  AbiMasks masks{};
  for (int version = 0; version <= kNewestAbi; ++version) {
    for (int category = 0; category < kCategoryCount; ++category)
      masks.bit_counts[category][version] =
          BitCount(RightsForAbi(static_cast<Category>(category), version));
    masks.bit_counts[kCategoryCount][version] = BitCount(RestrictFlagsForAbi(version));
  }
  return masks;
}

inline constexpr AbiMasks kAbiMasks = MakeAbiMasks();

constexpr bool MasksMatchTheTable() {
  for (int version = 0; version <= kNewestAbi; ++version) {
    for (int category = 0; category < kCategoryCount; ++category)
      if (kAbiMasks.Rights(category, version) !=
          RightsForAbi(static_cast<Category>(category), version))
        return false;
    if (kAbiMasks.Flags(version) != RestrictFlagsForAbi(version)) return false;
  }
  return true;
}
static_assert(MasksMatchTheTable(), "a right or flag no longer extends its category's low bits");

}  // namespace landlockc::abi

#endif  // LANDLOCKC_RUNTIME_ABI_MASKS_H_
