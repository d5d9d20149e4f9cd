// SPDX-License-Identifier: MIT
#include "compiler/codegen/blob_json.h"

#include "compiler/codegen/decode.h"
#include "compiler/model/json.h"
#include "compiler/model/names.h"
#include "runtime/abi_table.h"
#include "runtime/blob_format.h"

namespace landlockc::codegen {
namespace {

constexpr abi::Category kCategories[] = {abi::Category::kFs, abi::Category::kNet,
                                         abi::Category::kScope};

llvm::json::Object RightsJson(const model::AccessSet& set) {
  llvm::json::Object object;
  for (abi::Category category : kCategories) {
    llvm::json::Array names;
    for (llvm::StringRef right : model::RightNames(category, set.Get(category)))
      names.push_back(right);
    object[model::CategoryName(category)] = std::move(names);
  }
  return object;
}

llvm::json::Value LayerJson(const model::Layer& layer) {
  llvm::json::Array log;
  for (llvm::StringRef setting : model::LogSettingNames(layer.log_flags)) log.push_back(setting);
  llvm::json::Array fs_grants;
  for (const model::FsGrant& grant : layer.fs_grants) {
    llvm::json::Array rights;
    for (llvm::StringRef right : model::RightNames(abi::Category::kFs, grant.rights))
      rights.push_back(right);
    fs_grants.push_back(llvm::json::Object{
        {"path", grant.path}, {"rights", std::move(rights)}, {"optional", grant.optional}});
  }
  llvm::json::Array net_grants;
  for (const model::NetGrant& grant : layer.net_grants) {
    llvm::json::Array rights;
    for (llvm::StringRef right : model::RightNames(abi::Category::kNet, grant.rights))
      rights.push_back(right);
    net_grants.push_back(llvm::json::Object{{"ports", model::PortsToJson(grant.ports)},
                                            {"rights", std::move(rights)}});
  }
  return llvm::json::Object{{"name", layer.name},
                            {"deny_by_default", layer.deny_by_default},
                            {"handled", RightsJson(layer.handled)},
                            {"explicit", RightsJson(layer.explicit_handled)},
                            {"log", std::move(log)},
                            {"fs_grants", std::move(fs_grants)},
                            {"net_grants", std::move(net_grants)}};
}

}  // namespace

llvm::Expected<llvm::json::Value> BlobToJson(llvm::ArrayRef<uint8_t> bytes) {
  llvm::Expected<model::Policy> policy = DecodeBlob(bytes);
  if (!policy) return policy.takeError();
  llvm::json::Array layers;
  for (const model::Layer& layer : policy->layers) layers.push_back(LayerJson(layer));
  return llvm::json::Object{{"format_version", blob::kVersion},
                            {"size", static_cast<int64_t>(bytes.size())},
                            {"abi", policy->abi},
                            {"requires_abi", policy->requires_abi},
                            {"highest_abi_used", policy->highest_abi_used},
                            {"threads", policy->threads_all},
                            {"layers", std::move(layers)}};
}

}  // namespace landlockc::codegen
