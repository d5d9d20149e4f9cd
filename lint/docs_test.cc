// SPDX-License-Identifier: MIT
// Every rule has a page in docs/lint/, and the page's examples are true: the failing example
// reports the rule with exactly the text the page shows, and the passing example does not.
#include <fstream>
#include <optional>
#include <sstream>

#include <gtest/gtest.h>

#include "compiler/check/check.h"
#include "lint/linter.h"
#include "lint/rules/registry.h"
#include "llvm/ADT/SmallVector.h"

namespace landlockc::lint {
namespace {

struct Page {
  std::string failing;
  std::string command;
  std::string output;
  std::string passing;
};

// The first fenced block after `heading`, and the first `landlockc ...` command after it.
std::string BlockAfter(const std::string& text, const std::string& heading, size_t* end = nullptr) {
  size_t at = text.find(heading);
  if (at == std::string::npos) return "";
  size_t open = text.find("```\n", at);
  size_t close = text.find("\n```", open + 4);
  if (open == std::string::npos || close == std::string::npos) return "";
  if (end) *end = close + 4;
  return text.substr(open + 4, close - open - 4) + "\n";
}

std::optional<Page> ReadPage(const std::string& id) {
  std::ifstream file(std::string(LANDLOCKC_SOURCE_DIR) + "/docs/lint/" + id + ".md");
  if (!file) return std::nullopt;
  std::stringstream buffer;
  buffer << file.rdbuf();
  std::string text = buffer.str();
  Page page;
  size_t after_failing = 0;
  page.failing = BlockAfter(text, "## Failing example", &after_failing);
  size_t command = text.find("`landlockc lint", after_failing);
  if (command != std::string::npos)
    page.command = text.substr(command + 1, text.find('`', command + 1) - command - 1);
  page.output = BlockAfter(text.substr(after_failing), "reports:");
  page.passing = BlockAfter(text, "## Passing example");
  return page;
}

LintOptions OptionsOf(llvm::StringRef command) {
  LintOptions options;
  llvm::SmallVector<llvm::StringRef, 8> words;
  command.split(words, ' ', -1, false);
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "--host") options.host = true;
    if (words[i] == "--target" && i + 1 < words.size()) {
      llvm::Expected<Target> target = ParseTarget(words[i + 1]);
      EXPECT_TRUE(static_cast<bool>(target)) << command.str();
      if (target)
        options.targets.push_back(*target);
      else
        llvm::consumeError(target.takeError());
    }
  }
  return options;
}

// The first line of the text rendering of the findings of `id`, or "" when there is none.
std::string FirstFinding(const std::string& id, const std::string& source,
                         const LintOptions& options) {
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine check_diags(source_mgr);
  diag::DiagnosticEngine lint_diags(source_mgr);
  std::optional<model::Policy> policy =
      check::CheckSource("p.landlock", source, check::Options{}, check_diags);
  EXPECT_TRUE(policy.has_value()) << source;
  if (!policy) return "compile error";
  Lint(*policy, options, check_diags.diagnostics(), lint_diags);
  for (const diag::Diagnostic& diagnostic : lint_diags.diagnostics()) {
    if (diagnostic.id != id) continue;
    return llvm::formatv("{0}:{1}:{2}: {3}: {4} [{5}]", diagnostic.file, diagnostic.line,
                         diagnostic.column, diag::SeverityName(diagnostic.severity),
                         diagnostic.message, diagnostic.id)
        .str();
  }
  return "";
}

TEST(DocsTest, EveryRuleHasAPageWhoseExamplesHold) {
  for (const Rule* rule : AllRules()) {
    SCOPED_TRACE(rule->id);
    std::optional<Page> page = ReadPage(rule->id);
    ASSERT_TRUE(page.has_value()) << "missing docs/lint/" << rule->id << ".md";
    ASSERT_FALSE(page->failing.empty());
    ASSERT_FALSE(page->passing.empty());
    LintOptions options = OptionsOf(page->command);
    std::string expected = page->output.substr(0, page->output.find('\n'));
    EXPECT_EQ(FirstFinding(rule->id, page->failing, options), expected);
    EXPECT_EQ(FirstFinding(rule->id, page->passing, options), "");
  }
}

}  // namespace
}  // namespace landlockc::lint
