#include "cli/exec_command.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "cli/command_search.h"
#include "cli/compiled_policy.h"
#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/report_text.h"
#include "landlockc/runtime.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("exec", "Apply a policy, then run a command under it");
cl::list<std::string> arguments(cl::Positional, cl::OneOrMore,
                                cl::desc("<policy.landlock|policy.llpb|-> -- <command> [arg]..."),
                                cl::sub(command));
cl::opt<int> max_abi("max-abi", cl::value_desc("N"), cl::init(0),
                     cl::desc("Behave as on a kernel of Landlock ABI N (never above the real one)"),
                     cl::sub(command));
cl::opt<bool> dry_run("dry-run",
                      cl::desc("Do everything but the final restriction; print the report and "
                               "do not run the command"),
                      cl::sub(command));
cl::opt<bool> verbose("v", cl::desc("Print the report on stderr before running the command"),
                      cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files (source input)"),
                                   cl::sub(command));

// Owns the prepared rulesets until they are applied or given up.
class PreparedState {
 public:
  PreparedState() = default;
  PreparedState(const PreparedState&) = delete;
  PreparedState& operator=(const PreparedState&) = delete;
  ~PreparedState() { landlockc_abort(&state_); }
  landlockc_state* get() { return &state_; }

 private:
  landlockc_state state_{};
};

int ApplyFailed(const std::string& policy_name, int error, const landlockc_report& report) {
  const char* reason = report.message[0] != '\0' ? report.message : landlockc_strerror(error);
  PrintError(llvm::formatv("cannot apply `{0}`: {1}", policy_name, reason));
  return kExitApplyFailed;
}

// 0 when the command can be started (its path in `path`), else 126 or 127.
int LookUpCommand(const std::string& name, std::string& path) {
  CommandLookup lookup = FindCommand(name, SearchPath());
  switch (lookup.outcome) {
    case CommandLookup::Outcome::kFound:
      path = lookup.path;
      return kExitOk;
    case CommandLookup::Outcome::kNotExecutable:
      PrintError(
          llvm::formatv("cannot execute `{0}`: {1}", lookup.path,
                        std::strerror(llvm::sys::fs::is_directory(lookup.path) ? EISDIR : EACCES)));
      return kExitNotExecutable;
    case CommandLookup::Outcome::kNotFound:
      PrintError(llvm::formatv("`{0}`: command not found", name));
      return kExitNotFound;
  }
  return kExitNotFound;
}

// Becomes the command; returns only on failure.
int BecomeCommand(const std::string& path, llvm::ArrayRef<std::string> command_line) {
  std::vector<char*> argv;
  for (const std::string& argument : command_line)
    argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  llvm::outs().flush();
  llvm::errs().flush();
  ::execv(path.c_str(), argv.data());
  int error = errno;
  PrintError(
      llvm::formatv("cannot execute `{0}`: {1}", command_line.front(), std::strerror(error)));
  return error == ENOENT || error == ENOTDIR ? kExitNotFound : kExitNotExecutable;
}

// Usage problems, or "".
std::string UsageProblem() {
  if (arguments.size() < 2 && !dry_run)
    return "no command to run; write `landlockc exec POLICY -- COMMAND [ARG]...`";
  if (max_abi < 0 || max_abi > abi::kNewestAbi)
    return llvm::formatv("`--max-abi {0}` is outside the known Landlock ABIs 1..{1}",
                         max_abi.getValue(), abi::kNewestAbi);
  return "";
}

}  // namespace

cl::SubCommand& ExecCommand() { return command; }

int RunExec() {
  if (std::string problem = UsageProblem(); !problem.empty()) {
    PrintError(problem);
    return kExitApplyFailed;
  }
  CompiledPolicy policy;
  if (LoadCompiledPolicy(arguments.front(), include_dirs, policy) != LoadFailure::kNone)
    return kExitApplyFailed;

  landlockc_options options{max_abi, 0, nullptr};
  landlockc_report report;
  PreparedState state;
  if (int error =
          landlockc_prepare(policy.blob.data(), policy.blob.size(), &options, state.get(), &report);
      error < 0)
    return ApplyFailed(policy.name, error, report);
  if (std::optional<std::string> warning = BestEffortWarning(report, policy.name))
    PrintWarning(*warning);

  llvm::ArrayRef<std::string> command_line = llvm::ArrayRef<std::string>(arguments).drop_front();
  std::string path;
  if (!command_line.empty())
    if (int status = LookUpCommand(command_line.front(), path); status != kExitOk) return status;
  if (dry_run) {
    llvm::outs() << llvm::formatv("policy `{0}` (dry run, nothing restricted):\n", policy.name)
                 << DescribeReport(report);
    return kExitOk;
  }
  if (int error = landlockc_restrict(state.get(), &report); error < 0)
    return ApplyFailed(policy.name, error, report);
  if (verbose)
    llvm::errs() << llvm::formatv("landlockc: policy `{0}` applied:\n", policy.name)
                 << DescribeReport(report);
  return BecomeCommand(path, command_line);
}

}  // namespace landlockc::cli
