#include "cli/lint_command.h"

#include <algorithm>
#include <memory>

#include "cli/console.h"
#include "cli/exit_codes.h"
#include "cli/policy_input.h"
#include "lint/linter.h"
#include "lint/output.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::cli {
namespace {

namespace cl = llvm::cl;

cl::SubCommand command("lint", "Check policies for mistakes and risky grants");
cl::list<std::string> policies(cl::Positional, cl::OneOrMore, cl::desc("<policy.landlock|->..."),
                               cl::sub(command));
cl::list<std::string> targets("target", cl::ZeroOrMore, cl::value_desc("target"),
                              cl::desc("Kernel to check against: abi:N, linux:X.Y, a distribution "
                                       "(debian-12, ubuntu-24.04, ...) or host; repeatable"),
                              cl::sub(command));
cl::opt<lint::Format> format(
    "format", cl::desc("Output form"), cl::init(lint::Format::kText),
    cl::values(clEnumValN(lint::Format::kText, "text", "diagnostics on stderr (default)"),
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

  const diag::DiagnosticEngine& findings() const { return compiled ? *linted : *checked; }
};

// The linter's options from the command line, or an error already printed.
std::optional<lint::LintOptions> ParseOptions() {
  lint::LintOptions options;
  options.disabled.assign(disabled.begin(), disabled.end());
  options.host = host;
  if (llvm::Error error = lint::ValidateRuleIds(options.disabled)) {
    PrintError(llvm::toString(std::move(error)));
    return std::nullopt;
  }
  for (const std::string& name : targets) {
    llvm::Expected<lint::Target> target = lint::ParseTarget(name);
    if (!target) {
      PrintError(llvm::toString(target.takeError()));
      return std::nullopt;
    }
    options.targets.push_back(*target);
  }
  return options;
}

// Checks and lints one file into `linted`; false when it could not be read as source.
bool LintOne(const std::string& path, const check::Options& check_options,
             const lint::LintOptions& options, Linted& linted) {
  llvm::Expected<PolicyInput> input = ReadPolicyInput(path);
  if (!input) {
    PrintError(llvm::toString(input.takeError()));
    return false;
  }
  if (input->is_blob) {
    PrintError(BlobWhereSourceNeeded(*input, "lint"));
    return false;
  }
  std::optional<model::Policy> checked = CheckPolicySource(*input, check_options, *linted.checked);
  if (!checked) return true;
  linted.compiled = true;
  lint::Lint(*checked, options, linted.checked->diagnostics(), *linted.linted);
  return true;
}

}  // namespace

cl::SubCommand& LintCommand() { return command; }

int RunLint() {
  std::optional<lint::LintOptions> options = ParseOptions();
  if (!options) return kExitUsage;
  llvm::Expected<check::Options> check_options = MakeCheckOptions(include_dirs);
  if (!check_options) {
    PrintError(llvm::toString(check_options.takeError()));
    return kExitUsage;
  }
  std::vector<Linted> linted(policies.size());
  bool unreadable = false;
  for (size_t i = 0; i < policies.size(); ++i)
    unreadable |= !LintOne(policies[i], *check_options, *options, linted[i]);

  std::vector<const diag::DiagnosticEngine*> engines;
  int status = kExitOk;
  for (const Linted& one : linted) {
    engines.push_back(&one.findings());
    status =
        std::max(status, one.compiled ? lint::LintExitCode(one.findings().diagnostics(), fail_on)
                                      : kExitFailure);
  }
  if (format == lint::Format::kText)
    lint::WriteDiagnostics(engines, format, llvm::errs(), StderrHasColors());
  else
    lint::WriteDiagnostics(engines, format, llvm::outs(), /*colors=*/false);
  return unreadable ? kExitUsage : status;
}

}  // namespace landlockc::cli
