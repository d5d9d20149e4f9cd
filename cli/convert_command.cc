// SPDX-License-Identifier: MIT
#include "cli/convert_command.h"

#include <optional>

#include "cli/compiled_policy.h"
#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/policy_input.h"
#include "compiler/codegen/decode.h"
#include "convert/convert.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("convert",
                       "Convert between policies and landlockconfig (JSON or TOML), the official "
                       "Landlock configuration format");
cl::opt<std::string> input_path(cl::Positional, cl::Required,
                                cl::desc("<in.landlock|in.llpb|in.json|in.toml|->"),
                                cl::sub(command));
cl::opt<std::string> output_path("o", cl::value_desc("file"),
                                 cl::desc("Write the result to FILE (default: standard output)"),
                                 cl::init("-"), cl::sub(command));
cl::opt<convert::Target> target(
    "to",
    cl::desc("Form to write (default: .landlock from landlockconfig, landlockconfig JSON from a "
             "policy)"),
    cl::values(clEnumValN(convert::Target::kLandlock, "landlock", "policy source"),
               clEnumValN(convert::Target::kLandlockconfigJson, "landlockconfig-json",
                          "landlockconfig, JSON"),
               clEnumValN(convert::Target::kLandlockconfigToml, "landlockconfig-toml",
                          "landlockconfig, TOML")),
    cl::sub(command));
cl::opt<bool> lossy("lossy",
                    cl::desc("Drop what the target cannot express, with a warning for each, "
                             "instead of failing"),
                    cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));

// `--to`, or the default for the input's form.
convert::Target TargetOr(convert::Target default_target) {
  return target.getNumOccurrences() != 0 ? target.getValue() : default_target;
}

int Write(const std::optional<std::string>& output) {
  if (!output) return kExitFailure;
  if (llvm::Error error = WriteOutputFile(output_path, *output)) {
    PrintError(llvm::toString(std::move(error)));
    return kExitUsage;
  }
  return kExitOk;
}

int FromLandlockconfig(const PolicyInput& input, convert::Form form) {
  llvm::SourceMgr sources;
  unsigned buffer = sources.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(input.contents->getBuffer(), input.name), llvm::SMLoc());
  diag::DiagnosticEngine diags(sources);
  std::optional<std::string> output = convert::ConvertLandlockconfig(
      buffer, form, TargetOr(convert::Target::kLandlock), lossy, diags);
  RenderDiagnostics(diags);
  return Write(output);
}

int FromPolicy(const PolicyInput& input) {
  CompiledPolicy compiled;
  LoadFailure failure =
      LoadCompiledSource(input.name, input.contents->getBuffer(), include_dirs, compiled);
  if (failure != LoadFailure::kNone)
    return failure == LoadFailure::kBadPolicy ? kExitFailure : kExitUsage;
  diag::DiagnosticEngine diags(*compiled.sources);  // where the model's locations point
  std::optional<std::string> output = convert::ConvertPolicy(
      compiled.model, TargetOr(convert::Target::kLandlockconfigJson), lossy, diags);
  RenderDiagnostics(diags);
  return Write(output);
}

int FromBlob(const PolicyInput& input) {
  if (TargetOr(convert::Target::kLandlockconfigJson) == convert::Target::kLandlock) {
    llvm::Expected<std::string> source = codegen::BlobToSource(input.bytes());
    if (!source) return ReportBadBlob(input.name, source.takeError());
    return Write(*source);
  }
  llvm::Expected<model::Policy> decoded = codegen::DecodeBlob(input.bytes());
  if (!decoded) return ReportBadBlob(input.name, decoded.takeError());
  llvm::SourceMgr no_sources;
  diag::DiagnosticEngine diags(no_sources);
  std::optional<std::string> output = convert::ConvertPolicy(
      *decoded, TargetOr(convert::Target::kLandlockconfigJson), lossy, diags);
  RenderDiagnostics(diags);
  return Write(output);
}

}  // namespace

cl::SubCommand& ConvertCommand() { return command; }

int RunConvert() {
  llvm::Expected<PolicyInput> input = ReadPolicyInput(input_path);
  if (!input) {
    PrintError(llvm::toString(input.takeError()));
    return kExitUsage;
  }
  if (input->is_blob) return FromBlob(*input);
  convert::Form form = convert::DetectForm(input->contents->getBuffer());
  if (form != convert::Form::kPolicySource) return FromLandlockconfig(*input, form);
  if (TargetOr(convert::Target::kLandlockconfigJson) == convert::Target::kLandlock) {
    PrintError("`" + input->name +
               "` is already .landlock source; `--to landlock` converts landlockconfig or a blob");
    return kExitUsage;
  }
  return FromPolicy(*input);
}

}  // namespace landlockc::cli
