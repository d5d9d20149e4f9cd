// SPDX-License-Identifier: MIT
#include "convert/from_policy.h"

#include "compiler/model/names.h"
#include "llvm/ADT/STLExtras.h"

namespace landlockc::convert {
namespace {

constexpr const char* kTarget = "landlockconfig";

class Converter {
 public:
  Converter(bool lossy, diag::DiagnosticEngine& diags) : lossy_(lossy), diags_(diags) {}

  std::optional<Document> Convert(const model::Policy& policy) {
    if (policy.requires_abi != 0)
      Refuse("`requires abi " + std::to_string(policy.requires_abi) + "`",
             policy.requires_location);
    if (policy.threads_all) Refuse("`threads all`", policy.threads_location);
    for (size_t i = 1; i < policy.layers.size(); ++i)
      Refuse("a second layer (`layer " + policy.layers[i].name + "`)", policy.layers[i].location);
    Document document;
    // Every right is written out by name, so `abi` only records what the policy was written for.
    if (policy.abi_pinned) document.abi = policy.abi;
    if (!policy.layers.empty()) AddLayer(policy.layers.front(), document);
    if (refused_) return std::nullopt;
    return document;
  }

 private:
  void Refuse(const std::string& construct, const model::Location& where) {
    diags_.Report(lossy_ ? diag::DiagId::kDroppedInConversion : diag::DiagId::kNotConvertible,
                  where.range, construct, kTarget);
    refused_ = refused_ || !lossy_;
  }

  // The rights of `mask` landlockconfig cannot name, refused at `where`; returns what it can.
  uint64_t Nameable(abi::Category category, uint64_t mask, const std::string& what,
                    const model::Location& where) {
    uint64_t unnameable = mask & ~LandlockconfigRights(category);
    for (llvm::StringRef name : model::RightNames(category, unnameable))
      Refuse(what + " `" + name.str() + "`", where);
    return mask & LandlockconfigRights(category);
  }

  void AddLayer(const model::Layer& layer, Document& document) {
    if (layer.log_flags != 0) {
      std::string settings;
      for (llvm::StringRef setting : model::LogSettingNames(layer.log_flags))
        settings += (settings.empty() ? "" : ", ") + setting.str();
      Refuse("`log " + settings + "`", layer.log_location);
    }
    for (abi::Category category : {abi::Category::kFs, abi::Category::kNet, abi::Category::kScope})
      document.handled.Get(category) = Nameable(
          category, layer.handled.Get(category),
          "handling the " + model::CategoryName(category).str() + " right", layer.location);
    for (const model::FsGrant& grant : layer.fs_grants) {
      uint64_t rights = grant.rights & document.handled.fs;
      if (rights == 0) continue;
      if (grant.path.find('$') != std::string::npos) {
        Refuse("the environment variable in `" + grant.path + "`", grant.path_location);
        continue;
      }
      // One `allow ... optional;` is one construct, however many paths it names.
      if (grant.optional && !llvm::is_contained(optional_reported_, grant.location.range.Start)) {
        optional_reported_.push_back(grant.location.range.Start);
        Refuse("`optional`", grant.location);
      }
      AddPath(rights, grant.path, document);
    }
    for (const model::NetGrant& grant : layer.net_grants) {
      uint64_t rights = grant.rights & document.handled.net;
      if (rights == 0) continue;
      for (uint32_t port = grant.ports.low; port <= grant.ports.high; ++port)
        AddPort(rights, port, document);
    }
  }

  // Grants of the same rights share one entry, in the order of their first grant.
  static void AddPath(uint64_t rights, const std::string& path, Document& document) {
    auto same = llvm::find_if(document.path_beneath,
                              [&](const PathBeneath& rule) { return rule.access == rights; });
    if (same == document.path_beneath.end())
      same = document.path_beneath.insert(same, PathBeneath{rights, {}});
    if (!llvm::any_of(same->parents, [&](const Parent& parent) { return parent.text == path; }))
      same->parents.push_back({path, {}});
  }
  static void AddPort(uint64_t rights, uint64_t port, Document& document) {
    auto same = llvm::find_if(document.net_port,
                              [&](const NetPort& rule) { return rule.access == rights; });
    if (same == document.net_port.end()) same = document.net_port.insert(same, NetPort{rights, {}});
    if (llvm::none_of(same->ports, [&](const Port& known) { return known.number == port; }))
      same->ports.push_back({port, {}});
  }

  bool lossy_;
  diag::DiagnosticEngine& diags_;
  bool refused_ = false;
  std::vector<llvm::SMLoc> optional_reported_;
};

}  // namespace

std::optional<Document> PolicyToLandlockconfig(const model::Policy& policy, bool lossy,
                                               diag::DiagnosticEngine& diags) {
  return Converter(lossy, diags).Convert(policy);
}

}  // namespace landlockc::convert
