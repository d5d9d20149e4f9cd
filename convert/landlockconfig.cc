// SPDX-License-Identifier: MIT
#include "convert/landlockconfig.h"

#include <algorithm>

namespace landlockc::convert {

model::AccessSet Document::EffectiveHandled() const {
  model::AccessSet effective = handled;
  for (const PathBeneath& rule : path_beneath) effective.fs |= rule.access;
  for (const NetPort& rule : net_port) effective.net |= rule.access;
  return effective;
}

std::optional<uint64_t> ResolveAbiGroup(abi::Category category, llvm::StringRef group,
                                        int64_t abi_version) {
  int capped = static_cast<int>(std::min<int64_t>(abi_version, kLandlockconfigNewestAbi));
  uint64_t all = abi::RightsForAbi(category, capped);
  if (group == "abi.all") return all;
  if (category != abi::Category::kFs) return std::nullopt;
  // As landlockconfig defines them: read_execute is the read side (execute, read_file,
  // read_dir) plus refer; read_write is everything but execute.
  if (group == "abi.read_execute")
    return all & (LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_READ_FILE |
                  LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_REFER);
  if (group == "abi.read_write") return all & ~uint64_t{LANDLOCK_ACCESS_FS_EXECUTE};
  return std::nullopt;
}

}  // namespace landlockc::convert
