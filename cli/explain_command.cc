// SPDX-License-Identifier: MIT
#include "cli/explain_command.h"

#include "cli/compiled_policy.h"
#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/target_option.h"
#include "lint/explain.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("explain", "Show how each layer decides one access, and the verdict");
cl::opt<std::string> policy(cl::Positional, cl::Required,
                            cl::desc("<policy.landlock|policy.llpb|->"), cl::sub(command));
cl::opt<std::string> path("path", cl::value_desc("path"),
                          cl::desc("The file or directory accessed (an fs right)"),
                          cl::sub(command));
cl::opt<unsigned> port("port", cl::value_desc("N"), cl::desc("The TCP or UDP port (a net right)"),
                       cl::sub(command));
cl::opt<std::string> access("access", cl::Required, cl::value_desc("rights"),
                            cl::desc("The rights used: a right (read_file, connect_tcp, signal), a "
                                     "set (read) or an expression (read_write - refer); each "
                                     "right gets a verdict"),
                            cl::sub(command));
cl::opt<lint::ObjectKind> kind(
    "kind", cl::desc("Whether PATH is a file or a directory (default: look on this machine)"),
    cl::values(clEnumValN(lint::ObjectKind::kFile, "file", "a file"),
               clEnumValN(lint::ObjectKind::kDirectory, "dir", "a directory")),
    cl::sub(command));
cl::opt<std::string> target_name("target", cl::value_desc("target"),
                                 cl::desc("Kernel to explain for: abi:N, linux:X.Y, a "
                                          "distribution or host (default: this kernel; on the "
                                          "host, paths are resolved as the kernel resolves them)"),
                                 cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files (source input)"),
                                   cl::sub(command));

lint::ExplainRequest Request() {
  lint::ExplainRequest request;
  if (path.getNumOccurrences() > 0) request.path = path.getValue();
  if (port.getNumOccurrences() > 0) request.port = port.getValue();
  if (kind.getNumOccurrences() > 0) request.kind = kind.getValue();
  request.access = access;
  return request;
}

}  // namespace

cl::SubCommand& ExplainCommand() { return command; }

int RunExplain() {
  if (path.getNumOccurrences() > 0 && port.getNumOccurrences() > 0) {
    PrintError("give `--path` or `--port`, not both");
    return kExitUsage;
  }
  std::optional<lint::Target> target = ChosenTarget(target_name, lint::DefaultExplainTarget());
  if (!target) return kExitUsage;
  CompiledPolicy compiled;
  if (LoadCompiledPolicy(policy, include_dirs, compiled) != LoadFailure::kNone) return kExitUsage;
  llvm::Expected<bool> allowed = lint::Explain(compiled.model, Request(), *target, llvm::outs());
  if (!allowed) {
    PrintError(llvm::toString(allowed.takeError()));
    return kExitUsage;
  }
  return *allowed ? kExitOk : kExitFailure;
}

}  // namespace landlockc::cli
