// SPDX-License-Identifier: MIT
// "Did you mean" suggestions for misspelled names.
#ifndef LANDLOCKC_COMPILER_CHECK_SUGGEST_H_
#define LANDLOCKC_COMPILER_CHECK_SUGGEST_H_

#include <string>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::check {

/// The candidate closest to `name` by edit distance when it is close enough to be a likely typo
/// (at most a third of the name's length rounded up, at least 1), else an empty string. Ties go to
/// the earliest candidate.
std::string ClosestName(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates);

/// "; did you mean `x`?" for the closest candidate, or "" when none is close: the suffix that
/// `unknown-name` style messages append.
std::string DidYouMean(llvm::StringRef name, llvm::ArrayRef<llvm::StringRef> candidates);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_SUGGEST_H_
