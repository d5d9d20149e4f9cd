// SPDX-License-Identifier: MIT
#include "cli/compile_command.h"

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/policy_input.h"
#include "compiler/codegen/codegen.h"
#include "compiler/model/json.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("compile", "Compile a policy to a blob, a C header or JSON");
cl::opt<std::string> policy(cl::Positional, cl::Required, cl::desc("<policy.landlock|->"),
                            cl::sub(command));
cl::opt<std::string> output("o", cl::value_desc("file"),
                            cl::desc("Write to FILE (`-`: standard output); default: the input "
                                     "name with .llpb, .h or .json"),
                            cl::sub(command));
cl::opt<EmitKind> emit(
    "emit", cl::desc("What to write"), cl::init(EmitKind::kBlob),
    cl::values(clEnumValN(EmitKind::kBlob, "blob", "the binary policy (default)"),
               clEnumValN(EmitKind::kC, "c", "a C header holding the blob"),
               clEnumValN(EmitKind::kJson, "json", "the checked layers as JSON")),
    cl::sub(command));
cl::opt<std::string> identifier("name", cl::value_desc("identifier"),
                                cl::desc("C identifier of the array for --emit=c; default: the "
                                         "input's stem, then _policy"),
                                cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));
cl::opt<std::string> depfile("depfile", cl::value_desc("file"),
                             cl::desc("Also write a Make-style dependency file listing every "
                                      "file read"),
                             cl::sub(command));

std::string Render(const model::Policy& checked, llvm::StringRef input_name) {
  std::vector<uint8_t> blob = codegen::EmitBlob(checked);
  switch (emit) {
    case EmitKind::kBlob:
      return std::string(blob.begin(), blob.end());
    case EmitKind::kC:
      return codegen::EmitCHeader(blob, identifier.empty() ? codegen::DefaultIdentifier(input_name)
                                                           : identifier.getValue());
    case EmitKind::kJson: {
      std::string text;
      llvm::raw_string_ostream os(text);
      os << llvm::formatv("{0:2}", model::Versioned(model::PolicyToJson(checked))) << '\n';
      return text;
    }
  }
  return "";
}

// A C identifier: what `--name` must be, as the header declares an array by that name. (A wrong
// name is refused rather than silently rewritten: the caller's code uses the name it gave.)
bool IsCIdentifier(llvm::StringRef name) {
  return !name.empty() && !llvm::isDigit(name.front()) &&
         llvm::all_of(name, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

// Usage errors found before reading anything, or "".
std::string UsageProblem(llvm::StringRef output_name) {
  if (policy == "-" && output.empty())
    return "reading the policy from standard input needs `-o FILE` (or `-o -`)";
  if (!depfile.empty() && output_name == "-")
    return "`--depfile` needs an output file: give `-o FILE`";
  if (!identifier.empty() && emit != EmitKind::kC) return "`--name` applies only to `--emit=c`";
  if (!identifier.empty() && !IsCIdentifier(identifier))
    return "`--name " + identifier +
           "` is not a C identifier: use letters, digits and `_`, not starting with a digit";
  if (policy != "-" && (llvm::sys::fs::equivalent(policy, output_name) ||
                        (!depfile.empty() && llvm::sys::fs::equivalent(policy, depfile))))
    return "the output would overwrite the policy `" + policy + "`";
  return "";
}

// The files the policy was read from, for the depfile (standard input is no file).
std::vector<std::string> Dependencies(const model::Policy& checked) {
  std::vector<std::string> files;
  for (const std::string& file : checked.files)
    if (file != "<stdin>") files.push_back(file);
  return files;
}

}  // namespace

cl::SubCommand& CompileCommand() { return command; }

std::string DefaultOutputName(llvm::StringRef input, EmitKind emit_kind) {
  llvm::SmallString<256> name(input);
  llvm::sys::path::replace_extension(name, emit_kind == EmitKind::kBlob ? ".llpb"
                                           : emit_kind == EmitKind::kC  ? ".h"
                                                                        : ".json");
  return std::string(name);
}

int RunCompile() {
  std::string output_name = output.empty() ? DefaultOutputName(policy, emit) : output.getValue();
  if (std::string problem = UsageProblem(output_name); !problem.empty()) {
    PrintError(problem);
    return kExitUsage;
  }
  std::optional<check::Options> options = CheckOptionsOrPrint(include_dirs);
  if (!options) return kExitUsage;
  std::optional<PolicyInput> input = ReadPolicySource(policy, "compile");
  if (!input) return kExitUsage;
  llvm::SourceMgr sources;
  std::optional<model::Policy> checked = CheckAndPrint(*input, *options, sources);
  if (!checked) return kExitFailure;
  if (llvm::Error error = WriteOutputFile(output_name, Render(*checked, input->name))) {
    PrintError(llvm::toString(std::move(error)));
    return kExitUsage;
  }
  if (depfile.empty()) return kExitOk;
  if (llvm::Error error =
          WriteOutputFile(depfile, FormatDepfile(output_name, Dependencies(*checked)))) {
    PrintError(llvm::toString(std::move(error)));
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace landlockc::cli
