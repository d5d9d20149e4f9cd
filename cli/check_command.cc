// SPDX-License-Identifier: MIT
#include "cli/check_command.h"

#include <algorithm>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/policy_input.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("check", "Parse and analyze policies; print diagnostics, write nothing");
cl::list<std::string> policies(cl::Positional, cl::OneOrMore, cl::desc("<policy.landlock|->..."),
                               cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));

// 0, 1 or 2 for one policy file.
int CheckOne(const std::string& path, const check::Options& options) {
  std::optional<PolicyInput> input = ReadPolicySource(path, "check");
  if (!input) return kExitUsage;
  llvm::SourceMgr sources;
  return CheckAndPrint(*input, options, sources) ? kExitOk : kExitFailure;
}

}  // namespace

cl::SubCommand& CheckCommand() { return command; }

int RunCheck() {
  std::optional<check::Options> options = CheckOptionsOrPrint(include_dirs);
  if (!options) return kExitUsage;
  int status = kExitOk;
  for (const std::string& path : policies) status = std::max(status, CheckOne(path, *options));
  return status;
}

}  // namespace landlockc::cli
