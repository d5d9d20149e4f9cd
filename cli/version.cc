// SPDX-License-Identifier: MIT
#include "cli/version.h"

#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {

std::string VersionText() {
  std::string text = llvm::formatv("landlockc {0}\n", LANDLOCKC_VERSION);
  for (const abi::KernelRelease& release : abi::kKernelReleases)
    if (release.abi == abi::kNewestAbi)
      text += llvm::formatv("newest Landlock ABI known: {0} (Linux {1}.{2})\n", abi::kNewestAbi,
                            release.major, release.minor);
  return text;
}

void PrintVersion(llvm::raw_ostream& os) { os << VersionText(); }

}  // namespace landlockc::cli
