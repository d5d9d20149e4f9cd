// SPDX-License-Identifier: MIT
// Grant paths as the kernel will see them on this host, through the one host resolution
// (lint/host_paths.h: the runtime's `${VAR}` expansion, then the kernel's path walk), so that the
// access model can compare them with the paths the tracer records, which it resolves the same way.
#ifndef LANDLOCKC_LEARN_HOST_PATHS_H_
#define LANDLOCKC_LEARN_HOST_PATHS_H_

#include "compiler/model/model.h"

namespace landlockc::learn {

/// Rewrites every fs grant path of `policy` as resolved on this host; a path whose variable is
/// unset (or otherwise does not expand) is left as written.
void ResolveGrantsOnHost(model::Policy& policy);

}  // namespace landlockc::learn

#endif  // LANDLOCKC_LEARN_HOST_PATHS_H_
