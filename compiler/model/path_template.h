// SPDX-License-Identifier: MIT
// The syntax of a policy path: what the model holds in FsGrant::path, and the one normalization
// that the compiler applies to policy paths and the tools apply to paths users type.
#ifndef LANDLOCKC_COMPILER_MODEL_PATH_TEMPLATE_H_
#define LANDLOCKC_COMPILER_MODEL_PATH_TEMPLATE_H_

#include <string>

#include "llvm/ADT/StringRef.h"
#include "runtime/blob_format.h"

namespace landlockc::model {

/// The longest normalized path accepted: the longest string the blob holds (the kernel's
/// PATH_MAX less the final NUL).
inline constexpr size_t kMaxPathLength = blob::kMaxStringLength;

/// Why a path was refused (kNone: it was not).
enum class PathProblem { kNone, kEmpty, kRelative, kDotDot, kInvalid, kTooLong };

/// A normalized path, or the problem that stopped it (with a reason for kInvalid).
struct NormalizedPath {
  std::string path;
  PathProblem problem = PathProblem::kNone;
  std::string reason;
};

/// Normalizes `text`: empty and `.` components and a trailing `/` dropped, each variable spelled
/// `${NAME}`. A path starts with `/` or with a variable (whose value the runtime requires to be
/// absolute); a variable, `$NAME` or `${NAME}`, must start a component and may be followed by plain
/// text in it. Refuses empty, relative, `..`, malformed and over-long paths.
NormalizedPath NormalizePathTemplate(llvm::StringRef text);

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_PATH_TEMPLATE_H_
