// SPDX-License-Identifier: MIT
// Grant paths as the kernel will see them on this host: `${VAR}`s expanded from the environment by
// the runtime's expansion, then symlinks resolved (trace/resolve.h), so that the access model can
// compare them with the resolved paths the tracer records. (The `host` work resolves paths for
// `explain` the same way; the two can share one implementation once both exist.)
#ifndef LANDLOCKC_LEARN_HOST_PATHS_H_
#define LANDLOCKC_LEARN_HOST_PATHS_H_

#include "compiler/model/model.h"

namespace landlockc::learn {

/// Rewrites every fs grant path of `policy` as resolved on this host; a path whose variable is
/// unset (or otherwise does not expand) is left as written.
void ResolveGrantsOnHost(model::Policy& policy);

}  // namespace landlockc::learn

#endif  // LANDLOCKC_LEARN_HOST_PATHS_H_
