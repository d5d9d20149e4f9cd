// SPDX-License-Identifier: MIT
#include "cli/learn_command.h"

#include <signal.h>

#include <cstdlib>
#include <cstring>
#include <memory>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/output_file.h"
#include "cli/policy_input.h"
#include "compiler/format/formatter.h"
#include "landlockc/runtime.h"
#include "learn/proposal.h"
#include "learn/repair.h"
#include "lint/data/locations.h"
#include "lint/linter.h"
#include "lint/output.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"
#include "trace/tracer.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command(
    "learn",
    "Run a command UNRESTRICTED under a tracer and propose a policy from what it did (learning is "
    "not a sandbox: the command can do anything you can)");
cl::list<std::string> command_line(cl::Positional, cl::OneOrMore, cl::desc("-- <command> [arg]..."),
                                   cl::sub(command));
cl::opt<std::string> output("o", cl::value_desc("out"), cl::init("-"),
                            cl::desc("Write the policy to OUT (default: standard output)"),
                            cl::sub(command));
cl::opt<std::string> from("from", cl::value_desc("policy"),
                          cl::desc("Repair POLICY: report what it denies and add what is missing"),
                          cl::sub(command));
cl::opt<int> abi_option("abi", cl::value_desc("N"), cl::init(0),
                        cl::desc("Write the policy for Landlock ABI N (default: this kernel's)"),
                        cl::sub(command));
cl::opt<bool> no_std("no-std", cl::desc("Do not use the standard library's blocks"),
                     cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));
cl::opt<bool> verbose("v",
                      cl::desc("Print every access recorded on stderr, lookups (stat, access) "
                               "included"),
                      cl::sub(command));

// The ABI to write the policy for: --abi, else the kernel's (the newest known when it is newer,
// or when the kernel has no Landlock, with a warning).
int PolicyAbi() {
  if (abi_option != 0) return abi_option;
  int kernel = landlockc_probe(nullptr);
  if (kernel <= 0) {
    PrintWarning(llvm::formatv("this kernel has no Landlock; writing the policy for ABI {0}",
                               abi::kNewestAbi));
    return abi::kNewestAbi;
  }
  return std::min(kernel, abi::kNewestAbi);
}

std::string HomeDirectory() {
  const char* home = std::getenv("HOME");
  return home && home[0] == '/' ? home : "";
}

// Writes the policy to OUT (`-`: standard output).
bool WriteOut(const std::string& text) {
  if (llvm::Error error = WriteOutputFile(output, text)) {
    PrintError(llvm::toString(std::move(error)));
    return false;
  }
  return true;
}

// A grant beneath a location that holds secrets (`sensitive-path` reports grants on or above
// one): the program read a secret, which the user must see.
void WarnAboutSecrets(const model::Policy& policy) {
  for (const model::Layer& layer : policy.layers)
    for (const model::FsGrant& grant : layer.fs_grants) {
      if (!grant.via_rules.empty()) continue;
      for (llvm::StringRef path =
               llvm::sys::path::parent_path(grant.path, llvm::sys::path::Style::posix);
           path.size() > 1;
           path = llvm::sys::path::parent_path(path, llvm::sys::path::Style::posix)) {
        std::vector<lint::data::CoveredLocation> covered =
            lint::data::SensitiveLocationsCoveredBy(path);
        if (covered.empty() || covered.front().path != path) continue;
        PrintWarning(llvm::formatv(
            "the program read `{0}`, in `{1}`, which holds {2}: review "
            "this grant ({3}:{4})",
            grant.path, path, covered.front().holds, grant.location.file, grant.location.line));
        break;
      }
    }
}

// Checks `text` (named `name`), lints it and prints the findings; false when it does not check.
bool LintProposal(const std::string& name, const std::string& text, const check::Options& options) {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine checked(sources);
  std::optional<model::Policy> policy = check::CheckSource(name, text, options, checked);
  if (!policy) {
    RenderDiagnostics(checked);
    return false;
  }
  WarnAboutSecrets(*policy);
  diag::DiagnosticEngine linted(sources);
  lint::Lint(*policy, lint::LintOptions{}, checked.diagnostics(), linted);
  const diag::DiagnosticEngine* engines[] = {&linted};
  lint::WriteDiagnostics(engines, lint::Format::kText, llvm::errs(), {StderrHasColors()});
  return true;
}

// Proposes a new policy from `result` and writes it; false when learning failed.
bool WriteProposal(const trace::TraceResult& result, int abi, const check::Options& options) {
  learn::ProposalOptions proposal;
  proposal.abi = abi;
  proposal.use_std = !no_std;
  proposal.home = HomeDirectory();
  proposal.check_options = options;
  proposal.command.assign(command_line.begin(), command_line.end());
  proposal.exists = [](const std::string& path) { return llvm::sys::fs::exists(path); };
  llvm::Expected<std::string> text = learn::ProposePolicy(result.accesses, proposal);
  if (!text) {
    PrintError(llvm::toString(text.takeError()));
    return false;
  }
  std::string formatted = format::FormatPolicy(*text);
  if (!WriteOut(formatted)) return false;
  return LintProposal(output == "-" ? "<learned>" : output.getValue(), formatted, options);
}

// Repairs --from P with `result` and writes it; false when learning failed.
bool WriteRepair(const trace::TraceResult& result, const check::Options& options) {
  std::optional<PolicyInput> input = ReadPolicySource(from, "learn --from");
  if (!input) return false;
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags(sources);
  std::optional<model::Policy> policy = CheckPolicySource(*input, options, diags);
  if (!policy) {
    RenderDiagnostics(diags);
    return false;
  }
  int abi = abi_option != 0 ? abi_option.getValue() : policy->abi;
  learn::Repair repair = learn::RepairPolicy(*policy, input->name, input->contents->getBuffer(),
                                             result.accesses, abi, HomeDirectory());
  for (const std::string& denial : repair.denials) llvm::errs() << "landlockc: " << denial << "\n";
  for (const std::string& problem : repair.unfixable) PrintWarning(problem);
  if (repair.denials.empty())
    llvm::errs() << "landlockc: `" << input->name
                 << "` already allows everything the command did\n";
  return WriteOut(repair.text);
}

// The exit status of `learn` for how the command ended.
int CommandStatus(const trace::TraceResult& result) {
  if (result.term_signal != 0) {
    const char* name = sigabbrev_np(result.term_signal);
    PrintWarning(llvm::formatv("`{0}` was killed by signal {1}{2}", command_line.front(),
                               result.term_signal,
                               name ? (llvm::Twine(" (SIG") + name + ")").str() : ""));
    return 128 + result.term_signal;
  }
  return result.exit_status;
}

}  // namespace

cl::SubCommand& LearnCommand() { return command; }

int RunLearn() {
  if (abi_option < 0 || abi_option > abi::kNewestAbi) {
    PrintError(llvm::formatv("`--abi {0}` is outside the known Landlock ABIs 1..{1}",
                             abi_option.getValue(), abi::kNewestAbi));
    return kExitApplyFailed;
  }
  std::optional<check::Options> options = CheckOptionsOrPrint(include_dirs);
  if (!options) return kExitApplyFailed;
  if (!from.empty() && !llvm::sys::fs::exists(from) && from != "-") {
    PrintError(llvm::formatv("cannot read `{0}`: {1}", from.getValue(), std::strerror(ENOENT)));
    return kExitApplyFailed;
  }
  int abi = from.empty() ? PolicyAbi() : 0;
  llvm::outs().flush();
  llvm::errs().flush();
  llvm::Expected<trace::TraceResult> result =
      trace::TraceCommand({command_line.begin(), command_line.end()}, {.lookups = verbose});
  if (!result) {
    PrintError("learning failed: " + llvm::toString(result.takeError()));
    return kExitApplyFailed;
  }
  if (result->exec_error != 0) {
    bool missing = result->exec_error == ENOENT || result->exec_error == ENOTDIR;
    if (missing)
      PrintError(llvm::formatv("`{0}`: command not found", command_line.front()));
    else
      PrintError(llvm::formatv("cannot execute `{0}`: {1}", command_line.front(),
                               std::strerror(result->exec_error)));
    return missing ? kExitNotFound : kExitNotExecutable;
  }
  if (result->io_uring_pid != 0)
    PrintWarning(llvm::formatv(
        "process {0} set up an io_uring: what it submitted through the ring (opens, connects "
        "...) bypassed system calls and was not seen; the policy does not allow it",
        result->io_uring_pid));
  if (verbose)
    for (const trace::Access& access : result->accesses)
      llvm::errs() << "landlockc: seen: " << trace::DescribeAccess(access) << "\n";
  bool written =
      from.empty() ? WriteProposal(*result, abi, *options) : WriteRepair(*result, *options);
  if (!written) return kExitApplyFailed;
  return CommandStatus(*result);
}

}  // namespace landlockc::cli
