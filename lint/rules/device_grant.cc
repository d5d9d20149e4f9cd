// SPDX-License-Identifier: MIT
#include "lint/rules/device_grant.h"

#include <sys/stat.h>

#include "lint/data/locations.h"
#include "lint/describe.h"
#include "lint/paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

constexpr uint64_t kMakeDevice = LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK;

// Whether `path` names a directory, as far as the policy and (with --host) the machine tell:
// a well-known or home directory, an ancestor of another granted path, or a directory on this host.
bool IsDirectory(const RuleContext& context, llvm::StringRef path) {
  if (data::IsKnownDirectory(path)) return true;
  for (const model::Layer& layer : context.policy.layers)
    for (const model::FsGrant& grant : layer.fs_grants)
      if (grant.path != path && IsSameOrBeneath(grant.path, path)) return true;
  struct stat info;
  return context.host && !path.startswith("$") && stat(path.str().c_str(), &info) == 0 &&
         S_ISDIR(info.st_mode);
}

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) {
    for (const model::FsGrant& grant : layer.fs_grants) {
      uint64_t make = grant.rights & kMakeDevice;
      if (make != 0) {
        context.Report(context.rule.severity, grant.path_location.range, grant.location.range,
                       llvm::formatv("{0} on `{1}` lets the program create device nodes",
                                     RightList(abi::Category::kFs, make), grant.path),
                       {"a device node it creates gives raw access to a disk or device"});
      }
      if ((grant.rights & LANDLOCK_ACCESS_FS_IOCTL_DEV) != 0 && IsDirectory(context, grant.path)) {
        context.Report(context.rule.severity, grant.path_location.range, grant.location.range,
                       llvm::formatv("`ioctl_dev` on directory `{0}` lets the program send "
                                     "device commands to every device beneath it",
                                     grant.path),
                       {"grant `ioctl_dev` on the device files the program uses"});
      }
    }
  }
}

}  // namespace

constinit const Rule kDeviceGrantRule = {
    "device-grant",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "`make_char` or `make_block` is granted, or `ioctl_dev` is granted on a directory.",
    "Creating character or block device nodes gives raw access to disks, memory and hardware, "
    "which bypasses every file-system restriction; `ioctl_dev` on a directory opens the large "
    "device ioctl interface of every device beneath it. Programs almost never need to create "
    "device nodes; grant `ioctl_dev` only on the device files the program uses.",
    Run,
};

}  // namespace landlockc::lint
