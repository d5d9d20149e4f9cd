// SPDX-License-Identifier: MIT
#include "lint/rules/broad_grant.h"

#include "lint/data/locations.h"
#include "lint/describe.h"
#include "lint/host_paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

// Rights that change the file system: writing, truncating, making, removing, reparenting.
constexpr uint64_t kChangingRights =
    LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_TRUNCATE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
    LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR |
    LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
    LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM | LANDLOCK_ACCESS_FS_REFER;

// What `path` holds when write access to it is too broad; null when it is not.
const char* BroadLocation(llvm::StringRef path) {
  if (path == "/") return "the whole system";
  for (const data::SystemDirectory& directory : data::SystemDirectories())
    if (path == directory.path) return directory.holds;
  if (data::IsHomeDirectory(path)) return "the user's files, including shell startup files";
  return nullptr;
}

void Run(const RuleContext& context) {
  // With --host, a grant counts where it lands: through links, and with `$HOME` the real HOME.
  std::vector<std::vector<std::string>> landed;
  if (context.host) landed = HostLocations(context.policy, ProcessEnvironment());
  for (size_t l = 0; l < context.policy.layers.size(); ++l) {
    const model::Layer& layer = context.policy.layers[l];
    for (size_t g = 0; g < layer.fs_grants.size(); ++g) {
      const model::FsGrant& grant = layer.fs_grants[g];
      uint64_t changing = grant.rights & kChangingRights;
      if (changing == 0) continue;
      std::string path = grant.path;
      const char* holds = BroadLocation(path);
      std::string shown = "`" + path + "`";
      if (holds == nullptr && !landed.empty() && landed[l][g] != grant.path) {
        path = landed[l][g];
        holds = BroadLocation(path);
        shown = llvm::formatv("`{0}` -> `{1}`", grant.path, path).str();
      }
      if (holds == nullptr) continue;
      diag::Severity severity = path == "/" ? diag::Severity::kError : diag::Severity::kWarning;
      std::vector<diag::Note> notes = {"granted there: " + RightList(abi::Category::kFs, changing)};
      if (path != grant.path)
        notes.push_back(
            llvm::formatv("on this machine `{0}` leads to `{1}`", grant.path, path).str());
      context.Report(severity, grant.path_location.range, grant.location.range,
                     llvm::formatv("write access to {0} lets the program change {1}", shown, holds),
                     std::move(notes));
    }
  }
}

}  // namespace

constinit const Rule kBroadGrantRule = {
    "broad-grant",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "A right that changes files is granted on `/`, a top-level system directory, `/home` or a home "
    "directory.",
    "Write, remove, make and `refer` rights on such a directory let a compromised program change "
    "system configuration, replace programs and libraries, or plant code in shell startup files: "
    "the sandbox no longer protects the system. Grant these rights on the program's own "
    "directories (its data, cache, log or runtime directory) instead. Reported as an error on `/`.",
    Run,
};

}  // namespace landlockc::lint
