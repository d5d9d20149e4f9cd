// SPDX-License-Identifier: MIT
#include "cli/lsp_command.h"

#include <iostream>

#include "cli/exit_codes.h"
#include "cli/policy_input.h"
#include "cli/stdlib_dir.h"
#include "lsp/lsp.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("lsp", "Run the language server on standard input and output");
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));

}  // namespace

cl::SubCommand& LspCommand() { return command; }

int RunLsp() {
  std::optional<check::Options> options = CheckOptionsOrPrint(include_dirs);
  if (!options) return kExitUsage;
  // The protocol is bytes: no synchronization with C stdio, nothing else writes to stdout.
  std::ios::sync_with_stdio(false);
  return lsp::Serve(std::cin, std::cout, {options->include_dirs, options->stdlib_dir});
}

}  // namespace landlockc::cli
