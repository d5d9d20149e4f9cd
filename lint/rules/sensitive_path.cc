#include "lint/rules/sensitive_path.h"

#include "lint/data/locations.h"
#include "lint/describe.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    for (const model::FsGrant& grant : layer.fs_grants) {
      if (grant.rights == 0) continue;
      std::vector<data::CoveredLocation> covered = data::SensitiveLocationsCoveredBy(grant.path);
      if (covered.empty()) continue;
      const data::CoveredLocation& first = covered.front();
      std::string message =
          first.path == grant.path
              ? llvm::formatv("grant on `{0}` exposes {1}", grant.path, first.holds).str()
              : llvm::formatv("grant on `{0}` covers `{1}`, which holds {2}", grant.path,
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
