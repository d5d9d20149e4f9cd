// SPDX-License-Identifier: MIT
#include "compiler/model/names.h"

#include <string>
#include <vector>

#include "llvm/ADT/StringExtras.h"

namespace landlockc::model {
namespace {

constexpr uint64_t kRead = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
constexpr uint64_t kWrite = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_TRUNCATE |
                            LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_MAKE_DIR |
                            LANDLOCK_ACCESS_FS_MAKE_SYM | LANDLOCK_ACCESS_FS_MAKE_SOCK |
                            LANDLOCK_ACCESS_FS_MAKE_FIFO | LANDLOCK_ACCESS_FS_REMOVE_FILE |
                            LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REFER;

// The language's predefined sets (LANGUAGE.md, "Predefined sets").
constexpr PredefinedSet kPredefinedSets[] = {
    {"read", abi::Category::kFs, kRead},
    {"write", abi::Category::kFs, kWrite},
    {"read_write", abi::Category::kFs, kRead | kWrite},
    {"devices", abi::Category::kFs,
     LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_IOCTL_DEV},
    {"tcp", abi::Category::kNet, LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP},
    {"udp", abi::Category::kNet,
     LANDLOCK_ACCESS_NET_BIND_UDP | LANDLOCK_ACCESS_NET_CONNECT_SEND_UDP},
};

// How each log flag reads in the source ("same_exec off"), from the ABI table: the flag turns the
// named setting away from its default. Built once; the names outlive every caller.
struct LogSetting {
  uint32_t flag;
  std::string setting;
};
const std::vector<LogSetting>& LogSettings() {
  static const std::vector<LogSetting>* const settings = [] {
    auto* built = new std::vector<LogSetting>;
    for (const abi::RestrictFlag& flag : abi::kRestrictFlags)
      if (flag.log_value != nullptr)
        built->push_back({flag.bit, std::string(flag.name) + " " + flag.log_value});
    return built;
  }();
  return *settings;
}

}  // namespace

llvm::StringRef CategoryName(abi::Category category) {
  switch (category) {
    case abi::Category::kFs:
      return "fs";
    case abi::Category::kNet:
      return "net";
    case abi::Category::kScope:
      return "scope";
  }
  return "fs";
}

std::optional<abi::Category> FindCategory(llvm::StringRef name) {
  for (int index = 0; index < abi::kCategoryCount; ++index) {
    auto category = static_cast<abi::Category>(index);
    if (CategoryName(category) == name) return category;
  }
  return std::nullopt;
}

std::vector<llvm::StringRef> RightNames(abi::Category category, uint64_t mask) {
  std::vector<llvm::StringRef> names;
  for (const abi::Right& right : abi::kRights)
    if (right.category == category && (mask & right.bit)) names.push_back(right.name);
  return names;
}

std::string JoinRightNames(abi::Category category, uint64_t mask, llvm::StringRef separator) {
  return llvm::join(RightNames(category, mask), separator);
}

const abi::Right* FindRight(llvm::StringRef name) {
  for (const abi::Right& right : abi::kRights)
    if (name == right.name) return &right;
  return nullptr;
}

llvm::ArrayRef<PredefinedSet> PredefinedSets() { return kPredefinedSets; }

const PredefinedSet* FindPredefinedSet(llvm::StringRef name) {
  for (const PredefinedSet& set : kPredefinedSets)
    if (name == set.name) return &set;
  return nullptr;
}

std::vector<llvm::StringRef> LogSettingNames(uint32_t flags) {
  std::vector<llvm::StringRef> names;
  for (const LogSetting& setting : LogSettings())
    if (flags & setting.flag) names.push_back(setting.setting);
  return names;
}

}  // namespace landlockc::model
