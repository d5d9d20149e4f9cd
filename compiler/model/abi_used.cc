// SPDX-License-Identifier: MIT
#include "compiler/model/abi_used.h"

#include <algorithm>

namespace landlockc::model {

int HighestAbiUsed(const Policy& policy) {
  int highest = policy.threads_all ? abi::AbiNeededForFlags(LANDLOCK_RESTRICT_SELF_TSYNC) : 0;
  for (const Layer& layer : policy.layers) {
    for (int category = 0; category < abi::kCategoryCount; ++category) {
      auto each = static_cast<abi::Category>(category);
      highest = std::max(highest, abi::AbiNeededFor(each, layer.handled.Get(each)));
    }
    highest = std::max(highest, abi::AbiNeededForFlags(layer.log_flags));
  }
  return highest;
}

}  // namespace landlockc::model
