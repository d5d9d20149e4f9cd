// SPDX-License-Identifier: MIT
#include "learn/std_blocks.h"

#include "compiler/diag/diagnostics.h"
#include "learn/host_paths.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::learn {

const std::vector<std::string>& StdBlockNames() {
  static const std::vector<std::string> names = {"runtime", "shell", "temp", "dns",
                                                 "tls",     "tty",   "users"};
  return names;
}

llvm::Expected<std::unique_ptr<StdBlock>> StdBlock::Load(const std::string& name, int abi,
                                                         const check::Options& options) {
  std::string source = "abi " + std::to_string(abi) + ";\ninclude \"std/" + name +
                       ".landlock\";\nlayer main {\n    use " + name + ";\n}\n";
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = check::CheckSource("<learn>", source, options, diags);
  if (!policy)
    return llvm::createStringError(std::errc::invalid_argument,
                                   "cannot read the standard library block `%s`", name.c_str());
  // The kernel follows symlinks in grant paths when the policy is applied: do the same here.
  ResolveGrantsOnHost(*policy);
  return std::unique_ptr<StdBlock>(new StdBlock(name, std::move(*policy)));
}

uint64_t StdBlock::CoveredFs(const FsNeed& need) const {
  uint64_t covered = 0;
  for (uint64_t bit = 1; bit != 0 && bit <= need.rights; bit <<= 1)
    if ((need.rights & bit) && model_.QueryFs(need.path, bit, need.kind).allowed) covered |= bit;
  return covered;
}

bool StdBlock::CoversNet(const NetNeed& need) const {
  return model_.QueryNet(need.port, need.right).allowed;
}

}  // namespace landlockc::learn
