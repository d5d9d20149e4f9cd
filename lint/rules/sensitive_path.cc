// SPDX-License-Identifier: MIT
#include "lint/rules/sensitive_path.h"

#include "lint/data/locations.h"
#include "lint/describe.h"
#include "lint/host_paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  // With --host, a grant counts where it lands: through links, and with `$HOME` the real HOME.
  std::vector<std::vector<std::string>> landed;
  if (context.host) landed = HostLocations(context.policy, ProcessEnvironment());
  for (size_t l = 0; l < context.policy.layers.size(); ++l) {
    const model::Layer& layer = context.policy.layers[l];
    for (size_t g = 0; g < layer.fs_grants.size(); ++g) {
      const model::FsGrant& grant = layer.fs_grants[g];
      if (grant.rights == 0) continue;
      std::string path = grant.path;
      std::vector<data::CoveredLocation> covered =
          data::SensitiveLocationsCoveredBy(path, context.extra_sensitive_paths);
      std::string shown = "`" + path + "`";
      if (covered.empty() && !landed.empty() && landed[l][g] != grant.path) {
        path = landed[l][g];
        covered = data::SensitiveLocationsCoveredBy(path, context.extra_sensitive_paths);
        shown = llvm::formatv("`{0}` -> `{1}`", grant.path, path).str();
      }
      if (covered.empty()) continue;
      const data::CoveredLocation& first = covered.front();
      std::string message =
          first.path == path ? llvm::formatv("grant on {0} exposes {1}", shown, first.holds).str()
                             : llvm::formatv("grant on {0} covers `{1}`, which holds {2}", shown,
                                             first.path, first.holds)
                                   .str();
      std::vector<diag::Note> notes;
      if (covered.size() > 1) {
        std::string others;
        for (size_t i = 1; i < covered.size(); ++i) {
          if (!others.empty()) others += ", ";
          others += "`" + covered[i].path + "`";
        }
        notes.push_back("it also covers " + others);
      }
      if (path != grant.path)
        notes.push_back(
            llvm::formatv("on this machine `{0}` leads to `{1}`", grant.path, path).str());
      context.Report(context.rule.severity, grant.path_location.range, grant.location.range,
                     std::move(message), std::move(notes));
    }
  }
}

}  // namespace

constinit const Rule kSensitivePathRule = {
    "sensitive-path",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "A grant, read included, covers a location that holds secrets (SSH and GnuPG keys, cloud "
    "credentials, browser profiles, password hashes).",
    "A grant covers its path and everything beneath it, so read access to a home directory or `/` "
    "hands a compromised program SSH keys, cloud tokens and saved passwords. Grant the specific "
    "files and directories the program needs instead of their common ancestor.",
    Run,
};

}  // namespace landlockc::lint
