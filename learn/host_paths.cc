// SPDX-License-Identifier: MIT
#include "learn/host_paths.h"

#include <unistd.h>

#include "runtime/expand.h"
#include "trace/resolve.h"
#include "trace/tracer.h"

namespace landlockc::learn {

void ResolveGrantsOnHost(model::Policy& policy) {
  for (model::Layer& layer : policy.layers)
    for (model::FsGrant& grant : layer.fs_grants) {
      char buffer[trace::kMaxPathBytes];
      runtime::ExpandResult expanded =
          runtime::ExpandPath(grant.path.c_str(), environ, buffer, sizeof buffer);
      if (expanded.status == runtime::Expansion::kOk)
        grant.path = trace::ResolvePath(expanded.path, /*follow_last=*/true);
    }
}

}  // namespace landlockc::learn
