// SPDX-License-Identifier: MIT
#include "cli/compiled_policy.h"

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/policy_input.h"
#include "compiler/codegen/codegen.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::cli {
namespace {

LoadFailure LoadBlob(const PolicyInput& input, CompiledPolicy& compiled) {
  compiled.blob.assign(input.bytes().begin(), input.bytes().end());
  llvm::Expected<model::Policy> decoded = codegen::DecodeBlob(compiled.blob);
  if (!decoded) {
    ReportBadBlob(input.name, decoded.takeError());
    return LoadFailure::kBadPolicy;
  }
  compiled.model = std::move(*decoded);
  compiled.from_blob = true;
  return LoadFailure::kNone;
}

LoadFailure LoadSource(PolicyInput& input, const check::Options& options,
                       CompiledPolicy& compiled) {
  compiled.sources = std::make_unique<llvm::SourceMgr>();
  std::optional<model::Policy> checked = CheckAndPrint(input, options, *compiled.sources);
  if (!checked) return LoadFailure::kBadPolicy;
  compiled.model = std::move(*checked);
  compiled.blob = codegen::EmitBlob(compiled.model);
  return LoadFailure::kNone;
}

}  // namespace

LoadFailure LoadCompiledPolicy(llvm::StringRef path, llvm::ArrayRef<std::string> include_dirs,
                               CompiledPolicy& compiled) {
  std::optional<check::Options> options = CheckOptionsOrPrint(include_dirs);
  if (!options) return LoadFailure::kUsage;
  llvm::Expected<PolicyInput> input = ReadPolicyInput(path);
  if (!input) {
    PrintError(llvm::toString(input.takeError()));
    return LoadFailure::kIo;
  }
  compiled.name = input->name;
  if (input->is_blob) return LoadBlob(*input, compiled);
  return LoadSource(*input, *options, compiled);
}

LoadFailure LoadCompiledSource(llvm::StringRef name, llvm::StringRef text,
                               llvm::ArrayRef<std::string> include_dirs, CompiledPolicy& compiled) {
  std::optional<check::Options> options = CheckOptionsOrPrint(include_dirs);
  if (!options) return LoadFailure::kUsage;
  PolicyInput input;
  input.name = name.str();
  input.contents = llvm::MemoryBuffer::getMemBufferCopy(text, name);
  compiled.name = input.name;
  return LoadSource(input, *options, compiled);
}

int ReportBadBlob(llvm::StringRef name, llvm::Error error) {
  PrintError("`" + name + "` is not a valid compiled policy: " + llvm::toString(std::move(error)));
  return kExitFailure;
}

}  // namespace landlockc::cli
