// SPDX-License-Identifier: MIT
#include "lint/data/locations.h"

#include <algorithm>

#include "lint/paths.h"

namespace landlockc::lint::data {
namespace {

constexpr SystemDirectory kSystemDirectories[] = {
    {"/bin", "system programs"},
    {"/boot", "the kernel and the boot loader"},
    {"/dev", "device nodes"},
    {"/etc", "system configuration"},
    {"/lib", "system libraries"},
    {"/lib32", "system libraries"},
    {"/lib64", "system libraries"},
    {"/opt", "installed applications"},
    {"/proc", "kernel and process settings"},
    {"/root", "the administrator's files"},
    {"/run", "the state of running services"},
    {"/sbin", "system programs"},
    {"/srv", "the data this system serves"},
    {"/sys", "kernel settings"},
    {"/usr", "system programs and libraries"},
    {"/var", "system state, logs and spools"},
    {"/home", "every user's files"},
};

constexpr SensitiveLocation kSensitiveLocations[] = {
    {".ssh", true, "SSH private keys"},
    {".gnupg", true, "GnuPG private keys"},
    {".aws", true, "AWS credentials"},
    {".azure", true, "Azure credentials"},
    {".kube", true, "Kubernetes credentials"},
    {".docker", true, "container registry credentials"},
    {".netrc", true, "login passwords"},
    {".pgpass", true, "PostgreSQL passwords"},
    {".git-credentials", true, "Git credentials"},
    {".password-store", true, "the user's password store"},
    {".config/gcloud", true, "Google Cloud credentials"},
    {".mozilla", true, "Firefox passwords and cookies"},
    {".config/google-chrome", true, "Chrome passwords and cookies"},
    {".config/chromium", true, "Chromium passwords and cookies"},
    {".local/share/keyrings", true, "the desktop keyring"},
    {"/etc/shadow", false, "password hashes"},
    {"/etc/gshadow", false, "group password hashes"},
    {"/etc/sudoers", false, "the rules of who may become root"},
    {"/etc/ssh", false, "the SSH host keys"},
    {"/root", false, "the administrator's files and keys"},
};

constexpr const char* kKnownDirectories[] = {
    "/dev/bus",    "/dev/disk", "/dev/dri", "/dev/input", "/dev/mapper",
    "/dev/mqueue", "/dev/net",  "/dev/pts", "/dev/shm",   "/dev/snd",
};

// The home directory `path` lies in (is or is beneath), spelled as in `path`; empty when none.
llvm::StringRef HomeOf(llvm::StringRef path) {
  for (llvm::StringRef root : {llvm::StringRef("${HOME}"), llvm::StringRef("/root")})
    if (IsSameOrBeneath(path, root)) return root;
  if (!path.startswith("/home/")) return {};
  size_t end = path.find('/', 6);
  return end == llvm::StringRef::npos ? path : path.take_front(end);
}

}  // namespace

llvm::ArrayRef<SystemDirectory> SystemDirectories() { return kSystemDirectories; }

bool IsHomeDirectory(llvm::StringRef path) {
  llvm::StringRef home = HomeOf(path);
  return !home.empty() && home == path;
}

std::vector<CoveredLocation> SensitiveLocationsCoveredBy(llvm::StringRef path,
                                                         llvm::ArrayRef<std::string> extra) {
  std::vector<CoveredLocation> covered;
  llvm::StringRef home = HomeOf(path);
  // `/` and `/home` lie above every `/home/NAME`.
  bool above_homes = path == "/" || path == "/home";
  for (const SensitiveLocation& location : kSensitiveLocations) {
    std::string spelled;
    if (!location.in_home) {
      if (IsSameOrBeneath(location.path, path)) spelled = location.path;
    } else if (!home.empty()) {
      std::string candidate = home.str() + "/" + location.path;
      if (IsSameOrBeneath(candidate, path)) spelled = candidate;
    } else if (above_homes) {
      spelled = std::string("/home/NAME/") + location.path;
    }
    if (!spelled.empty()) covered.push_back({spelled, location.holds});
  }
  for (const std::string& location : extra)
    if (IsSameOrBeneath(location, path))
      covered.push_back({location, "secrets (listed in `.landlockc.toml`)"});
  std::stable_partition(covered.begin(), covered.end(),
                        [&](const CoveredLocation& location) { return location.path == path; });
  return covered;
}

bool IsKnownDirectory(llvm::StringRef path) {
  if (path == "/" || IsHomeDirectory(path)) return true;
  for (const SystemDirectory& directory : kSystemDirectories)
    if (path == directory.path) return true;
  for (const char* directory : kKnownDirectories)
    if (path == directory) return true;
  return false;
}

}  // namespace landlockc::lint::data
