// SPDX-License-Identifier: MIT
#include "tests/support/sample_policies.h"

#include "compiler/codegen/codegen.h"
#include "compiler/model/abi_used.h"
#include "runtime/abi_table.h"

namespace landlockc::test_support {

PolicyBuilder::PolicyBuilder(int abi_version) { policy_.abi = abi_version; }

PolicyBuilder& PolicyBuilder::Requires(int abi_version) {
  policy_.requires_abi = abi_version;
  return *this;
}

PolicyBuilder& PolicyBuilder::ThreadsAll() {
  policy_.threads_all = true;
  return *this;
}

PolicyBuilder& PolicyBuilder::Layer(uint64_t fs, uint64_t net, uint64_t scope) {
  model::Layer& layer = policy_.layers.emplace_back();
  layer.name = "layer" + std::to_string(policy_.layers.size() - 1);
  layer.handled = layer.explicit_handled = {fs, net, scope};
  return *this;
}

PolicyBuilder& PolicyBuilder::DenyByDefault() {
  Layer(abi::RightsForAbi(abi::Category::kFs, policy_.abi),
        abi::RightsForAbi(abi::Category::kNet, policy_.abi),
        abi::RightsForAbi(abi::Category::kScope, policy_.abi));
  policy_.layers.back().explicit_handled = {};
  policy_.layers.back().deny_by_default = true;
  return *this;
}

PolicyBuilder& PolicyBuilder::Named(std::string name) {
  policy_.layers.back().name = std::move(name);
  return *this;
}

PolicyBuilder& PolicyBuilder::Log(uint32_t flags) {
  policy_.layers.back().log_flags = flags;
  return *this;
}

PolicyBuilder& PolicyBuilder::Fs(const std::string& path, uint64_t rights, bool optional) {
  model::Layer& layer = policy_.layers.back();
  model::FsGrant& grant = layer.fs_grants.emplace_back();
  grant.path = path;
  grant.requested = rights;
  grant.rights = rights & layer.handled.fs;
  grant.optional = optional;
  // As the checker records it: a right a grant names is named explicitly.
  layer.explicit_handled.fs |= grant.rights;
  return *this;
}

PolicyBuilder& PolicyBuilder::Net(uint16_t low, uint16_t high, uint64_t rights) {
  model::Layer& layer = policy_.layers.back();
  model::NetGrant& grant = layer.net_grants.emplace_back();
  grant.ports = {low, high};
  grant.requested = rights;
  grant.rights = rights & layer.handled.net;
  layer.explicit_handled.net |= grant.rights;
  return *this;
}

model::Policy PolicyBuilder::Build() const {
  model::Policy policy = policy_;
  policy.highest_abi_used = model::HighestAbiUsed(policy);
  return policy;
}

std::vector<uint8_t> PolicyBuilder::Blob() const { return codegen::EmitBlob(Build()); }

model::Policy TwoLayerPolicy() {
  return PolicyBuilder(7)
      .Requires(4)
      .DenyByDefault()
      .Named("base")
      .Log(LANDLOCK_RESTRICT_SELF_LOG_SAME_EXEC_OFF)
      .Fs("/srv/www", LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
      .Fs("${XDG_RUNTIME_DIR}/web", LANDLOCK_ACCESS_FS_WRITE_FILE, /*optional=*/true)
      .Net(8080, 8090, LANDLOCK_ACCESS_NET_BIND_TCP)
      .Layer(LANDLOCK_ACCESS_FS_EXECUTE)
      .Named("no_exec")
      .Fs("/usr/bin/convert", LANDLOCK_ACCESS_FS_EXECUTE)
      .Build();
}

}  // namespace landlockc::test_support
