// SPDX-License-Identifier: MIT
#include "compiler/check/suggest.h"

#include <algorithm>

namespace landlockc::check {

std::string ClosestName(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates) {
  // A third of the length, rounded up: a swapped pair of letters (two edits) in a four-letter
  // name such as `raed` is still a typo of `read`.
  unsigned max_distance = std::max<unsigned>(1, (name.size() + 2) / 3);
  llvm::StringRef best;
  unsigned best_distance = max_distance + 1;
  for (llvm::StringRef candidate : candidates) {
    if (candidate == name) continue;
    // An abbreviation (`exec` for `execute`) is worth suggesting too; a typo within reach wins.
    if (name.size() >= 3 && candidate.startswith(name) && best.empty()) best = candidate;
    unsigned distance = name.edit_distance(candidate, /*AllowReplacements=*/true, max_distance);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best.str();
}

std::string DidYouMean(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates) {
  std::string closest = ClosestName(name, candidates);
  if (closest.empty()) return "";
  return "; did you mean `" + closest + "`?";
}

}  // namespace landlockc::check
