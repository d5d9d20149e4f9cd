// SPDX-License-Identifier: MIT
#include "cli/exec_command.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>

#include "cli/command_search.h"
#include "cli/compiled_policy.h"
#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/inline_policy.h"
#include "cli/report_text.h"
#include "landlockc/runtime.h"
#include "lint/describe.h"
#include "lint/host_paths.h"
#include "lint/preflight.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"
#include "runtime/abi_table.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("exec", "Apply a policy, then run a command under it");
cl::list<std::string> arguments(
    cl::Positional, cl::ZeroOrMore,
    cl::desc(
        "<policy.landlock|policy.llpb|-> [--] <command> [arg]... (options end at the command)"),
    cl::sub(command));
cl::opt<int> max_abi("max-abi", cl::value_desc("N"), cl::init(0),
                     cl::desc("Behave as on a kernel of Landlock ABI N (1..10, never above the "
                              "real one)"),
                     cl::sub(command));
cl::opt<bool> dry_run("dry-run",
                      cl::desc("Do everything but the final restriction; print the report and "
                               "do not run the command"),
                      cl::sub(command));
cl::opt<bool> verbose("v",
                      cl::desc("Print the report on stderr before running the command: optional "
                               "grants skipped, variables expanded, grants narrowed"),
                      cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files (source input)"),
                                   cl::sub(command));
cl::OptionCategory inline_category("Inline grants (instead of a policy file)");
cl::list<std::string> use_blocks("use", cl::value_desc("name"), cl::ZeroOrMore,
                                 cl::desc("Use the standard block std/NAME.landlock"),
                                 cl::cat(inline_category), cl::sub(command));
cl::list<std::string> read_paths("ro", cl::value_desc("path"), cl::ZeroOrMore,
                                 cl::desc("Grant `read` on PATH"), cl::cat(inline_category),
                                 cl::sub(command));
cl::list<std::string> read_exec_paths("rox", cl::value_desc("path"), cl::ZeroOrMore,
                                      cl::desc("Grant `read + execute` on PATH"),
                                      cl::cat(inline_category), cl::sub(command));
cl::list<std::string> write_paths("rw", cl::value_desc("path"), cl::ZeroOrMore,
                                  cl::desc("Grant `read_write` on PATH"), cl::cat(inline_category),
                                  cl::sub(command));
cl::list<std::string> write_exec_paths("rwx", cl::value_desc("path"), cl::ZeroOrMore,
                                       cl::desc("Grant `read_write + execute` on PATH"),
                                       cl::cat(inline_category), cl::sub(command));
cl::list<std::string> bind_ports("bind-tcp", cl::value_desc("port"), cl::ZeroOrMore,
                                 cl::desc("Grant `bind_tcp` on PORT (N or N..M)"),
                                 cl::cat(inline_category), cl::sub(command));
cl::list<std::string> connect_ports("connect-tcp", cl::value_desc("port"), cl::ZeroOrMore,
                                    cl::desc("Grant `connect_tcp` on PORT (N or N..M)"),
                                    cl::cat(inline_category), cl::sub(command));
cl::opt<bool> print_policy("print-policy",
                           cl::desc("Print the inline grants as a policy file and run nothing"),
                           cl::cat(inline_category), cl::sub(command));

// The options that take their value as the next argument (`--max-abi 3`, `--ro /usr`).
constexpr const char* kOptionsWithValue[] = {"max-abi", "I",   "use",      "ro",         "rox",
                                             "rw",      "rwx", "bind-tcp", "connect-tcp"};
// The inline grant options: with one of them there is no policy argument.
constexpr const char* kInlineOptions[] = {"use", "ro",       "rox",         "rw",
                                          "rwx", "bind-tcp", "connect-tcp", "print-policy"};

bool Named(llvm::StringRef argument, llvm::ArrayRef<const char*> names) {
  argument = argument.ltrim('-').split('=').first;
  return llvm::is_contained(names, argument);
}

InlineGrants GivenInlineGrants() {
  InlineGrants grants;
  grants.use = use_blocks;
  grants.read = read_paths;
  grants.read_exec = read_exec_paths;
  grants.write = write_paths;
  grants.write_exec = write_exec_paths;
  grants.bind_tcp = bind_ports;
  grants.connect_tcp = connect_ports;
  return grants;
}

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

// Becomes the command, or says why it cannot and exits. The policy is in force by now, so it ends
// with _exit: exit handlers may need files the policy denies (LeakSanitizer's reads /proc).
[[noreturn]] void BecomeCommand(const std::string& path, llvm::ArrayRef<std::string> command_line) {
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
  llvm::errs().flush();
  ::_exit(error == ENOENT || error == ENOTDIR ? kExitNotFound : kExitNotExecutable);
}

// True when a policy argument comes with inline grants: a positional before an inline option (the
// command comes after every option), or a first argument that names a policy file.
bool MixesPolicyAndInline() {
  if (arguments.empty()) return false;
  llvm::StringRef first = arguments.front();
  if (first == "-" || first.endswith(".landlock") || first.endswith(".llpb")) return true;
  unsigned first_position = arguments.getPosition(0);
  // cl::list overloads `&` (it gives the vector), hence std::addressof.
  cl::list<std::string>* const kLists[] = {
      std::addressof(use_blocks),       std::addressof(read_paths),
      std::addressof(read_exec_paths),  std::addressof(write_paths),
      std::addressof(write_exec_paths), std::addressof(bind_ports),
      std::addressof(connect_ports)};
  for (cl::list<std::string>* list : kLists)
    for (size_t i = 0; i < list->size(); ++i)
      if (list->getPosition(static_cast<unsigned>(i)) > first_position) return true;
  return print_policy && print_policy.getPosition() > first_position;
}

// Usage problems, or "".
std::string UsageProblem(bool inline_grants) {
  if (inline_grants && MixesPolicyAndInline())
    return "inline grants (`--ro`, `--rw`, `--use`...) and a policy file cannot be mixed: put the "
           "grants in the file, or drop the file";
  if (!inline_grants && arguments.empty())
    return "no policy given; write `landlockc exec POLICY -- COMMAND [ARG]...` or use inline "
           "grants (`--ro PATH`...)";
  if (!inline_grants && arguments.size() < 2 && !dry_run)
    return "no command to run; write `landlockc exec POLICY -- COMMAND [ARG]...`";
  if (inline_grants && arguments.empty() && !print_policy && !dry_run)
    return "no command to run; write `landlockc exec --ro PATH... -- COMMAND [ARG]...`";
  if (print_policy && GivenInlineGrants().Empty())
    return "`--print-policy` prints inline grants: give `--ro`, `--rw`, `--use`... too";
  if (max_abi.getNumOccurrences() > 0 && (max_abi < 1 || max_abi > abi::kNewestAbi))
    return llvm::formatv("`--max-abi {0}` is outside the known Landlock ABIs 1..{1}",
                         max_abi.getValue(), abi::kNewestAbi);
  return "";
}

// How `-v` shows the policy on this machine: each optional grant skipped and why, each variable
// with its value, each grant narrowed to file rights (at the effective ABI).
std::string DescribeHostGrants(const lint::HostPolicy& host, int abi) {
  std::string text;
  for (size_t l = 0; l < host.grants.size(); ++l) {
    const model::Layer& layer = host.policy.layers[l];
    uint64_t handled = layer.handled.fs & abi::RightsForAbi(abi::Category::kFs, abi);
    for (const lint::HostGrant& grant : host.grants[l]) {
      for (const auto& [name, value] : grant.variables)
        text += llvm::formatv("  variable: `${{{0}}` = `{1}` (in `{2}`)\n", name, value,
                              grant.written->path);
      if (grant.fate == lint::HostGrant::Fate::kSkipped)
        text += llvm::formatv("  skipped: optional grant on `{0}` (layer `{1}`): {2}\n",
                              grant.written->path, layer.name, grant.reason);
      uint64_t dropped = grant.written->rights & handled & ~abi::kFileRights;
      if (grant.fate == lint::HostGrant::Fate::kApplied && grant.kind == lint::ObjectKind::kFile &&
          dropped != 0)
        text += llvm::formatv(
            "  narrowed: grant on `{0}` (layer `{1}`) is a file: keeps only file rights, not {2}\n",
            grant.written->path, layer.name, lint::RightList(abi::Category::kFs, dropped));
    }
  }
  return text;
}

// Checks that `command` (found at `path`) can start under the policy as prepared: 0, or 126
// after saying which right on which file is missing.
int Preflight(const lint::HostPolicy& host, const landlockc_report& report, const std::string& name,
              const std::string& path) {
  if (report.layers_applied == 0) return kExitOk;  // nothing will be restricted
  std::string how = llvm::StringRef(name).contains('/') ? "as given" : "found in PATH";
  std::optional<std::string> denial =
      lint::LaunchDenial(host, report.effective_abi, name, lint::TraceLaunch(path, how),
                         lint::ProcessLoaderEnvironment());
  if (!denial) return kExitOk;
  PrintError(*denial);
  return kExitNotExecutable;
}

// Loads the policy file, or compiles the inline grants; 0 or the exit status.
int LoadPolicy(bool inline_grants, CompiledPolicy& policy) {
  if (!inline_grants)
    return LoadCompiledPolicy(arguments.front(), include_dirs, policy) == LoadFailure::kNone
               ? kExitOk
               : kExitApplyFailed;
  llvm::Expected<std::string> source = InlinePolicySource(GivenInlineGrants());
  if (!source) {
    PrintError(llvm::toString(source.takeError()));
    return kExitApplyFailed;
  }
  if (print_policy) {
    llvm::outs() << *source;
    return kExitOk;
  }
  return LoadCompiledSource("<inline>", *source, include_dirs, policy) == LoadFailure::kNone
             ? kExitOk
             : kExitApplyFailed;
}

}  // namespace

cl::SubCommand& ExecCommand() { return command; }

std::vector<const char*> EndExecOptionsAtCommand(std::vector<const char*> argv) {
  if (argv.size() < 3 || llvm::StringRef(argv[1]) != "exec") return argv;
  bool inline_grants = false;
  int positionals = 0;
  for (size_t i = 2; i < argv.size(); ++i) {
    llvm::StringRef argument = argv[i];
    if (argument == "--") return argv;
    if (argument.startswith("-") && argument != "-") {
      inline_grants |= Named(argument, kInlineOptions);
      bool separate_value = !argument.contains('=') && Named(argument, kOptionsWithValue);
      if (separate_value) ++i;
      continue;
    }
    if (inline_grants || positionals == 1) {
      argv.insert(argv.begin() + static_cast<std::ptrdiff_t>(i), "--");
      return argv;
    }
    ++positionals;
  }
  return argv;
}

int RunExec() {
  bool inline_grants = !GivenInlineGrants().Empty() || print_policy;
  if (std::string problem = UsageProblem(inline_grants); !problem.empty()) {
    PrintError(problem);
    return kExitApplyFailed;
  }
  CompiledPolicy policy;
  if (int status = LoadPolicy(inline_grants, policy); status != kExitOk || print_policy)
    return status;

  landlockc_options options{max_abi, 0, nullptr};
  landlockc_report report;
  PreparedState state;
  if (int error =
          landlockc_prepare(policy.blob.data(), policy.blob.size(), &options, state.get(), &report);
      error < 0)
    return ApplyFailed(policy.name, error, report);
  if (std::optional<std::string> warning = BestEffortWarning(report, policy.name))
    PrintWarning(*warning);

  llvm::ArrayRef<std::string> command_line = arguments;
  if (!inline_grants) command_line = command_line.drop_front();
  lint::HostPolicy host = lint::ResolvePolicyOnHost(policy.model, lint::ProcessEnvironment());
  std::string path;
  if (!command_line.empty()) {
    if (int status = LookUpCommand(command_line.front(), path); status != kExitOk) return status;
    if (int status = Preflight(host, report, command_line.front(), path); status != kExitOk)
      return status;
  }
  if (dry_run) {
    llvm::outs() << llvm::formatv("policy `{0}` (dry run, nothing restricted):\n", policy.name)
                 << DescribeReport(report) << DescribeHostGrants(host, report.effective_abi);
    return kExitOk;
  }
  if (int error = landlockc_restrict(state.get(), &report); error < 0)
    return ApplyFailed(policy.name, error, report);
  if (verbose)
    llvm::errs() << llvm::formatv("landlockc: policy `{0}` applied:\n", policy.name)
                 << DescribeReport(report) << DescribeHostGrants(host, report.effective_abi);
  BecomeCommand(path, command_line);
}

}  // namespace landlockc::cli
