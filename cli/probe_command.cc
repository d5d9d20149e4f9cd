// SPDX-License-Identifier: MIT
#include "cli/probe_command.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "cli/exit_codes.h"
#include "cli/report_text.h"
#include "compiler/model/json.h"
#include "compiler/model/names.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

enum class Format { kText, kJson };

cl::SubCommand command("probe", "Show what Landlock the running kernel offers");
cl::opt<Format> format("format", cl::desc("Output form"), cl::init(Format::kText),
                       cl::values(clEnumValN(Format::kText, "text", "for people"),
                                  clEnumValN(Format::kJson, "json", "for programs")),
                       cl::sub(command));

constexpr abi::Category kCategories[] = {abi::Category::kFs, abi::Category::kNet,
                                         abi::Category::kScope};

// The ABI whose rights the kernel has: what it reports, capped at the newest we know.
int UsableAbi(const landlockc_probe_info& info) { return std::min(info.abi, abi::kNewestAbi); }

llvm::StringRef StatusWord(const landlockc_probe_info& info) {
  if (info.abi > 0) return "available";
  if (info.error == ENOSYS) return "not built in";
  if (info.error == EOPNOTSUPP) return "disabled at boot";
  return "error";
}

// "Linux 6.15" for the mainline release that introduced `abi_level`.
std::string KernelOfAbi(int abi_level) {
  for (const abi::KernelRelease& release : abi::kKernelReleases)
    if (release.abi == abi_level)
      return llvm::formatv("Linux {0}.{1}", release.major, release.minor);
  return "";
}

std::string MissingText(abi::Category category, int usable) {
  std::vector<std::string> missing;
  for (const abi::Right& right : abi::kRights)
    if (right.category == category && right.abi > usable)
      missing.push_back(llvm::formatv("{0} (ABI {1})", right.name, right.abi));
  return llvm::join(missing, ", ");
}

llvm::json::Array Names(abi::Category category, uint64_t mask) {
  llvm::json::Array names;
  for (llvm::StringRef name : model::RightNames(category, mask)) names.push_back(name);
  return names;
}

// Flags as the language names them: the `log` settings by their own names, TSYNC as `threads`
// (the statement `threads all;`), not by the kernel's name.
llvm::json::Array FlagNames(uint32_t flags) {
  llvm::json::Array names;
  for (const abi::RestrictFlag& flag : abi::kRestrictFlags)
    if (flags & flag.bit)
      names.push_back(flag.bit == LANDLOCK_RESTRICT_SELF_TSYNC ? "threads" : flag.name);
  return names;
}

llvm::json::Object RightsJson(int from_abi, int to_abi) {
  llvm::json::Object object;
  for (abi::Category category : kCategories)
    object[model::CategoryName(category)] = Names(
        category, abi::RightsForAbi(category, to_abi) & ~abi::RightsForAbi(category, from_abi));
  object["flags"] =
      FlagNames(abi::RestrictFlagsForAbi(to_abi) & ~abi::RestrictFlagsForAbi(from_abi));
  return object;
}

}  // namespace

cl::SubCommand& ProbeCommand() { return command; }

std::string ProbeText(const landlockc_probe_info& info) {
  std::string text;
  if (info.abi == 0) {
    text += "Landlock: none: " + NoLandlockReason(info.error) + "\n";
    text += "every policy runs unrestricted here unless it says `requires abi N`\n";
    return text;
  }
  text += llvm::formatv("Landlock ABI: {0}", info.abi);
  if (info.abi > abi::kNewestAbi)
    text += llvm::formatv(" (newer than the newest landlockc knows, {0})", abi::kNewestAbi);
  else
    text += llvm::formatv(" (as introduced in {0})", KernelOfAbi(info.abi));
  text += "\n";
  text += info.errata == 0 ? std::string("errata: none\n")
                           : llvm::formatv("errata: {0:x}\n", info.errata).str();
  int usable = UsableAbi(info);
  for (abi::Category category : kCategories) {
    uint64_t mask = abi::RightsForAbi(category, usable);
    text += llvm::formatv("{0} rights: {1}\n", model::CategoryName(category),
                          mask == 0 ? "none" : model::JoinRightNames(category, mask, ", "));
  }
  uint32_t flags = abi::RestrictFlagsForAbi(usable);
  text += llvm::formatv("restrict flags: {0}\n", flags == 0 ? "none" : RestrictFlagsText(flags));
  for (abi::Category category : kCategories) {
    std::string missing = MissingText(category, usable);
    if (!missing.empty())
      text += llvm::formatv("{0} rights this kernel lacks: {1}\n", model::CategoryName(category),
                            missing);
  }
  std::vector<std::string> missing_flags;
  for (const abi::RestrictFlag& flag : abi::kRestrictFlags)
    if (flag.abi > usable)
      missing_flags.push_back(
          llvm::formatv("{0} (ABI {1})", RestrictFlagsText(flag.bit), flag.abi));
  if (!missing_flags.empty())
    text +=
        llvm::formatv("restrict flags this kernel lacks: {0}\n", llvm::join(missing_flags, ", "));
  return text;
}

llvm::json::Value ProbeJson(const landlockc_probe_info& info) {
  int usable = UsableAbi(info);
  return model::Versioned(llvm::json::Object{
      {"abi", info.abi},
      {"status", StatusWord(info)},
      {"errno", info.error},
      {"errata", static_cast<int64_t>(info.errata)},
      {"newest_known_abi", abi::kNewestAbi},
      {"available", RightsJson(0, usable)},
      {"missing", RightsJson(usable, abi::kNewestAbi)},
  });
}

int RunProbe() {
  landlockc_probe_info info{};
  landlockc_probe(&info);
  if (format == Format::kJson)
    llvm::outs() << llvm::formatv("{0:2}", ProbeJson(info)) << '\n';
  else
    llvm::outs() << ProbeText(info);
  return kExitOk;
}

}  // namespace landlockc::cli
