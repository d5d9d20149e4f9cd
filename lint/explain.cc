// SPDX-License-Identifier: MIT
#include "lint/explain.h"

#include "compiler/model/names.h"
#include "compiler/model/path_template.h"
#include "lint/describe.h"
#include "lint/host_paths.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"
#include "runtime/blob_format.h"

namespace landlockc::lint {
namespace {

llvm::Error RequestError(const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

// The rights a `--access` expression names: one category, one or more rights.
struct RequestedRights {
  abi::Category category = abi::Category::kFs;
  uint64_t mask = 0;
};

// The right or predefined set called `name` (not `all`), or an error suggesting the closest name.
llvm::Expected<RequestedRights> FindNamedRights(llvm::StringRef name) {
  if (const abi::Right* right = model::FindRight(name))
    return RequestedRights{right->category, right->bit};
  if (const model::PredefinedSet* set = model::FindPredefinedSet(name))
    return RequestedRights{set->category, set->mask};
  llvm::StringRef closest;
  unsigned best = 4;
  auto consider = [&](llvm::StringRef candidate) {
    unsigned distance = name.edit_distance(candidate, true, best);
    if (distance < best) {
      best = distance;
      closest = candidate;
    }
  };
  for (const abi::Right& right : abi::kRights) consider(right.name);
  for (const model::PredefinedSet& set : model::PredefinedSets()) consider(set.name);
  std::string message = llvm::formatv("unknown access right `{0}`", name).str();
  if (!closest.empty()) message += llvm::formatv(" (did you mean `{0}`?)", closest).str();
  return RequestError(message);
}

// Evaluates a rights expression as the language does: names joined by `+` and `-`, left to right;
// `all` is every right of the expression's category up to `abi`.
llvm::Expected<RequestedRights> ParseRights(llvm::StringRef text, int abi) {
  RequestedRights result;
  bool first = true;
  bool subtract = false;
  std::optional<abi::Category> category;
  llvm::StringRef rest = text.trim();
  while (true) {
    size_t end = rest.find_first_of("+-");
    llvm::StringRef name = rest.take_front(end).trim();
    if (name.empty()) return RequestError(llvm::formatv("`{0}` is not a rights expression", text));
    RequestedRights named;
    if (name == "all") {
      named.category = category.value_or(abi::Category::kFs);
      named.mask = abi::RightsForAbi(named.category, abi);
    } else {
      llvm::Expected<RequestedRights> found = FindNamedRights(name);
      if (!found) return found.takeError();
      named = *found;
      if (category && *category != named.category)
        return RequestError(llvm::formatv("`{0}` mixes rights of different categories", text));
      category = named.category;
    }
    result.category = named.category;
    if (first || !subtract)
      result.mask |= named.mask;
    else
      result.mask &= ~named.mask;
    first = false;
    if (end == llvm::StringRef::npos) break;
    subtract = rest[end] == '-';
    rest = rest.drop_front(end + 1);
  }
  if (result.mask == 0) return RequestError(llvm::formatv("`{0}` names no right", text));
  return result;
}

std::string LayerHeader(const model::Layer& layer) {
  if (layer.location.line == 0) return LayerName(layer);
  return llvm::formatv("{0} ({1})", LayerName(layer), Where(layer.location)).str();
}

// " at FILE:LINE:COL", or nothing for a policy decoded from a blob (no source locations).
std::string GrantWhere(const model::Location& location) {
  if (location.line == 0) return "";
  return llvm::formatv(" at {0}:{1}:{2}", location.file, location.line, location.column).str();
}

// `written`, or `written` -> `resolved` when they differ.
std::string BothPaths(llvm::StringRef written, llvm::StringRef resolved) {
  if (written == resolved) return llvm::formatv("`{0}`", written).str();
  return llvm::formatv("`{0}` -> `{1}`", written, resolved).str();
}

// What explain reasons on: the policy as written, or with its grants expanded (and, on the host,
// resolved), and what became of each written grant.
struct Scene {
  const model::Policy* policy = nullptr;
  std::optional<HostPolicy> host;

  std::string GrantText(size_t layer, const model::FsGrant& grant) const {
    if (!host) return llvm::formatv("`{0}`", grant.path).str();
    return BothPaths(host->Origin(layer, grant).written->path, grant.path);
  }
};

void PrintDecision(const Scene& scene, const AccessModel& model, size_t index,
                   const LayerDecision& decision, const abi::Right& right,
                   const std::string& object, llvm::raw_ostream& os) {
  const model::Layer& layer = model.policy().layers[index];
  os << LayerHeader(layer) << ": ";
  if (!model.Applied(index)) {
    os << "handles nothing on this target, not applied\n";
    return;
  }
  switch (decision.kind) {
    case LayerDecision::Kind::kNotHandled:
      os << llvm::formatv("does not handle `{0}`\n", right.name);
      return;
    case LayerDecision::Kind::kAllowed:
      if (decision.fs_grant != nullptr)
        os << llvm::formatv("handles `{0}`, allowed by the grant on {1}{2}\n", right.name,
                            scene.GrantText(index, *decision.fs_grant),
                            GrantWhere(decision.fs_grant->location));
      else
        os << llvm::formatv("handles `{0}`, allowed by the grant on {1}{2}\n", right.name,
                            PortsText(decision.net_grant->ports),
                            GrantWhere(decision.net_grant->location));
      return;
    case LayerDecision::Kind::kDenied:
      if (decision.implicit_refer)
        os << llvm::formatv(
            "denied: no grant of `refer` covers {0} (the kernel blocks "
            "reparenting in every layer that does not grant `refer`)\n",
            object);
      else if (right.category == abi::Category::kScope)
        os << llvm::formatv("scopes `{0}`: denied outside the sandbox\n", right.name);
      else
        os << llvm::formatv("handles `{0}`, no grant covers {1}: denied\n", right.name, object);
      return;
  }
}

// One line per written grant that does not apply: why, and what exec does about it.
void PrintSkippedGrants(const Scene& scene, llvm::raw_ostream& os) {
  if (!scene.host) return;
  for (size_t l = 0; l < scene.host->grants.size(); ++l) {
    for (const HostGrant& grant : scene.host->grants[l]) {
      if (grant.fate == HostGrant::Fate::kApplied) continue;
      os << llvm::formatv("{0}: the grant on `{1}`{2}: {3}: ", LayerName(scene.policy->layers[l]),
                          grant.written->path, GrantWhere(grant.written->location), grant.reason);
      if (grant.fate == HostGrant::Fate::kSkipped)
        os << "this optional grant is skipped\n";
      else
        os << "this grant is skipped, and exec would refuse to start\n";
    }
  }
}

void PrintRightNotes(const abi::Right& right, llvm::raw_ostream& os) {
  if (right.category != abi::Category::kFs) return;
  if (right.bit == LANDLOCK_ACCESS_FS_REFER)
    os << "note: a rename or link across directories needs `refer` on both directories, the make "
          "right on the destination, and must not give the moved file rights it lacks where it "
          "is\n";
  if (right.bit == LANDLOCK_ACCESS_FS_EXECUTE)
    os << "note: running a program also needs `read_file` on it (execve opens it for reading)\n";
  if (right.bit == LANDLOCK_ACCESS_FS_IOCTL_DEV)
    os << "note: `ioctl_dev` only restricts ioctl commands on character and block device files; "
          "on other files ioctl is not restricted\n";
}

std::string Deniers(const model::Policy& policy, const Verdict& verdict) {
  std::string deniers;
  for (size_t i = 0; i < verdict.layers.size(); ++i) {
    if (verdict.layers[i].kind != LayerDecision::Kind::kDenied) continue;
    if (!deniers.empty()) deniers += ", ";
    deniers += LayerName(policy.layers[i]);
  }
  return deniers;
}

// The queried path made concrete: on the host expanded and resolved, elsewhere normalized. Sets
// `shown` (how the output names it) and `kind` (from the machine when the request does not say).
llvm::Expected<std::string> QueriedPath(const ExplainRequest& request, bool on_host,
                                        std::string& shown, ObjectKind& kind) {
  llvm::StringRef raw = *request.path;
  std::string path;
  if (on_host && raw.startswith("/") && !raw.contains('$')) {
    path = raw.str();  // `..` is taken after resolution, as the kernel does
  } else {
    model::NormalizedPath normalized = model::NormalizePathTemplate(raw);
    if (normalized.problem != model::PathProblem::kNone)
      return RequestError(
          llvm::formatv("invalid path `{0}`: it must be absolute (or start "
                        "with a variable) and have no `..`",
                        raw));
    path = std::move(normalized.path);
  }
  shown = llvm::formatv("`{0}`", path).str();
  if (!on_host) {
    kind = request.kind.value_or(ObjectKind::kDirectory);
    if (!request.kind && !llvm::StringRef(path).contains("${")) kind = ResolveOnHost(path).kind;
    if (!request.kind && llvm::StringRef(path).contains("${")) {
      HostExpansion expansion = ExpandOnHost(path, ProcessEnvironment());
      if (expansion.ok) kind = ResolveOnHost(expansion.path).kind;
    }
    return path;
  }
  std::string written = path;
  if (llvm::StringRef(path).contains("${")) {
    HostExpansion expansion = ExpandOnHost(path, ProcessEnvironment());
    if (!expansion.ok)
      return RequestError(llvm::formatv("cannot expand `{0}`: {1}", path, expansion.problem));
    path = std::move(expansion.path);
  }
  HostPath resolved = ResolveOnHost(path);
  kind = request.kind.value_or(resolved.kind);
  shown = BothPaths(written, resolved.path);
  return resolved.path;
}

}  // namespace

Target DefaultExplainTarget() {
  int host = ProbeHostAbi();
  if (host == 0) return DefaultTarget();
  return Target{"host", host};
}

llvm::Expected<bool> Explain(const model::Policy& policy, const ExplainRequest& request,
                             const Target& target, llvm::raw_ostream& os) {
  llvm::Expected<RequestedRights> requested = ParseRights(request.access, target.abi);
  if (!requested) return requested.takeError();
  if (request.path && request.port) return RequestError("give either --path or --port, not both");
  llvm::StringRef first_name = model::RightNames(requested->category, requested->mask).front();
  const bool on_host = target.name == "host";

  Scene scene;
  scene.policy = &policy;
  std::string object;
  std::string path;
  ObjectKind kind = ObjectKind::kDirectory;
  switch (requested->category) {
    case abi::Category::kFs: {
      if (!request.path)
        return RequestError(llvm::formatv("`{0}` is a file-system right: give --path", first_name));
      llvm::Expected<std::string> queried = QueriedPath(request, on_host, object, kind);
      if (!queried) return queried.takeError();
      path = std::move(*queried);
      // A concrete query meets concrete grants: expanded as the runtime expands them (and on the
      // host resolved as the kernel resolves them). A query with a variable is compared
      // symbolically.
      if (!llvm::StringRef(path).contains("${")) {
        scene.host = ResolvePolicyOnHost(policy, ProcessEnvironment(), on_host);
        if (on_host) AddInodeAliases(*scene.host, path);
        scene.policy = &scene.host->policy;
      }
      break;
    }
    case abi::Category::kNet:
      if (!request.port)
        return RequestError(llvm::formatv("`{0}` is a network right: give --port", first_name));
      if (*request.port > blob::kMaxPort)
        return RequestError(
            llvm::formatv("port {0} is out of range (0..{1})", *request.port, blob::kMaxPort));
      object = PortsText(model::PortRange{static_cast<uint16_t>(*request.port),
                                          static_cast<uint16_t>(*request.port)});
      break;
    case abi::Category::kScope:
      if (request.path || request.port)
        return RequestError(
            llvm::formatv("`{0}` is a scope: it takes neither --path nor --port", first_name));
      object = "a process outside the sandbox";
      break;
  }

  AccessModel model(*scene.policy, target.abi);
  std::vector<llvm::StringRef> denied_rights;
  std::string deniers;
  for (const abi::Right& right : abi::kRights) {
    if (right.category != requested->category || (requested->mask & right.bit) == 0) continue;
    Verdict verdict = right.category == abi::Category::kFs ? model.QueryFs(path, right.bit, kind)
                      : right.category == abi::Category::kNet
                          ? model.QueryNet(static_cast<uint16_t>(*request.port), right.bit)
                          : model.QueryScope(right.bit);
    os << llvm::formatv("`{0}` on {1}, on {2}:\n", right.name, object, target.Describe());
    for (size_t i = 0; i < verdict.layers.size(); ++i)
      PrintDecision(scene, model, i, verdict.layers[i], right, object, os);
    PrintRightNotes(right, os);
    if (!verdict.allowed) {
      denied_rights.push_back(right.name);
      if (deniers.empty()) deniers = Deniers(*scene.policy, verdict);
    }
    if (__builtin_popcountll(requested->mask) > 1)
      os << llvm::formatv(
          "verdict for `{0}`: {1}\n", right.name,
          verdict.allowed ? "allowed" : "denied by " + Deniers(*scene.policy, verdict));
  }
  PrintSkippedGrants(scene, os);
  if (requested->category == abi::Category::kFs && !on_host)
    os << llvm::formatv(
        "note: symlinks were not resolved: {0} is not this machine, so paths are compared as "
        "written\n",
        target.Describe());
  if (policy.requires_abi > target.abi)
    os << llvm::formatv(
        "note: the policy requires ABI {0}: on {1} applying it fails and the program does "
        "not start\n",
        policy.requires_abi, target.Describe());
  if (denied_rights.empty()) {
    os << "verdict: allowed\n";
  } else if (__builtin_popcountll(requested->mask) == 1) {
    os << "verdict: denied by " << deniers << "\n";
  } else {
    std::string names;
    for (llvm::StringRef name : denied_rights)
      names += (names.empty() ? "`" : ", `") + name.str() + "`";
    os << "verdict: denied (" << names << ")\n";
  }
  return denied_rights.empty();
}

}  // namespace landlockc::lint
