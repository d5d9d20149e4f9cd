// SPDX-License-Identifier: MIT
#include "cli/lint_command.h"

#include <algorithm>
#include <map>
#include <memory>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/policy_input.h"
#include "config/config.h"
#include "lint/linter.h"
#include "lint/output.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("lint", "Check policies for mistakes and risky grants");
cl::list<std::string> policies(cl::Positional, cl::ZeroOrMore, cl::desc("<policy.landlock|->..."),
                               cl::sub(command));
cl::list<std::string> targets("target", cl::ZeroOrMore, cl::value_desc("target"),
                              cl::desc("Kernel to check against: abi:N, linux:X.Y, a distribution "
                                       "(debian-12, ubuntu-24.04, ...) or host; repeatable"),
                              cl::sub(command));
cl::opt<lint::Format> format(
    "format", cl::desc("Output form"), cl::init(lint::Format::kText),
    cl::values(clEnumValN(lint::Format::kText, "text", "findings as text on stdout (default)"),
               clEnumValN(lint::Format::kJson, "json", "one JSON document on stdout"),
               clEnumValN(lint::Format::kSarif, "sarif",
                          "SARIF 2.1.0 on stdout, for code scanning")),
    cl::sub(command));
cl::opt<lint::FailOn> fail_on(
    "fail-on", cl::desc("Lowest severity that makes lint exit 1"), cl::init(lint::FailOn::kWarning),
    cl::values(clEnumValN(lint::FailOn::kError, "error", "errors only"),
               clEnumValN(lint::FailOn::kWarning, "warning", "warnings and errors (default)"),
               clEnumValN(lint::FailOn::kNote, "note", "any finding"),
               clEnumValN(lint::FailOn::kNever, "never", "only a policy that does not compile")),
    cl::sub(command));
cl::list<std::string> disabled("disable", cl::ZeroOrMore, cl::value_desc("id"),
                               cl::desc("Do not run the rule ID; repeatable"), cl::sub(command));
cl::opt<bool> host("host", cl::desc("The policy is for this machine: report paths missing here"),
                   cl::sub(command));
cl::list<std::string> include_dirs("I", cl::Prefix, cl::ZeroOrMore, cl::value_desc("dir"),
                                   cl::desc("Search DIR for included files"), cl::sub(command));
cl::opt<std::string> config_file("config", cl::value_desc("file"),
                                 cl::desc("Read this configuration file instead of looking for "
                                          "the nearest .landlockc.toml"),
                                 cl::sub(command));
cl::opt<bool> no_config("no-config", cl::desc("Read no .landlockc.toml"), cl::sub(command));
cl::opt<bool> quiet("quiet", cl::desc("Findings only: no documentation URLs, no summary line"),
                    cl::sub(command));
cl::alias quiet_short("q", cl::desc("Alias for --quiet"), cl::aliasopt(quiet));
cl::opt<bool> list_rules("list-rules",
                         cl::desc("List every rule (as a table, or JSON with --format=json)"),
                         cl::sub(command));

// One policy's sources and findings, kept until every policy is written out together: the check
// phase reports into `checked`; when it finds no error, the linter reports the compiler's
// warnings that survive suppression and its own findings into `linted`.
struct Linted {
  std::unique_ptr<llvm::SourceMgr> sources = std::make_unique<llvm::SourceMgr>();
  std::unique_ptr<diag::DiagnosticEngine> checked =
      std::make_unique<diag::DiagnosticEngine>(*sources);
  std::unique_ptr<diag::DiagnosticEngine> linted =
      std::make_unique<diag::DiagnosticEngine>(*sources);
  bool compiled = false;
  lint::FailOn fail_on = lint::FailOn::kWarning;

  const diag::DiagnosticEngine& findings() const { return compiled ? *linted : *checked; }
};

// The options the command line sets: each overrides the configuration file's value.
struct CommandLine {
  std::optional<std::vector<lint::Target>> targets;
  std::optional<std::vector<std::string>> disabled;
  std::optional<bool> host;
  std::optional<lint::FailOn> fail_on;
};

// The command line's lint options, or an error already printed.
std::optional<CommandLine> ParseCommandLine() {
  CommandLine options;
  if (disabled.getNumOccurrences()) {
    options.disabled.emplace(disabled.begin(), disabled.end());
    if (llvm::Error error = lint::ValidateRuleIds(*options.disabled)) {
      PrintError(llvm::toString(std::move(error)));
      return std::nullopt;
    }
  }
  if (targets.getNumOccurrences()) {
    options.targets.emplace();
    for (const std::string& name : targets) {
      llvm::Expected<lint::Target> target = lint::ParseTarget(name);
      if (!target) {
        PrintError(llvm::toString(target.takeError()));
        return std::nullopt;
      }
      options.targets->push_back(*target);
    }
  }
  if (host.getNumOccurrences()) options.host = host;
  if (fail_on.getNumOccurrences()) options.fail_on = fail_on;
  return options;
}

// The configuration for `policy`: none with --no-config, the --config file, else the nearest
// .landlockc.toml. Files are read once.
class Configs {
 public:
  llvm::Expected<const config::Config*> For(const std::string& policy) {
    if (no_config) return &none_;
    if (!config_file.empty()) return Loaded(config_file);
    std::optional<std::string> path = config::FindFor(policy);
    if (!path) return &none_;
    return Loaded(*path);
  }

 private:
  llvm::Expected<const config::Config*> Loaded(const std::string& path) {
    auto found = loaded_.find(path);
    if (found != loaded_.end()) return &found->second;
    llvm::Expected<config::Config> loaded = config::Load(path);
    if (!loaded) return loaded.takeError();
    return &loaded_.emplace(path, std::move(*loaded)).first->second;
  }

  config::Config none_;
  std::map<std::string, config::Config> loaded_;
};

// The file's settings with the command line's on top.
lint::LintOptions Merge(const config::Config& file, const CommandLine& command_line,
                        lint::FailOn& fail_on_out) {
  lint::LintOptions options;
  if (command_line.targets)
    options.targets = *command_line.targets;
  else if (file.targets)
    options.targets = *file.targets;
  if (command_line.disabled)
    options.disabled = *command_line.disabled;
  else if (file.disable)
    options.disabled = *file.disable;
  options.host = command_line.host.value_or(file.host.value_or(false));
  options.severity = file.severity;
  options.extra_sensitive_paths = file.extra_sensitive_paths;
  fail_on_out = command_line.fail_on.value_or(file.fail_on.value_or(lint::FailOn::kWarning));
  return options;
}

// Checks and lints one file into `linted`; false when it could not be read as source.
bool LintOne(const std::string& path, const check::Options& check_options,
             const lint::LintOptions& options, Linted& linted) {
  std::optional<PolicyInput> input = ReadPolicySource(path, "lint");
  if (!input) return false;
  std::optional<model::Policy> checked = CheckPolicySource(*input, check_options, *linted.checked);
  if (!checked) return true;
  linted.compiled = true;
  lint::Lint(*checked, options, linted.checked->diagnostics(), *linted.linted);
  return true;
}

int ListRules() {
  switch (format) {
    case lint::Format::kText:
      lint::WriteRuleTable(llvm::outs());
      return kExitOk;
    case lint::Format::kJson:
      llvm::outs() << llvm::formatv("{0:2}", lint::RulesJson()) << "\n";
      return kExitOk;
    case lint::Format::kSarif:
      break;
  }
  PrintError("--list-rules prints text or json, not sarif");
  return kExitUsage;
}

// Writes every policy's findings: text on stdout, except the errors of policies that did not
// compile, which are compiler diagnostics and go to stderr; JSON and SARIF as one document.
void WriteFindings(const std::vector<Linted>& linted) {
  std::vector<const diag::DiagnosticEngine*> engines;
  for (const Linted& one : linted) engines.push_back(&one.findings());
  if (format != lint::Format::kText) {
    lint::WriteDiagnostics(engines, format, llvm::outs());
    return;
  }
  std::vector<const diag::DiagnosticEngine*> findings;
  for (const Linted& one : linted) {
    if (one.compiled)
      findings.push_back(one.linted.get());
    else
      RenderDiagnostics(*one.checked);
  }
  llvm::errs().flush();
  lint::WriteDiagnostics(findings, format, llvm::outs(), {StdoutHasColors(), quiet});
}

}  // namespace

cl::SubCommand& LintCommand() { return command; }

int RunLint() {
  if (list_rules) return ListRules();
  if (policies.empty()) {
    PrintError("no policy given; `landlockc lint --help` shows the usage");
    return kExitUsage;
  }
  if (no_config && !config_file.empty()) {
    PrintError("--config and --no-config exclude each other");
    return kExitUsage;
  }
  std::optional<CommandLine> command_line = ParseCommandLine();
  if (!command_line) return kExitUsage;
  std::optional<check::Options> check_options = CheckOptionsOrPrint(include_dirs);
  if (!check_options) return kExitUsage;
  Configs configs;
  std::vector<Linted> linted(policies.size());
  std::vector<lint::LintOptions> options;
  for (size_t i = 0; i < policies.size(); ++i) {
    llvm::Expected<const config::Config*> file = configs.For(policies[i]);
    if (!file) {
      PrintError(llvm::toString(file.takeError()));
      return kExitUsage;
    }
    options.push_back(Merge(**file, *command_line, linted[i].fail_on));
  }
  bool unreadable = false;
  for (size_t i = 0; i < policies.size(); ++i)
    unreadable |= !LintOne(policies[i], *check_options, options[i], linted[i]);

  WriteFindings(linted);
  int status = kExitOk;
  for (const Linted& one : linted)
    status = std::max(status, one.compiled
                                  ? lint::LintExitCode(one.findings().diagnostics(), one.fail_on)
                                  : kExitFailure);
  return unreadable ? kExitUsage : status;
}

}  // namespace landlockc::cli
