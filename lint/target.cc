// SPDX-License-Identifier: MIT
#include "lint/target.h"

#include "landlockc/runtime.h"
#include "llvm/Support/FormatVariadic.h"
#include "runtime/abi_table.h"

namespace landlockc::lint {
namespace {

llvm::Error TargetError(llvm::StringRef text, llvm::StringRef why) {
  std::string names;
  for (const abi::Distribution& distribution : abi::kDistributions) {
    if (!names.empty()) names += ", ";
    names += distribution.name;
  }
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("invalid target `{0}`: {1} (expected `abi:N` with N in 1..{2}, `linux:X.Y`, "
                    "`host`, or one of: {3})",
                    text, why, abi::kNewestAbi, names)
          .str());
}

llvm::Expected<Target> ParseAbiTarget(llvm::StringRef text, llvm::StringRef number) {
  unsigned abi = 0;
  if (number.getAsInteger(10, abi) || abi < 1 || abi > static_cast<unsigned>(abi::kNewestAbi))
    return TargetError(text, "unknown ABI number");
  return Target{text.str(), static_cast<int>(abi)};
}

// `X.Y`, or a release as `uname -r` prints it (`6.8.0-45-generic`): the ABI only changes with
// X.Y, so a patch level or suffix is accepted and ignored.
llvm::Expected<Target> ParseLinuxTarget(llvm::StringRef text, llvm::StringRef version) {
  auto [major_text, rest] = version.split('.');
  llvm::StringRef minor_text = rest.take_while([](char c) { return c >= '0' && c <= '9'; });
  llvm::StringRef suffix = rest.drop_front(minor_text.size());
  unsigned major = 0;
  unsigned minor = 0;
  if (major_text.getAsInteger(10, major) || minor_text.getAsInteger(10, minor) ||
      !(suffix.empty() || suffix.startswith(".") || suffix.startswith("-")))
    return TargetError(text, "the kernel version must be MAJOR.MINOR");
  return Target{text.str(), abi::AbiOfKernel(static_cast<int>(major), static_cast<int>(minor))};
}

}  // namespace

std::string Target::Describe() const {
  if (abi == 0) return llvm::formatv("target `{0}` (no Landlock)", name).str();
  return llvm::formatv("target `{0}` (ABI {1})", name, abi).str();
}

llvm::Expected<Target> ParseTarget(llvm::StringRef text) {
  if (text.startswith("abi:")) return ParseAbiTarget(text, text.drop_front(4));
  if (text.startswith("linux:")) return ParseLinuxTarget(text, text.drop_front(6));
  if (text == "host") return Target{"host", ProbeHostAbi()};
  for (const abi::Distribution& distribution : abi::kDistributions)
    if (text == distribution.name) return Target{text.str(), distribution.abi};
  return TargetError(text, "unknown target");
}

Target DefaultTarget() {
  return Target{llvm::formatv("abi:{0}", abi::kNewestAbi).str(), abi::kNewestAbi};
}

int ProbeHostAbi() { return landlockc_probe(nullptr); }

}  // namespace landlockc::lint
