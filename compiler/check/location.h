// SPDX-License-Identifier: MIT
// Source ranges as the model and the messages of diagnostics show them.
#ifndef LANDLOCKC_COMPILER_CHECK_LOCATION_H_
#define LANDLOCKC_COMPILER_CHECK_LOCATION_H_

#include <string>

#include "compiler/model/model.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::check {

/// Resolves `range` to its buffer's name and 1-based line and column (the end one past the last
/// character). An invalid range gives a Location holding only the invalid range.
model::Location ResolveLocation(const llvm::SourceMgr& source_mgr, llvm::SMRange range);

/// The source text `range` covers (empty for an invalid range).
llvm::StringRef SourceText(llvm::SMRange range);

/// `text` as a message quotes it: NUL and control characters escaped, and cut to 64 characters
/// with "..." so that a hostile 5 MB string does not flood the terminal.
std::string Excerpt(llvm::StringRef text);

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_LOCATION_H_
