// SPDX-License-Identifier: MIT
// What each standard library block covers, asked of the access model with the block's grant paths
// resolved on this host (the tracer records resolved paths: `/usr/bin/dash`, not `/bin/sh`).
#ifndef LANDLOCKC_LEARN_STD_BLOCKS_H_
#define LANDLOCKC_LEARN_STD_BLOCKS_H_

#include <memory>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "learn/needs.h"
#include "lint/access_model.h"
#include "llvm/Support/Error.h"

namespace landlockc::learn {

/// One `rules` block of `std/NAME.landlock`, as a one-layer policy that uses it.
class StdBlock {
 public:
  /// Checks `abi N; include "std/NAME.landlock"; layer main { use NAME; }`.
  static llvm::Expected<std::unique_ptr<StdBlock>> Load(const std::string& name, int abi,
                                                        const check::Options& options);

  const std::string& name() const { return name_; }
  /// The rights of `need` this block allows.
  uint64_t CoveredFs(const FsNeed& need) const;
  /// True when this block allows `need`.
  bool CoversNet(const NetNeed& need) const;

 private:
  StdBlock(std::string name, model::Policy policy)
      : name_(std::move(name)), policy_(std::move(policy)), model_(policy_, policy_.abi) {}

  std::string name_;
  model::Policy policy_;
  lint::AccessModel model_;
};

/// The blocks the proposal may use, in the order it writes them.
const std::vector<std::string>& StdBlockNames();

}  // namespace landlockc::learn

#endif  // LANDLOCKC_LEARN_STD_BLOCKS_H_
