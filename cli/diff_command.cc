// SPDX-License-Identifier: MIT
#include "cli/diff_command.h"

#include "cli/compiled_policy.h"
#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/target_option.h"
#include "diff/diff.h"
#include "diff/output.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("diff", "Show what a change to a policy widens and narrows");
cl::opt<std::string> old_policy(cl::Positional, cl::Required, cl::desc("<old.landlock|old.llpb|->"),
                                cl::sub(command));
cl::opt<std::string> new_policy(cl::Positional, cl::Required, cl::desc("<new.landlock|new.llpb|->"),
                                cl::sub(command));
cl::opt<std::string> target_name("target", cl::value_desc("target"),
                                 cl::desc("Kernel to compare on: abi:N, linux:X.Y, a distribution "
                                          "or host (default: the newest ABI known)"),
                                 cl::sub(command));
cl::opt<diff::Format> format(
    "format", cl::desc("Output form"), cl::init(diff::Format::kText),
    cl::values(clEnumValN(diff::Format::kText, "text", "one line per difference (default)"),
               clEnumValN(diff::Format::kJson, "json", "one JSON document"),
               clEnumValN(diff::Format::kMarkdown, "markdown",
                          "a table for a pull-request comment"),
               clEnumValN(diff::Format::kSarif, "sarif",
                          "SARIF 2.1.0, the widenings as findings at the new grants")),
    cl::sub(command));
cl::opt<diff::FailOn> fail_on(
    "fail-on", cl::desc("Smallest difference that makes diff exit 1"),
    cl::init(diff::FailOn::kWiden),
    cl::values(clEnumValN(diff::FailOn::kWiden, "widen", "anything widened (default)"),
               clEnumValN(diff::FailOn::kChange, "change", "any difference"),
               clEnumValN(diff::FailOn::kNever, "never",
                          "never, unless a policy does not compile")),
    cl::sub(command));
cl::opt<bool> quiet("quiet", cl::desc("Differences only: no summary line"), cl::sub(command));
cl::alias quiet_short("q", cl::desc("Alias for --quiet"), cl::aliasopt(quiet));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));

int LoadStatus(LoadFailure failure) {
  return failure == LoadFailure::kBadPolicy ? kExitFailure : kExitUsage;
}

}  // namespace

cl::SubCommand& DiffCommand() { return command; }

int RunDiff() {
  std::optional<lint::Target> target = ChosenTarget(target_name, lint::DefaultTarget());
  if (!target) return kExitUsage;
  if (old_policy == "-" && new_policy == "-") {
    PrintError("only one of OLD and NEW can be `-` (standard input)");
    return kExitUsage;
  }
  CompiledPolicy before;
  CompiledPolicy after;
  if (LoadFailure failure = LoadCompiledPolicy(old_policy, include_dirs, before);
      failure != LoadFailure::kNone)
    return LoadStatus(failure);
  if (LoadFailure failure = LoadCompiledPolicy(new_policy, include_dirs, after);
      failure != LoadFailure::kNone)
    return LoadStatus(failure);
  diff::Report report = diff::Compare(before.model, after.model, *target);
  report.old_name = before.name;
  report.new_name = after.name;
  diff::WriteReport(report, format, llvm::outs(), quiet);
  return diff::ExitCode(report, fail_on);
}

}  // namespace landlockc::cli
