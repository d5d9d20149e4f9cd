// SPDX-License-Identifier: MIT
#include "learn/host_paths.h"

#include <unistd.h>

#include "lint/host_paths.h"

namespace landlockc::learn {

// The one host resolution every host-aware command uses (lint/host_paths.h): the runtime's
// expansion, then the kernel's path walk.
void ResolveGrantsOnHost(model::Policy& policy) {
  lint::LookupCache cache;
  for (model::Layer& layer : policy.layers)
    for (model::FsGrant& grant : layer.fs_grants) {
      lint::HostExpansion expanded = lint::ExpandOnHost(grant.path, environ);
      if (expanded.ok) grant.path = lint::ResolveOnHost(expanded.path, cache).path;
    }
}

}  // namespace landlockc::learn
