// SPDX-License-Identifier: MIT
#include "compiler/model/json.h"

#include "compiler/model/names.h"

namespace landlockc::model {
namespace {

llvm::json::Array NamesOf(abi::Category category, uint64_t mask) {
  llvm::json::Array names;
  for (llvm::StringRef name : RightNames(category, mask)) names.push_back(name);
  return names;
}

llvm::json::Object AccessSetToJson(const AccessSet& set) {
  return llvm::json::Object{{"fs", NamesOf(abi::Category::kFs, set.fs)},
                            {"net", NamesOf(abi::Category::kNet, set.net)},
                            {"scope", NamesOf(abi::Category::kScope, set.scope)}};
}

llvm::json::Value ViaToJson(const std::string& via_rules) {
  if (via_rules.empty()) return nullptr;
  return via_rules;
}

llvm::json::Value FsGrantToJson(const FsGrant& grant) {
  return llvm::json::Object{
      {"path", grant.path},
      {"rights", NamesOf(abi::Category::kFs, grant.rights)},
      {"requested", NamesOf(abi::Category::kFs, grant.requested)},
      {"optional", grant.optional},
      {"via", ViaToJson(grant.via_rules)},
      {"file", grant.location.file},
      {"line", grant.location.line},
      {"column", grant.location.column},
  };
}

llvm::json::Value NetGrantToJson(const NetGrant& grant) {
  return llvm::json::Object{
      {"ports", PortsToJson(grant.ports)},
      {"rights", NamesOf(abi::Category::kNet, grant.rights)},
      {"requested", NamesOf(abi::Category::kNet, grant.requested)},
      {"via", ViaToJson(grant.via_rules)},
      {"file", grant.location.file},
      {"line", grant.location.line},
      {"column", grant.location.column},
  };
}

llvm::json::Value LayerToJson(const Layer& layer) {
  llvm::json::Array log;
  for (llvm::StringRef setting : LogSettingNames(layer.log_flags)) log.push_back(setting);
  llvm::json::Array fs_grants;
  for (const FsGrant& grant : layer.fs_grants) fs_grants.push_back(FsGrantToJson(grant));
  llvm::json::Array net_grants;
  for (const NetGrant& grant : layer.net_grants) net_grants.push_back(NetGrantToJson(grant));
  return llvm::json::Object{
      {"name", layer.name},
      {"deny_by_default", layer.deny_by_default},
      {"handled", AccessSetToJson(layer.handled)},
      {"explicit", AccessSetToJson(layer.explicit_handled)},
      {"log", std::move(log)},
      {"fs_grants", std::move(fs_grants)},
      {"net_grants", std::move(net_grants)},
  };
}

}  // namespace

llvm::json::Value Versioned(llvm::json::Value document) {
  if (llvm::json::Object* object = document.getAsObject()) (*object)["version"] = kJsonVersion;
  return document;
}

llvm::json::Value PortsToJson(const PortRange& ports) {
  if (ports.low == ports.high) return ports.low;
  return llvm::json::Object{{"from", ports.low}, {"to", ports.high}};
}

llvm::json::Value PolicyToJson(const Policy& policy) {
  llvm::json::Array layers;
  for (const Layer& layer : policy.layers) layers.push_back(LayerToJson(layer));
  return llvm::json::Object{
      {"abi", policy.abi},
      {"abi_pinned", policy.abi_pinned},
      {"requires_abi", policy.requires_abi},
      {"threads", policy.threads_all},
      {"highest_abi_used", policy.highest_abi_used},
      {"layers", std::move(layers)},
  };
}

}  // namespace landlockc::model
