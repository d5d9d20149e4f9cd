// SPDX-License-Identifier: MIT
// File names as the model's locations hold them: each distinct name stored once for the life of
// the process, so that a location is a view (a million grants of one file would otherwise hold a
// million copies of its name, most of the checked model's memory on large policies).
#ifndef LANDLOCKC_COMPILER_MODEL_FILE_NAMES_H_
#define LANDLOCKC_COMPILER_MODEL_FILE_NAMES_H_

#include "llvm/ADT/StringRef.h"

namespace landlockc::model {

/// The stored copy of `name`, valid until the process exits; equal names give the same view. An
/// empty name stays empty. Safe to call from several threads.
llvm::StringRef InternFileName(llvm::StringRef name);

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_FILE_NAMES_H_
