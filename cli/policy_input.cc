#include "cli/policy_input.h"

#include <cstring>

#include "compiler/check/source_file.h"
#include "llvm/ADT/Twine.h"
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

std::optional<model::Policy> CheckPolicySource(const PolicyInput& input,
                                               const check::Options& options,
                                               diag::DiagnosticEngine& diags) {
  return check::CheckSource(input.name, input.contents->getBuffer(), options, diags);
}

std::string BlobWhereSourceNeeded(const PolicyInput& input, llvm::StringRef command) {
  return (llvm::Twine("`") + input.name + "` is a compiled policy; `" + command +
          "` needs policy source (`landlockc inspect` turns a blob back into source)")
      .str();
}

}  // namespace landlockc::cli
