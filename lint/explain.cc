#include "lint/explain.h"

#include <sys/stat.h>

#include "compiler/model/path_template.h"
#include "lint/describe.h"
#include "lint/paths.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::lint {
namespace {

llvm::Error RequestError(const std::string& message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), message);
}

llvm::Expected<const abi::Right*> FindRight(llvm::StringRef name) {
  const abi::Right* closest = nullptr;
  unsigned best = 4;
  for (const abi::Right& right : abi::kRights) {
    if (name == right.name) return &right;
    unsigned distance = name.edit_distance(right.name, true, best);
    if (distance < best) {
      best = distance;
      closest = &right;
    }
  }
  std::string message = llvm::formatv("unknown access right `{0}`", name).str();
  if (closest != nullptr) message += llvm::formatv(" (did you mean `{0}`?)", closest->name).str();
  return RequestError(message);
}

// A copy of the policy with `${VAR}` grant paths expanded from the environment, as the runtime
// expands them; a grant whose variable is unset or empty is left out (skipped or failing).
model::Policy ExpandVariables(const model::Policy& policy) {
  model::Policy expanded = policy;
  for (model::Layer& layer : expanded.layers) {
    std::vector<model::FsGrant> grants;
    for (model::FsGrant& grant : layer.fs_grants) {
      std::string unset;
      std::optional<std::string> value = ExpandFromEnvironment(grant.path, unset);
      if (!value) continue;
      model::NormalizedPath path = model::NormalizePathTemplate(*value);
      if (path.problem != model::PathProblem::kNone) continue;
      grant.path = std::move(path.path);
      grants.push_back(std::move(grant));
    }
    layer.fs_grants = std::move(grants);
  }
  return expanded;
}

// A path that is not there (or whose variable is unset) counts as a directory: every right applies.
ObjectKind KindOnHost(llvm::StringRef path) {
  std::string unset;
  std::optional<std::string> expanded = ExpandFromEnvironment(path, unset);
  struct stat info;
  if (expanded && stat(expanded->c_str(), &info) == 0 && !S_ISDIR(info.st_mode))
    return ObjectKind::kFile;
  return ObjectKind::kDirectory;
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

void PrintDecision(const AccessModel& model, size_t index, const LayerDecision& decision,
                   const abi::Right& right, const std::string& object, llvm::raw_ostream& os) {
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
        os << llvm::formatv("handles `{0}`, allowed by the grant on `{1}`{2}\n", right.name,
                            decision.fs_grant->path, GrantWhere(decision.fs_grant->location));
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

}  // namespace

Target DefaultExplainTarget() {
  int host = ProbeHostAbi();
  if (host == 0) return DefaultTarget();
  return Target{"host", host};
}

llvm::Expected<bool> Explain(const model::Policy& policy, const ExplainRequest& request,
                             const Target& target, llvm::raw_ostream& os) {
  llvm::Expected<const abi::Right*> found = FindRight(request.access);
  if (!found) return found.takeError();
  const abi::Right& right = **found;
  if (request.path && request.port) return RequestError("give either --path or --port, not both");

  Verdict verdict;
  std::string object;
  model::Policy expanded;
  const model::Policy* effective = &policy;
  std::optional<AccessModel> model;
  switch (right.category) {
    case abi::Category::kFs: {
      if (!request.path)
        return RequestError(llvm::formatv("`{0}` is a file-system right: give --path", right.name));
      model::NormalizedPath normalized = model::NormalizePathTemplate(*request.path);
      if (normalized.problem != model::PathProblem::kNone)
        return RequestError(
            llvm::formatv("invalid path `{0}`: it must be absolute (or start "
                          "with a variable) and have no `..`",
                          *request.path));
      std::optional<std::string> path = std::move(normalized.path);
      if (!llvm::StringRef(*path).contains("${")) {
        expanded = ExpandVariables(policy);
        effective = &expanded;
      }
      ObjectKind kind = request.kind ? *request.kind : KindOnHost(*path);
      model.emplace(*effective, target.abi);
      verdict = model->QueryFs(*path, right.bit, kind);
      object = "`" + *path + "`";
      break;
    }
    case abi::Category::kNet: {
      if (!request.port)
        return RequestError(llvm::formatv("`{0}` is a network right: give --port", right.name));
      if (*request.port > 65535)
        return RequestError(llvm::formatv("port {0} is out of range (0..65535)", *request.port));
      model.emplace(policy, target.abi);
      verdict = model->QueryNet(static_cast<uint16_t>(*request.port), right.bit);
      object = PortsText(model::PortRange{static_cast<uint16_t>(*request.port),
                                          static_cast<uint16_t>(*request.port)});
      break;
    }
    case abi::Category::kScope:
      if (request.path || request.port)
        return RequestError(
            llvm::formatv("`{0}` is a scope: it takes neither --path nor --port", right.name));
      model.emplace(policy, target.abi);
      verdict = model->QueryScope(right.bit);
      object = "a process outside the sandbox";
      break;
  }

  os << llvm::formatv("`{0}` on {1}, on {2}:\n", right.name, object, target.Describe());
  for (size_t i = 0; i < verdict.layers.size(); ++i)
    PrintDecision(*model, i, verdict.layers[i], right, object, os);
  if (right.bit == LANDLOCK_ACCESS_FS_REFER && right.category == abi::Category::kFs)
    os << "note: a rename or link across directories needs `refer` on both directories, the make "
          "right on the destination, and must not give the moved file rights it lacks where it "
          "is\n";
  if (right.bit == LANDLOCK_ACCESS_FS_EXECUTE && right.category == abi::Category::kFs)
    os << "note: running a program also needs `read_file` on it (execve opens it for reading)\n";
  if (right.bit == LANDLOCK_ACCESS_FS_IOCTL_DEV && right.category == abi::Category::kFs)
    os << "note: `ioctl_dev` only restricts ioctl commands on character and block device files; "
          "on other files ioctl is not restricted\n";
  if (policy.requires_abi > target.abi)
    os << llvm::formatv(
        "note: the policy requires ABI {0}: on {1} applying it fails and the program does "
        "not start\n",
        policy.requires_abi, target.Describe());
  if (verdict.allowed) {
    os << "verdict: allowed\n";
  } else {
    std::string deniers;
    for (size_t i = 0; i < verdict.layers.size(); ++i) {
      if (verdict.layers[i].kind != LayerDecision::Kind::kDenied) continue;
      if (!deniers.empty()) deniers += ", ";
      deniers += LayerName(policy.layers[i]);
    }
    os << "verdict: denied by " << deniers << "\n";
  }
  return verdict.allowed;
}

}  // namespace landlockc::lint
