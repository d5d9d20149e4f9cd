// SPDX-License-Identifier: MIT
#include "lint/rules/write_execute.h"

#include <set>

#include "lint/describe.h"
#include "lint/paths.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::lint {
namespace {

constexpr uint64_t kWriting = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_MAKE_REG;

// The grant of the pair whose path lies deeper: where the path is both writable and executable.
// On the same path, the later grant completes the pair.
const model::FsGrant* Deeper(const model::FsGrant* a, const model::FsGrant* b) {
  if (a->path == b->path) return a > b ? a : b;
  return IsSameOrBeneath(a->path, b->path) ? a : b;
}

void ReportLayer(const RuleContext& context, const model::Layer& layer) {
  std::set<const model::FsGrant*> reported;
  for (const model::FsGrant& writer : layer.fs_grants) {
    if ((writer.rights & kWriting) == 0) continue;
    for (const model::FsGrant& executor : layer.fs_grants) {
      if ((executor.rights & LANDLOCK_ACCESS_FS_EXECUTE) == 0) continue;
      if (!IsSameOrBeneath(writer.path, executor.path) &&
          !IsSameOrBeneath(executor.path, writer.path))
        continue;
      const model::FsGrant* deeper = Deeper(&writer, &executor);
      if (!reported.insert(deeper).second) continue;
      std::vector<diag::Note> notes;
      if (&writer == &executor) {
        notes.push_back("this grant gives both " +
                        RightList(abi::Category::kFs, writer.rights & kWriting) + " and `execute`");
      } else {
        notes.push_back({"writable through this grant", writer.location.range});
        notes.push_back({"executable through this grant", executor.location.range});
      }
      context.Report(context.rule.severity, deeper->path_location.range, deeper->location.range,
                     llvm::formatv("`{0}` can be both written and executed in {1}, so the "
                                   "program can run code it wrote",
                                   deeper->path, LayerName(layer)),
                     std::move(notes));
    }
  }
}

void Run(const RuleContext& context) {
  for (const model::Layer& layer : context.policy.layers) ReportLayer(context, layer);
}

}  // namespace

constinit const Rule kWriteExecuteRule = {
    "write-execute",
    diag::Severity::kWarning,
    /*per_target=*/false,
    /*host_only=*/false,
    "In one layer, a path can be both written (`write_file` or `make_reg`) and executed.",
    "If a program may write files where it may also execute them, an attacker who controls its "
    "input can drop a binary or script and run it, turning a file-write bug into code execution. "
    "Keep writable directories (data, cache, temp) and executable ones (programs, libraries) "
    "apart.",
    Run,
};

}  // namespace landlockc::lint
