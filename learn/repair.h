// SPDX-License-Identifier: MIT
// `learn --from P`, the repair mode: every recorded need that P denies, with the layer that denies
// it, and P's own text with the missing grants added in those layers (each marked `# learned`).
#ifndef LANDLOCKC_LEARN_REPAIR_H_
#define LANDLOCKC_LEARN_REPAIR_H_

#include <string>
#include <vector>

#include "compiler/model/model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "trace/access.h"

namespace landlockc::learn {

struct Repair {
  /// One line per denied need: `read_file on `/srv/x` is denied by layer `main` (p.landlock:3)`.
  std::vector<std::string> denials;
  /// Needs no grant can fix (a scope the layer handles), said the same way with what to change.
  std::vector<std::string> unfixable;
  /// P's text with the missing grants added; equal to the input when nothing was missing.
  std::string text;
};

/// Repairs `policy`, checked from `text` (the main file, named `file` in locations), for the needs
/// among `accesses` at ABI `abi`. `home` as for the proposal (`$HOME/...`). A layer defined in an
/// included file is reported and left alone: its grants belong in that file.
Repair RepairPolicy(const model::Policy& policy, llvm::StringRef file, llvm::StringRef text,
                    llvm::ArrayRef<trace::Access> accesses, int abi, const std::string& home);

}  // namespace landlockc::learn

#endif  // LANDLOCKC_LEARN_REPAIR_H_
