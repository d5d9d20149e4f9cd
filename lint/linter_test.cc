// SPDX-License-Identifier: MIT
#include "lint/linter.h"

#include "lint/rules/registry.h"
#include "lint/testing/lint_testing.h"

namespace landlockc::lint {
namespace {

using diag::Severity;

// Options that only disable the rules `ids`.
LintOptions Disabling(std::vector<std::string> ids) {
  LintOptions options;
  options.disabled = std::move(ids);
  return options;
}

class LinterTest : public LintTest {
 protected:
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const diag::Diagnostic& diagnostic : lint_diags_.diagnostics())
      ids.push_back(diagnostic.id + "@" + std::to_string(diagnostic.line));
    return ids;
  }
};

constexpr const char* kBroad =
    "abi 10;\n"
    "layer main {\n"
    "    handle fs: all;\n"
    "    allow read_write on \"/etc\";\n"
    "}\n";

TEST_F(LinterTest, FindingsAreOrderedByPosition) {
  Lint(kBroad);
  EXPECT_EQ(Ids(), (std::vector<std::string>{"unhandled-net@2", "unhandled-scope@2",
                                             "broad-grant@4", "sensitive-path@4"}))
      << Rendered();
}

TEST_F(LinterTest, TrailingIgnoreSilencesTheStatement) {
  Lint(
      "abi 10;\n"
      "layer main {\n"
      "    handle fs: all;\n"
      "    handle net: all;\n"
      "    handle scope: all;\n"
      "    allow read_write on \"/etc\"; # lint:ignore broad-grant,sensitive-path config editor\n"
      "}\n");
  EXPECT_TRUE(lint_diags_.diagnostics().empty()) << Rendered();
}

TEST_F(LinterTest, StandaloneIgnoreCoversAMultiLineStatement) {
  Lint(
      "abi 10;\n"
      "layer main {\n"
      "    handle fs: all;\n"
      "    handle net: all;\n"
      "    handle scope: all;\n"
      "    # lint:ignore broad-grant\n"
      "    allow read_write on \"/tmp/app\",\n"
      "        \"/var\";\n"
      "}\n");
  EXPECT_TRUE(lint_diags_.diagnostics().empty()) << Rendered();
}

TEST_F(LinterTest, PolicyAndLayerFindingsCanBeIgnored) {
  Lint(
      "# a policy without an abi line\n"
      "\n"
      "# lint:ignore unpinned-abi tracks the newest ABI on purpose\n"
      "layer main { # lint:ignore unhandled-fs,unhandled-net,unhandled-scope only forbids exec\n"
      "    handle fs: execute;\n"
      "}\n");
  EXPECT_TRUE(lint_diags_.diagnostics().empty()) << Rendered();
}

TEST_F(LinterTest, IgnoreSilencesCompilerWarningsToo) {
  Lint(
      "abi 10;\n"
      "layer main {\n"
      "    handle fs: read;\n"
      "    handle net: all;\n"
      "    handle scope: all;\n"
      "    allow read + execute on \"/usr\"; # lint:ignore unhandled-grant,unhandled-fs\n"
      "}\n",
      Disabling({"unhandled-fs"}));
  EXPECT_TRUE(lint_diags_.diagnostics().empty()) << Rendered();
}

TEST_F(LinterTest, DisabledRulesDoNotRun) {
  Lint(kBroad, Disabling({"broad-grant", "unhandled-net", "unhandled-scope"}));
  EXPECT_EQ(Ids(), (std::vector<std::string>{"sensitive-path@4"})) << Rendered();
}

TEST_F(LinterTest, DisablingARuleSilencesTheCompilerWarningOfTheSameId) {
  const char* policy =  // without --disable, `execute` is reported as `unhandled-grant`
      "abi 10;\n"
      "layer main {\n"
      "    handle fs: read;\n"
      "    handle net: all;\n"
      "    handle scope: all;\n"
      "    allow read + execute on \"/usr\";\n"
      "}\n";
  Lint(policy, Disabling({"unhandled-fs", "unhandled-grant"}));
  EXPECT_TRUE(lint_diags_.diagnostics().empty()) << Rendered();
}

TEST_F(LinterTest, TargetDependentRulesRunPerTargetAndMergeAlikeFindings) {
  LintOptions options;
  options.targets = {TargetNamed("rhel-9"), TargetNamed("abi:10")};
  Lint("abi 10;\nlayer main {\n    handle fs: all - truncate;\n}\n", options);
  std::vector<std::string> messages;
  for (const diag::Diagnostic& diagnostic : lint_diags_.diagnostics())
    if (diagnostic.id == "unhandled-net" || diagnostic.id == "unhandled-fs")
      messages.push_back(diagnostic.message);
  EXPECT_EQ(messages,
            (std::vector<std::string>{
                "layer `main` leaves `truncate` unrestricted on targets `rhel-9` (ABI 5), "
                "`abi:10` (ABI 10)",
                "no layer restricts `bind_tcp`, `connect_tcp` on target `rhel-9` (ABI 5), "
                "so the program can use them on any port",
                "no layer restricts `bind_tcp`, `connect_tcp`, `bind_udp`, "
                "`connect_send_udp` on target `abi:10` (ABI 10), so the program can use "
                "them on any port"}))
      << Rendered();
}

TEST_F(LinterTest, ATargetGivenTwiceIsNamedOnce) {
  LintOptions options;
  options.targets = {TargetNamed("abi:6"), TargetNamed("abi:6")};
  auto findings =
      Findings("unhandled-net", "abi 4;\nlayer main {\n    handle fs: all;\n}\n", options);
  ASSERT_EQ(findings.size(), 1u) << Rendered();
  ExpectFinding(findings[0], "unhandled-net", Severity::kWarning, 2, 1,
                "no layer restricts `bind_tcp`, `connect_tcp` on target `abi:6` (ABI 6), so the "
                "program can use them on any port");
}

TEST_F(LinterTest, ValidatesRuleIds) {
  EXPECT_FALSE(static_cast<bool>(ValidateRuleIds({"broad-grant", "unused-ignore"})));
  llvm::Error error = ValidateRuleIds({"broad-grnat"});
  EXPECT_EQ(llvm::toString(std::move(error)),
            "unknown lint rule `broad-grnat` (did you mean `broad-grant`?)");
  EXPECT_EQ(llvm::toString(ValidateRuleIds({"zzz"})), "unknown lint rule `zzz`");
}

TEST_F(LinterTest, FailOnThresholds) {
  Lint(kBroad);
  const auto& found = lint_diags_.diagnostics();
  // Warnings and a note: the default (warning) fails, error does not.
  EXPECT_EQ(LintExitCode(found, *ParseFailOn("error")), 0);
  EXPECT_EQ(LintExitCode(found, *ParseFailOn("warning")), 1);
  EXPECT_EQ(LintExitCode(found, *ParseFailOn("note")), 1);
  EXPECT_EQ(LintExitCode(found, *ParseFailOn("never")), 0);
  EXPECT_EQ(LintExitCode({}, FailOn::kNote), 0);
  llvm::Expected<FailOn> bad = ParseFailOn("warnings");
  ASSERT_FALSE(static_cast<bool>(bad));
  EXPECT_EQ(llvm::toString(bad.takeError()),
            "invalid --fail-on value `warnings` (expected error, warning, note or never)");
}

TEST_F(LinterTest, NotesOnlyFailOnlyAtNote) {
  Lint("abi 10;\nlayer main {\n    allow read on \"/usr\";\n    allow read on \"/usr/lib\";\n}\n");
  EXPECT_EQ(Ids(), (std::vector<std::string>{"redundant-grant@4"})) << Rendered();
  EXPECT_EQ(LintExitCode(lint_diags_.diagnostics(), FailOn::kWarning), 0);
  EXPECT_EQ(LintExitCode(lint_diags_.diagnostics(), FailOn::kNote), 1);
}

TEST_F(LinterTest, RegistryIsSortedAndComplete) {
  std::vector<std::string> ids;
  for (const Rule* rule : AllRules()) ids.push_back(rule->id);
  EXPECT_EQ(ids, (std::vector<std::string>{
                     "abi-unsupported", "broad-grant", "broad-port", "device-grant",
                     "ineffective-grant", "missing-path", "newer-abi", "redundant-grant",
                     "sensitive-path", "unhandled-fs", "unhandled-grant", "unhandled-net",
                     "unhandled-scope", "unpinned-abi", "unused-ignore", "write-execute"}));
  EXPECT_EQ(FindRule("write-execute"), AllRules().back());
  EXPECT_EQ(FindRule("nope"), nullptr);
}

}  // namespace
}  // namespace landlockc::lint
