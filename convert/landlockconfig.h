// SPDX-License-Identifier: MIT
// A landlockconfig document (the official Landlock configuration format, JSON or TOML), as
// `convert` holds it between reading and writing: `abi.*` groups resolved to rights, the
// `ruleset` entries added up, paths kept as landlockconfig templates (`${var}`, `$$`).
#ifndef LANDLOCKC_CONVERT_LANDLOCKCONFIG_H_
#define LANDLOCKC_CONVERT_LANDLOCKCONFIG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/model/model.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include "runtime/abi_table.h"

namespace landlockc::convert {

/// landlockconfig names every right and scope up to this ABI and none newer (its schema's
/// enums); `abi.*` groups stop there too.
inline constexpr int kLandlockconfigNewestAbi = 6;

/// The rights of `category` that landlockconfig can name.
constexpr uint64_t LandlockconfigRights(abi::Category category) {
  return abi::RightsForAbi(category, kLandlockconfigNewestAbi);
}

/// A `[[variable]]` entry: `${name}` in a path stands for each literal in turn.
struct Variable {
  std::string name;
  std::vector<std::string> literals;
};

/// One `parent` string of a `pathBeneath` entry, as written (a template), and where (none when
/// the document was not read from text).
struct Parent {
  std::string text;
  llvm::SMRange where;
};

/// A `pathBeneath` entry.
struct PathBeneath {
  uint64_t access = 0;
  std::vector<Parent> parents;
};

/// One `port` of a `netPort` entry, and where.
struct Port {
  uint64_t number = 0;
  llvm::SMRange where;
};

/// A `netPort` entry.
struct NetPort {
  uint64_t access = 0;
  std::vector<Port> ports;
};

/// A landlockconfig document.
struct Document {
  std::optional<int64_t> abi;
  std::vector<Variable> variables;
  /// The union of the `ruleset` entries.
  model::AccessSet handled;
  std::vector<PathBeneath> path_beneath;
  std::vector<NetPort> net_port;

  /// What the ruleset handles: `handled` augmented by every rule's access, as landlockconfig
  /// does, so that a rule never grants an unhandled right.
  model::AccessSet EffectiveHandled() const;
};

/// The rights `group` (`abi.all`, `abi.read_execute`, `abi.read_write`) stands for in `category`
/// at ABI `abi_version`, or nullopt when the category has no such group.
std::optional<uint64_t> ResolveAbiGroup(abi::Category category, llvm::StringRef group,
                                        int64_t abi_version);

}  // namespace landlockc::convert

#endif  // LANDLOCKC_CONVERT_LANDLOCKCONFIG_H_
