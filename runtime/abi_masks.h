// The compatibility table folded at compile time into one mask per category and ABI, so the
// runtime masks with a table lookup and never carries the table's names.
#ifndef LANDLOCKC_RUNTIME_ABI_MASKS_H_
#define LANDLOCKC_RUNTIME_ABI_MASKS_H_

#include <stdint.h>

#include "runtime/abi_table.h"

namespace landlockc::abi {

// 32 bits hold every category's rights (fs, the widest, has 17) and every flag: half the table.
struct AbiMasks {
  uint32_t rights[kCategoryCount][kNewestAbi + 1];
  uint8_t flags[kNewestAbi + 1];
};
static_assert(RightsForAbi(Category::kFs, kNewestAbi) <= 0xffffffffu &&
                  RightsForAbi(Category::kNet, kNewestAbi) <= 0xffffffffu &&
                  RightsForAbi(Category::kScope, kNewestAbi) <= 0xffffffffu &&
                  RestrictFlagsForAbi(kNewestAbi) <= 0xffu,
              "a right or flag no longer fits the compact table");

constexpr AbiMasks MakeAbiMasks() {
  AbiMasks masks{};
  for (int version = 0; version <= kNewestAbi; ++version) {
    for (int category = 0; category < kCategoryCount; ++category)
      masks.rights[category][version] =
          static_cast<uint32_t>(RightsForAbi(static_cast<Category>(category), version));
    masks.flags[version] = static_cast<uint8_t>(RestrictFlagsForAbi(version));
  }
  return masks;
}

/// kAbiMasks.rights[category][abi] == RightsForAbi(category, abi), for abi in 0..kNewestAbi;
/// kAbiMasks.flags[abi] == RestrictFlagsForAbi(abi).
inline constexpr AbiMasks kAbiMasks = MakeAbiMasks();

}  // namespace landlockc::abi

#endif  // LANDLOCKC_RUNTIME_ABI_MASKS_H_
