// SPDX-License-Identifier: MIT
#include "cli/fmt_command.h"

#include <algorithm>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/policy_input.h"
#include "compiler/format/formatter.h"
#include "compiler/parse/parse.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("fmt", "Print policies in the canonical layout, or rewrite them");
cl::list<std::string> policies(cl::Positional, cl::OneOrMore, cl::desc("<policy.landlock|->..."),
                               cl::sub(command));
cl::opt<bool> in_place("i", cl::desc("Rewrite each file in place (only when it changes)"),
                       cl::sub(command));
cl::opt<bool> check_only("check",
                         cl::desc("Write nothing; exit 1 if a file is not formatted, naming it"),
                         cl::sub(command));

// Syntax errors make the layout of a file unknowable: they are printed and the file left alone.
bool ParsesCleanly(const PolicyInput& input) {
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  unsigned buffer = source_mgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(input.contents->getBuffer(), input.name), llvm::SMLoc());
  parse::ParseFile(buffer, diags);
  RenderDiagnostics(diags);
  return diags.error_count() == 0;
}

int FormatOne(const std::string& path) {
  std::optional<PolicyInput> input = ReadPolicySource(path, "fmt");
  if (!input) return kExitUsage;
  if (!ParsesCleanly(*input)) return kExitFailure;
  std::string formatted = format::FormatPolicy(input->contents->getBuffer());
  bool changed = formatted != input->contents->getBuffer();
  if (check_only) {
    if (!changed) return kExitOk;
    PrintError("`" + input->name + "` is not formatted; `landlockc fmt -i` rewrites it");
    return kExitFailure;
  }
  if (!in_place) {
    llvm::outs() << formatted;
    return kExitOk;
  }
  if (!changed) return kExitOk;
  if (llvm::Error error = WriteOutputFile(path, formatted)) {
    PrintError(llvm::toString(std::move(error)));
    return kExitUsage;
  }
  return kExitOk;
}

}  // namespace

cl::SubCommand& FmtCommand() { return command; }

int RunFmt() {
  if (in_place && check_only) {
    PrintError("`-i` and `--check` exclude each other");
    return kExitUsage;
  }
  if (in_place && llvm::is_contained(policies, "-")) {
    PrintError("`-i` cannot rewrite standard input");
    return kExitUsage;
  }
  int status = kExitOk;
  for (const std::string& path : policies) status = std::max(status, FormatOne(path));
  return status;
}

}  // namespace landlockc::cli
