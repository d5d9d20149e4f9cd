// SPDX-License-Identifier: MIT
#include "cli/inspect_command.h"

#include "cli/compiled_policy.h"
#include "cli/console.h"
#include "cli/exit_codes.h"
#include "compiler/codegen/blob_json.h"
#include "compiler/codegen/decode.h"
#include "compiler/model/json.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

enum class Format { kText, kJson };

cl::SubCommand command("inspect", "Decode a compiled policy back to source or JSON");
cl::opt<std::string> policy(cl::Positional, cl::Required, cl::desc("<policy.llpb|->"),
                            cl::sub(command));
cl::opt<Format> format("format", cl::desc("Output form"), cl::init(Format::kText),
                       cl::values(clEnumValN(Format::kText, "text",
                                             "policy source that compiles to the same blob"),
                                  clEnumValN(Format::kJson, "json", "the decoded blob as JSON")),
                       cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files (source input)"),
                                   cl::sub(command));

}  // namespace

cl::SubCommand& InspectCommand() { return command; }

int RunInspect() {
  CompiledPolicy compiled;
  switch (LoadCompiledPolicy(policy, include_dirs, compiled)) {
    case LoadFailure::kNone:
      break;
    case LoadFailure::kBadPolicy:
      return kExitFailure;
    case LoadFailure::kIo:
    case LoadFailure::kUsage:
      return kExitUsage;
  }
  if (format == Format::kJson) {
    llvm::Expected<llvm::json::Value> json = codegen::BlobToJson(compiled.blob);
    if (!json) return ReportBadBlob(compiled.name, json.takeError());
    llvm::outs() << llvm::formatv("{0:2}", model::Versioned(std::move(*json))) << '\n';
    return kExitOk;
  }
  llvm::Expected<std::string> source = codegen::BlobToSource(compiled.blob);
  if (!source) return ReportBadBlob(compiled.name, source.takeError());
  llvm::outs() << *source;
  return kExitOk;
}

}  // namespace landlockc::cli
