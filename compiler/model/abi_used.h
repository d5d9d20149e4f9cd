// SPDX-License-Identifier: MIT
// The highest Landlock ABI a checked policy uses: the one place that computes it. The checker
// stores it in `Policy::highest_abi_used`, the blob carries it, and the runtime's validator
// refuses a blob whose number disagrees with its contents.
#ifndef LANDLOCKC_COMPILER_MODEL_ABI_USED_H_
#define LANDLOCKC_COMPILER_MODEL_ABI_USED_H_

#include "compiler/model/model.h"

namespace landlockc::model {

/// The highest ABI any handled right, scope or restrict flag of `policy` needs (0 for none).
/// Grants are not counted: what they name is part of what their layer handles.
int HighestAbiUsed(const Policy& policy);

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_ABI_USED_H_
