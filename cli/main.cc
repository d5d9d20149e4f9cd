// landlockc: one driver, one subcommand per task. Each subcommand lives in its own unit
// (cli/<command>_command.cc); this file only parses the command line and dispatches.
#include <cstring>
#include <vector>

#include "cli/check_command.h"
#include "cli/compile_command.h"
#include "cli/console.h"
#include "cli/exec_command.h"
#include "cli/exit_codes.h"
#include "cli/explain_command.h"
#include "cli/fmt_command.h"
#include "cli/inspect_command.h"
#include "cli/lint_command.h"
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
};

// `exec` reserves small statuses for the command it runs, so its own failures are 125.
int UsageStatus(int argc, char** argv) {
  return argc > 1 && std::strcmp(argv[1], "exec") == 0 ? kExitApplyFailed : kExitUsage;
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
  // LLVM Support registers `--color`; our colors follow the terminal, as the contract says.
  llvm::StringMap<llvm::cl::Option*>& options = llvm::cl::getRegisteredOptions();
  if (auto color = options.find("color"); color != options.end())
    color->second->setHiddenFlag(llvm::cl::ReallyHidden);
  std::string errors;
  llvm::raw_string_ostream error_stream(errors);
  // Messages name the tool, not the path it was started from.
  std::vector<const char*> arguments(argv, argv + argc);
  arguments[0] = "landlockc";
  if (!llvm::cl::ParseCommandLineOptions(
          argc, arguments.data(), "compiler and launcher for Landlock policies\n", &error_stream)) {
    PrintUsageErrors(error_stream.str());
    return UsageStatus(argc, argv);
  }
  for (const Command& command : kCommands)
    if (command.subcommand()) return command.run();
  landlockc::cli::PrintError("no command given; `landlockc --help` lists them");
  return kExitUsage;
}
