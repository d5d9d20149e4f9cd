// SPDX-License-Identifier: MIT
#include "lint/host_paths.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "compiler/model/path_template.h"
#include "lint/paths.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/expand.h"

extern "C" char** environ;

namespace landlockc::lint {
namespace {

// The kernel's limit on symlinks followed in one path walk (MAXSYMLINKS).
constexpr int kMaxLinks = 40;

void AppendComponent(std::string& path, llvm::StringRef component) {
  if (path.size() > 1) path += '/';
  path += component.str();
}

// Pushes the components of `text` onto `pending` so that the first is popped first.
void PushComponents(llvm::StringRef text, std::vector<std::string>& pending) {
  llvm::SmallVector<llvm::StringRef, 16> parts;
  text.split(parts, '/', -1, false);
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) pending.push_back(it->str());
}

const char* Lookup(const char* const* envp, llvm::StringRef name) {
  for (; envp != nullptr && *envp != nullptr; ++envp) {
    llvm::StringRef entry(*envp);
    if (entry.size() > name.size() && entry.startswith(name) && entry[name.size()] == '=')
      return *envp + name.size() + 1;
  }
  return nullptr;
}

// A policy's grants share most of their prefixes (`/usr`, `/lib`...): one resolution of a whole
// policy asks the kernel once per path.
const LookupCache::Lookup& LookUp(const std::string& path, LookupCache& cache) {
  auto [entry, added] = cache.entries.try_emplace(path);
  if (!added) return entry->second;
  LookupCache::Lookup& lookup = entry->second;
  struct stat info;
  if (lstat(path.c_str(), &info) != 0) {
    lookup.error = errno;
    return lookup;
  }
  lookup.mode = info.st_mode;
  lookup.device = info.st_dev;
  lookup.inode = info.st_ino;
  if (S_ISLNK(info.st_mode)) {
    char target[PATH_MAX];
    ssize_t length = readlink(path.c_str(), target, sizeof target);
    if (length < 0)
      lookup.error = errno;
    else
      lookup.target.assign(target, static_cast<size_t>(length));
  }
  return lookup;
}

}  // namespace

void LookupCache::Forget(llvm::StringRef path) {
  auto it = entries.lower_bound(path);
  while (it != entries.end() && llvm::StringRef(it->first).startswith(path)) {
    llvm::StringRef rest = llvm::StringRef(it->first).drop_front(path.size());
    if (rest.empty() || rest.front() == '/')
      it = entries.erase(it);
    else
      ++it;
  }
}

HostPath ResolveOnHost(llvm::StringRef path, LastLink last) {
  LookupCache cache;
  return ResolveOnHost(path, cache, last);
}

HostPath ResolveOnHost(llvm::StringRef path, LookupCache& cache, LastLink last) {
  HostPath result;
  std::string current = "/";
  std::vector<std::string> pending;
  PushComponents(path, pending);
  int links = 0;
  while (!pending.empty()) {
    std::string component = std::move(pending.back());
    pending.pop_back();
    if (component == ".") continue;
    if (component == "..") {
      current = ParentPath(current).str();
      continue;
    }
    std::string next = current;
    AppendComponent(next, component);
    if (result.error != 0) {
      current = std::move(next);
      continue;
    }
    const LookupCache::Lookup& info = LookUp(next, cache);
    bool kept_link = S_ISLNK(info.mode) && pending.empty() && last == LastLink::kKeep;
    if (info.error == 0 && kept_link) {
      result.kind = ObjectKind::kFile;
    } else if (info.error == 0 && S_ISLNK(info.mode) && ++links > kMaxLinks) {
      result.error = ELOOP;
    } else if (info.error != 0) {
      result.error = info.error;
    } else if (S_ISLNK(info.mode)) {
      llvm::StringRef text = info.target;
      if (text.startswith("/")) current = "/";
      PushComponents(text, pending);
      continue;
    } else if (!S_ISDIR(info.mode) && !pending.empty()) {
      // The kernel's walk cannot go on below a file.
      result.error = ENOTDIR;
    } else if (!S_ISDIR(info.mode)) {
      result.kind = ObjectKind::kFile;
    }
    current = std::move(next);
  }
  result.path = std::move(current);
  result.exists = result.error == 0;
  if (!result.exists) result.kind = ObjectKind::kDirectory;
  return result;
}

HostExpansion ExpandOnHost(llvm::StringRef path_template, const char* const* envp) {
  HostExpansion result;
  for (llvm::StringRef rest = path_template;;) {
    size_t open = rest.find("${");
    size_t close = open == llvm::StringRef::npos ? open : rest.find('}', open);
    if (close == llvm::StringRef::npos) break;
    llvm::StringRef name = rest.slice(open + 2, close);
    const char* value = Lookup(envp, name);
    result.variables.emplace_back(name.str(), value != nullptr ? value : "");
    rest = rest.drop_front(close + 1);
  }
  std::string text = path_template.str();
  char buffer[PATH_MAX];
  runtime::ExpandResult expanded = runtime::ExpandPath(text.c_str(), envp, buffer, sizeof buffer);
  switch (expanded.status) {
    case runtime::Expansion::kOk:
      result.ok = true;
      result.path = expanded.path;
      return result;
    case runtime::Expansion::kTooLong:
      result.problem = llvm::formatv("`{0}` expands past PATH_MAX", path_template).str();
      return result;
    default:
      result.absent = expanded.status == runtime::Expansion::kUnset ||
                      expanded.status == runtime::Expansion::kEmpty;
      result.problem = llvm::formatv("`${{{0}}` {1}",
                                     llvm::StringRef(expanded.variable, expanded.variable_length),
                                     runtime::ExpansionProblem(expanded.status))
                           .str();
      return result;
  }
}

const HostGrant& HostPolicy::Origin(size_t layer, const model::FsGrant& grant) const {
  const std::vector<model::FsGrant>& resolved = policy.layers[layer].fs_grants;
  return grants[layer][origin[layer][static_cast<size_t>(&grant - resolved.data())]];
}

bool HostPolicy::Refused() const {
  for (const std::vector<HostGrant>& layer : grants)
    for (const HostGrant& grant : layer)
      if (grant.fate == HostGrant::Fate::kRefused) return true;
  return false;
}

HostPolicy ResolvePolicyOnHost(const model::Policy& policy, const char* const* envp,
                               bool resolve_links) {
  HostPolicy host;
  LookupCache cache;
  host.policy = policy;
  host.grants.resize(policy.layers.size());
  host.origin.resize(policy.layers.size());
  for (size_t l = 0; l < policy.layers.size(); ++l) {
    const std::vector<model::FsGrant>& written = policy.layers[l].fs_grants;
    std::vector<model::FsGrant> applied;
    for (size_t g = 0; g < written.size(); ++g) {
      HostGrant grant;
      grant.written = &written[g];
      HostExpansion expansion = ExpandOnHost(written[g].path, envp);
      grant.variables = std::move(expansion.variables);
      if (!expansion.ok) {
        grant.fate = written[g].optional && expansion.absent ? HostGrant::Fate::kSkipped
                                                             : HostGrant::Fate::kRefused;
        grant.reason = std::move(expansion.problem);
      } else {
        grant.expanded = std::move(expansion.path);
        HostPath resolved;
        if (resolve_links) {
          resolved = ResolveOnHost(grant.expanded, cache);
        } else {
          resolved.path = model::NormalizePathTemplate(grant.expanded).path;
          resolved.exists = true;
        }
        // The runtime treats ENOENT and ENOTDIR as absent; anything else fails to open.
        bool absent = resolved.error == ENOENT || resolved.error == ENOTDIR;
        if (!resolved.exists) {
          grant.fate =
              written[g].optional && absent ? HostGrant::Fate::kSkipped : HostGrant::Fate::kRefused;
          std::string named =
              grant.expanded == written[g].path
                  ? llvm::formatv("`{0}`", grant.expanded).str()
                  : llvm::formatv("`{0}` expands to `{1}`, which", written[g].path, grant.expanded)
                        .str();
          grant.reason = absent ? named + " does not exist"
                                : llvm::formatv("{0} cannot be opened: {1}", named,
                                                std::strerror(resolved.error))
                                      .str();
        } else {
          grant.resolved = resolved.path;
          grant.kind = resolved.kind;
          if (resolve_links) {
            const LookupCache::Lookup& object = LookUp(resolved.path, cache);
            grant.device = object.device;
            grant.inode = object.inode;
          }
          model::FsGrant copy = written[g];
          copy.path = resolved.path;
          applied.push_back(std::move(copy));
          host.origin[l].push_back(g);
        }
      }
      host.grants[l].push_back(std::move(grant));
    }
    host.policy.layers[l].fs_grants = std::move(applied);
  }
  return host;
}

void AddInodeAliases(HostPolicy& host, llvm::StringRef path) {
  for (llvm::StringRef at = path;; at = ParentPath(at)) {
    struct stat info;
    if (lstat(at.str().c_str(), &info) == 0) {
      for (size_t l = 0; l < host.grants.size(); ++l) {
        std::vector<model::FsGrant>& applied = host.policy.layers[l].fs_grants;
        for (size_t g = 0, count = applied.size(); g < count; ++g) {
          size_t written = host.origin[l][g];
          const HostGrant& grant = host.grants[l][written];
          if (grant.inode != info.st_ino || grant.device != info.st_dev || applied[g].path == at)
            continue;
          model::FsGrant alias = applied[g];
          alias.path = at.str();
          applied.push_back(std::move(alias));
          host.origin[l].push_back(written);
        }
      }
    }
    if (at == "/" || at == ParentPath(at)) break;
  }
}

const char* const* ProcessEnvironment() { return environ; }

std::string SpellWithHome(llvm::StringRef path, const char* const* envp) {
  const char* home = Lookup(envp, "HOME");
  if (home == nullptr || *home != '/') return path.str();
  HostPath resolved = ResolveOnHost(home);
  if (resolved.path == "/" || !IsSameOrBeneath(path, resolved.path)) return path.str();
  return "${HOME}" + path.drop_front(resolved.path.size()).str();
}

std::vector<std::vector<std::string>> HostLocations(const model::Policy& policy,
                                                    const char* const* envp) {
  HostPolicy host = ResolvePolicyOnHost(policy, envp);
  std::vector<std::vector<std::string>> locations(policy.layers.size());
  for (size_t l = 0; l < policy.layers.size(); ++l)
    for (const HostGrant& grant : host.grants[l])
      locations[l].push_back(grant.fate == HostGrant::Fate::kApplied
                                 ? SpellWithHome(grant.resolved, envp)
                                 : grant.written->path);
  return locations;
}

}  // namespace landlockc::lint
