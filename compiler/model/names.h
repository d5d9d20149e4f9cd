// SPDX-License-Identifier: MIT
// Names of access rights, predefined sets and restrict flags as the policy language spells them:
// the one translation between kernel bit masks and words, shared by the checker, the JSON dump,
// the linter and `inspect`.
#ifndef LANDLOCKC_COMPILER_MODEL_NAMES_H_
#define LANDLOCKC_COMPILER_MODEL_NAMES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "runtime/abi_table.h"

namespace landlockc::model {

/// "fs", "net" or "scope".
llvm::StringRef CategoryName(abi::Category category);

/// The category spelled `name` ("fs", "net", "scope"), or nullopt.
std::optional<abi::Category> FindCategory(llvm::StringRef name);

/// The names of the rights of `category` present in `mask`, in table order (unknown bits are
/// skipped).
std::vector<llvm::StringRef> RightNames(abi::Category category, uint64_t mask);

/// The same names joined by `separator` (e.g. "read_file, read_dir").
std::string JoinRightNames(abi::Category category, uint64_t mask, llvm::StringRef separator = ", ");

/// The right called `name` in the compatibility table, or nullptr.
const abi::Right* FindRight(llvm::StringRef name);

/// A set the language predefines (`read`, `write`, ...), with its rights of every ABI.
struct PredefinedSet {
  const char* name;
  abi::Category category;
  uint64_t mask;
};

/// Every predefined set except `all` and `none`, whose meaning depends on the statement.
llvm::ArrayRef<PredefinedSet> PredefinedSets();

/// The predefined set called `name`, or nullptr (also for `all` and `none`).
const PredefinedSet* FindPredefinedSet(llvm::StringRef name);

/// The `log` settings `flags` (LANDLOCK_RESTRICT_SELF_LOG_*) sets, spelled as in the source:
/// "same_exec off", "new_exec on", "subdomains off".
std::vector<llvm::StringRef> LogSettingNames(uint32_t flags);

}  // namespace landlockc::model

#endif  // LANDLOCKC_COMPILER_MODEL_NAMES_H_
