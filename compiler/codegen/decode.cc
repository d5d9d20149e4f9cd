// SPDX-License-Identifier: MIT
#include "compiler/codegen/decode.h"

#include <algorithm>

#include "compiler/diag/characters.h"
#include "compiler/model/names.h"
#include "landlockc/runtime.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"
#include "runtime/blob_format.h"
#include "runtime/blob_reader.h"

namespace landlockc::codegen {
namespace {

constexpr abi::Category kCategories[] = {abi::Category::kFs, abi::Category::kNet,
                                         abi::Category::kScope};

model::AccessSet ToAccessSet(const blob::Rights& rights) {
  model::AccessSet set;
  for (abi::Category category : kCategories)
    set.Get(category) = rights.bits[static_cast<int>(category)];
  return set;
}

model::AccessSet FullSet(int abi_version) {
  model::AccessSet set;
  for (abi::Category category : kCategories)
    set.Get(category) = abi::RightsForAbi(category, abi_version);
  return set;
}

// The runtime's validation message, word for word (runtime/apply.cc ValidateInto).
llvm::Error BlobError(const blob::Reader& reader, const blob::Header& header, int error) {
  std::string message =
      llvm::formatv("{0} (at byte {1})", landlockc_strerror(error), reader.ErrorOffset()).str();
  if (reader.ErrorOffset() == blob::kOffsetHighestAbi)
    message += llvm::formatv(": header says ABI {0}, contents need ABI {1}",
                             int{header.highest_abi_used}, int{reader.HighestAbiUsed()})
                   .str();
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

model::AccessSet NamedByGrants(const model::Layer& layer);

model::Layer DecodeLayer(blob::Reader& reader, int policy_abi) {
  blob::LayerHead head;
  reader.ReadLayer(&head);
  model::Layer layer;
  layer.name = head.name;
  layer.handled = ToAccessSet(head.handled);
  layer.explicit_handled = ToAccessSet(head.explicit_handled);
  layer.log_flags = head.log_flags;
  uint32_t count = 0;
  reader.ReadCount(&count, blob::kMinFsGrantSize);
  for (uint32_t i = 0; i < count; ++i) {
    blob::FsGrant grant;
    reader.ReadFsGrant(head, &grant);
    model::FsGrant& fs = layer.fs_grants.emplace_back();
    fs.path = grant.path;
    fs.requested = fs.rights = grant.rights;
    fs.optional = grant.optional;
  }
  reader.ReadCount(&count, blob::kMinNetGrantSize);
  for (uint32_t i = 0; i < count; ++i) {
    blob::NetGrant grant;
    reader.ReadNetGrant(head, &grant);
    model::NetGrant& net = layer.net_grants.emplace_back();
    net.ports = {grant.low, grant.high};
    net.requested = net.rights = grant.rights;
  }
  // The blob does not say whether the layer had `handle` lines; it reads as deny by default when
  // it handles everything and names explicitly only what its grants name.
  layer.deny_by_default =
      layer.handled == FullSet(policy_abi) && layer.explicit_handled == NamedByGrants(layer);
  return layer;
}

// A blob made by the compiler holds no control, bidi, invisible or look-alike character; one
// from elsewhere is shown with escapes the language refuses, never raw.
std::string Quote(llvm::StringRef text) { return "\"" + diag::EscapeForPolicyString(text) + "\""; }

// `mask` as a rights expression: predefined sets that fit wholly inside it, then single rights.
std::string RightsExpression(abi::Category category, uint64_t mask) {
  std::vector<model::PredefinedSet> sets(model::PredefinedSets().begin(),
                                         model::PredefinedSets().end());
  std::stable_sort(sets.begin(), sets.end(), [](const auto& a, const auto& b) {
    return llvm::countPopulation(a.mask) > llvm::countPopulation(b.mask);
  });
  std::vector<std::string> terms;
  for (const model::PredefinedSet& set : sets) {
    if (set.category == category && (set.mask & mask) == set.mask) {
      terms.push_back(set.name);
      mask &= ~set.mask;
    }
  }
  for (llvm::StringRef right : model::RightNames(category, mask)) terms.push_back(right.str());
  return llvm::join(terms, " + ");
}

// The rights a grant names explicitly when rendered: those the layer names explicitly anyway.
// Other rights are rendered through `all`, which names nothing (see GrantExpression).
uint64_t NamedGrantRights(const model::Layer& layer, abi::Category category, uint64_t rights) {
  uint64_t named = layer.explicit_handled.Get(category);
  return (rights & ~named) == 0 ? rights : 0;
}

// A grant's rights, written so that compiling it gives back the same explicit set: by name when
// the layer names them all explicitly, else as `all` or `all - (...)`, which name nothing.
std::string GrantExpression(const model::Layer& layer, abi::Category category, uint64_t rights) {
  if (NamedGrantRights(layer, category, rights)) return RightsExpression(category, rights);
  uint64_t handled = layer.handled.Get(category);
  if (rights == handled) return "all";
  return "all - (" + RightsExpression(category, handled & ~rights) + ")";
}

// What the checker makes explicit for a layer with no `handle` line: the rights its grants name.
model::AccessSet NamedByGrants(const model::Layer& layer) {
  model::AccessSet named;
  for (const model::FsGrant& grant : layer.fs_grants)
    named.fs |= NamedGrantRights(layer, abi::Category::kFs, grant.rights);
  for (const model::NetGrant& grant : layer.net_grants)
    named.net |= NamedGrantRights(layer, abi::Category::kNet, grant.rights);
  return named;
}

// `handle` lines that give back both the handled set and its explicit part: `all` (minus what the
// layer leaves out) covers the rights not named explicitly, a list of names the explicit ones.
void RenderHandleLines(const model::Layer& layer, int policy_abi, llvm::raw_ostream& os) {
  if (layer.deny_by_default) return;
  for (abi::Category category : kCategories) {
    uint64_t handled = layer.handled.Get(category);
    uint64_t named = layer.explicit_handled.Get(category);
    uint64_t full = abi::RightsForAbi(category, policy_abi);
    llvm::StringRef name = model::CategoryName(category);
    if (handled & ~named) {
      os << "    handle " << name << ": all";
      if (handled != full) os << " - (" << RightsExpression(category, full & ~handled) << ")";
      os << ";\n";
    }
    if (named) os << "    handle " << name << ": " << RightsExpression(category, named) << ";\n";
  }
}

void RenderLayer(const model::Layer& layer, int policy_abi, llvm::raw_ostream& os) {
  os << "\nlayer " << layer.name << " {\n";
  RenderHandleLines(layer, policy_abi, os);
  if (layer.log_flags)
    os << "    log " << llvm::join(model::LogSettingNames(layer.log_flags), ", ") << ";\n";
  for (const model::FsGrant& grant : layer.fs_grants) {
    os << "    allow " << GrantExpression(layer, abi::Category::kFs, grant.rights) << " on "
       << Quote(grant.path) << (grant.optional ? " optional" : "") << ";\n";
  }
  for (const model::NetGrant& grant : layer.net_grants) {
    os << "    allow " << GrantExpression(layer, abi::Category::kNet, grant.rights) << " on port "
       << grant.ports.low;
    if (grant.ports.high != grant.ports.low) os << ".." << grant.ports.high;
    os << ";\n";
  }
  os << "}\n";
}

}  // namespace

llvm::Expected<model::Policy> DecodeBlob(llvm::ArrayRef<uint8_t> bytes) {
  blob::Header header;
  blob::Reader validator(bytes.data(), bytes.size());
  if (int error = blob::Validate(validator, &header)) return BlobError(validator, header, error);

  // The bytes just validated, in this call.
  blob::Reader reader(bytes.data(), bytes.size());
  reader.SkipValidatedHeader(header);
  model::Policy policy;
  policy.abi = header.policy_abi;
  policy.abi_pinned = true;
  policy.requires_abi = header.requires_abi;
  policy.highest_abi_used = header.highest_abi_used;
  policy.threads_all = header.policy_flags & blob::kPolicyThreadsAll;
  for (int i = 0; i < header.layer_count; ++i)
    policy.layers.push_back(DecodeLayer(reader, header.policy_abi));
  return policy;
}

llvm::Expected<std::string> BlobToSource(llvm::ArrayRef<uint8_t> bytes) {
  llvm::Expected<model::Policy> policy = DecodeBlob(bytes);
  if (!policy) return policy.takeError();
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "# Decoded by `landlockc inspect` from a " << bytes.size() << "-byte policy blob.\n";
  os << "abi " << policy->abi << ";\n";
  if (policy->requires_abi) os << "requires abi " << policy->requires_abi << ";\n";
  if (policy->threads_all) os << "threads all;\n";
  for (const model::Layer& layer : policy->layers) RenderLayer(layer, policy->abi, os);
  return text;
}

}  // namespace landlockc::codegen
