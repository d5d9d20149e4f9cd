// SPDX-License-Identifier: MIT
#include "cli/policy_input.h"

#include "cli/console.h"

#include <cassert>
#include <cstring>

#include "cli/stdlib_dir.h"
#include "compiler/check/source_file.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "runtime/blob_format.h"

namespace landlockc::cli {

llvm::ArrayRef<uint8_t> PolicyInput::bytes() const {
  return {reinterpret_cast<const uint8_t*>(contents->getBufferStart()), contents->getBufferSize()};
}

bool StartsWithBlobMagic(llvm::ArrayRef<uint8_t> bytes) {
  return bytes.size() >= sizeof(blob::kMagic) &&
         std::memcmp(bytes.data(), blob::kMagic, sizeof(blob::kMagic)) == 0;
}

llvm::Expected<PolicyInput> ReadPolicyInput(llvm::StringRef path) {
  bool from_stdin = path == "-";
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = check::ReadPolicyFile(path);
  std::string name = from_stdin ? "<stdin>" : path.str();
  if (!buffer) {
    return llvm::createStringError(buffer.getError(), "cannot read `%s`: %s", name.c_str(),
                                   buffer.getError().message().c_str());
  }
  PolicyInput input{std::move(name), std::move(*buffer)};
  input.is_blob = StartsWithBlobMagic(input.bytes());
  return input;
}

llvm::Expected<check::Options> MakeCheckOptions(llvm::ArrayRef<std::string> include_dirs) {
  for (const std::string& dir : include_dirs) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(dir, status))
      return llvm::createStringError(std::errc::no_such_file_or_directory,
                                     "include directory `%s` does not exist", dir.c_str());
    if (!llvm::sys::fs::is_directory(status))
      return llvm::createStringError(std::errc::not_a_directory,
                                     "include directory `%s` is not a directory", dir.c_str());
  }
  return check::Options{{include_dirs.begin(), include_dirs.end()}, StdlibDir()};
}

std::optional<model::Policy> CheckPolicySource(PolicyInput& input, const check::Options& options,
                                               diag::DiagnosticEngine& diags) {
  // The buffer is named as messages name the input (`<stdin>` for `-`).
  assert(input.contents->getBufferIdentifier() == input.name);
  return check::CheckBuffer(std::move(input.contents), options, diags);
}

std::optional<check::Options> CheckOptionsOrPrint(llvm::ArrayRef<std::string> include_dirs) {
  llvm::Expected<check::Options> options = MakeCheckOptions(include_dirs);
  if (options) return std::move(*options);
  PrintError(llvm::toString(options.takeError()));
  return std::nullopt;
}

std::optional<PolicyInput> ReadPolicySource(llvm::StringRef path, llvm::StringRef command) {
  llvm::Expected<PolicyInput> input = ReadPolicyInput(path);
  if (!input) {
    PrintError(llvm::toString(input.takeError()));
    return std::nullopt;
  }
  if (input->is_blob) {
    PrintError(BlobWhereSourceNeeded(*input, command));
    return std::nullopt;
  }
  return std::move(*input);
}

std::optional<model::Policy> CheckAndPrint(PolicyInput& input, const check::Options& options,
                                           llvm::SourceMgr& sources) {
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = CheckPolicySource(input, options, diags);
  RenderDiagnostics(diags);
  return policy;
}

std::string BlobWhereSourceNeeded(const PolicyInput& input, llvm::StringRef command) {
  return (llvm::Twine("`") + input.name + "` is a compiled policy; `" + command +
          "` needs policy source (`landlockc inspect` turns a blob back into source)")
      .str();
}

}  // namespace landlockc::cli
