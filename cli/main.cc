// SPDX-License-Identifier: MIT
// landlockc: one driver, one subcommand per task. Each subcommand lives in its own unit
// (cli/<command>_command.cc); this file only parses the command line and dispatches.
#include <cstring>
#include <vector>

#include "cli/check_command.h"
#include "cli/compile_command.h"
#include "cli/console.h"
#include "cli/convert_command.h"
#include "cli/diff_command.h"
#include "cli/exec_command.h"
#include "cli/exit_codes.h"
#include "cli/explain_command.h"
#include "cli/fmt_command.h"
#include "cli/inspect_command.h"
#include "cli/learn_command.h"
#include "cli/lint_command.h"
#include "cli/lsp_command.h"
#include "cli/probe_command.h"
#include "cli/stdlib_dir.h"
#include "cli/version.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

namespace {

using landlockc::cli::kExitApplyFailed;
using landlockc::cli::kExitUsage;

struct Command {
  llvm::cl::SubCommand& (*subcommand)();
  int (*run)();
};

constexpr Command kCommands[] = {
    {landlockc::cli::CheckCommand, landlockc::cli::RunCheck},
    {landlockc::cli::CompileCommand, landlockc::cli::RunCompile},
    {landlockc::cli::InspectCommand, landlockc::cli::RunInspect},
    {landlockc::cli::ExecCommand, landlockc::cli::RunExec},
    {landlockc::cli::FmtCommand, landlockc::cli::RunFmt},
    {landlockc::cli::LintCommand, landlockc::cli::RunLint},
    {landlockc::cli::ExplainCommand, landlockc::cli::RunExplain},
    {landlockc::cli::ProbeCommand, landlockc::cli::RunProbe},
    {landlockc::cli::DiffCommand, landlockc::cli::RunDiff},
    {landlockc::cli::LearnCommand, landlockc::cli::RunLearn},
    {landlockc::cli::ConvertCommand, landlockc::cli::RunConvert},
    {landlockc::cli::LspCommand, landlockc::cli::RunLsp},
};

// `exec` and `learn` reserve small statuses for the command they run, so their own failures are
// 125.
int UsageStatus(int argc, char** argv) {
  bool runs_command =
      argc > 1 && (std::strcmp(argv[1], "exec") == 0 || std::strcmp(argv[1], "learn") == 0);
  return runs_command ? kExitApplyFailed : kExitUsage;
}

// llvm::cl's messages, reworded as the driver's other errors: `landlockc: error: ...`.
void PrintUsageErrors(llvm::StringRef messages) {
  llvm::SmallVector<llvm::StringRef, 4> lines;
  messages.split(lines, '\n', /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  for (llvm::StringRef line : lines) {
    line.consume_front("landlockc: ");
    landlockc::cli::PrintError(line.trim());
  }
}

}  // namespace

int main(int argc, char** argv) {
  landlockc::cli::SetArgv0(argv[0]);
  llvm::cl::SetVersionPrinter(landlockc::cli::PrintVersion);
  // LLVM Support registers a top-level `--color`; ours is on every subcommand.
  llvm::StringMap<llvm::cl::Option*>& options = llvm::cl::getRegisteredOptions();
  if (auto color = options.find("color"); color != options.end())
    color->second->setHiddenFlag(llvm::cl::ReallyHidden);
  std::vector<llvm::cl::SubCommand*> subcommands;
  for (const Command& command : kCommands) subcommands.push_back(&command.subcommand());
  landlockc::cli::RegisterColorOption(subcommands);
  std::string errors;
  llvm::raw_string_ostream error_stream(errors);
  // Messages name the tool, not the path it was started from.
  std::vector<const char*> arguments(argv, argv + argc);
  arguments[0] = "landlockc";
  arguments = landlockc::cli::EndExecOptionsAtCommand(std::move(arguments));
  if (!llvm::cl::ParseCommandLineOptions(static_cast<int>(arguments.size()), arguments.data(),
                                         "compiler and launcher for Landlock policies\n",
                                         &error_stream)) {
    PrintUsageErrors(error_stream.str());
    return UsageStatus(argc, argv);
  }
  for (const Command& command : kCommands)
    if (command.subcommand()) return command.run();
  landlockc::cli::PrintError("no command given; `landlockc --help` lists them");
  return kExitUsage;
}
