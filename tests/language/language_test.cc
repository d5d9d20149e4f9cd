// SPDX-License-Identifier: MIT
// Every policy example of docs/language.md, the user's reference, read from the Markdown: the
// fenced blocks tagged `landlock`. A plain block must check without any diagnostic; `expect=ID`
// must report ID; `name=N` must give exactly the JSON model in expected/N.json.
// LANDLOCKC_UPDATE_GOLDENS=1 rewrites those files.
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include <gtest/gtest.h>

#include "compiler/check/check.h"
#include "compiler/model/json.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "tests/support/test_files.h"

namespace landlockc {
namespace {

struct Example {
  std::string source;  // "LANGUAGE.md:12": the file and line of the opening fence
  std::string text;
  std::string name;        // expected/<name>.json, or empty
  std::string expect;      // the id it must report, or empty for a clean example
  std::string shown_json;  // a `json` block that follows the example in the document
};

// gtest prints a failing parameter with this instead of its bytes.
void PrintTo(const Example& example, std::ostream* os) { *os << example.source; }

// Appends the examples of the Markdown file at `path`.
void Extract(const std::string& path, std::vector<Example>& examples) {
  std::string markdown = test_support::ReadTestFile(path);
  llvm::SmallVector<llvm::StringRef, 0> lines;
  llvm::StringRef(markdown).split(lines, '\n');
  std::string file = llvm::sys::path::filename(path).str();
  for (size_t index = 0; index < lines.size(); ++index) {
    llvm::StringRef line = lines[index];
    if (!line.startswith("```")) continue;
    llvm::SmallVector<llvm::StringRef, 4> words;
    line.drop_front(3).split(words, ' ', -1, /*KeepEmpty=*/false);
    size_t start = index;
    std::string body;
    for (++index; index < lines.size() && !lines[index].startswith("```"); ++index)
      body += lines[index].str() + "\n";
    if (!words.empty() && words[0] == "json" && !examples.empty() &&
        !examples.back().name.empty() && examples.back().shown_json.empty()) {
      examples.back().shown_json = body;
      continue;
    }
    if (words.empty() || words[0] != "landlock") continue;
    Example example{file + ":" + std::to_string(start + 1), body, "", "", ""};
    for (llvm::StringRef word : llvm::makeArrayRef(words).drop_front()) {
      if (word.consume_front("name=")) example.name = word.str();
      if (word.consume_front("expect=")) example.expect = word.str();
    }
    examples.push_back(std::move(example));
  }
}

std::vector<Example> AllExamples() {
  std::vector<Example> examples;
  Extract(std::string(LANDLOCKC_SOURCE_DIR) + "/docs/language.md", examples);
  return examples;
}

class ExampleTest : public ::testing::TestWithParam<Example> {
 protected:
  // `include "std/..."` resolves against the source tree, as against an installed one.
  void SetUp() override { ASSERT_EQ(chdir(LANDLOCKC_SOURCE_DIR), 0); }
};

TEST_P(ExampleTest, Checks) {
  const Example& example = GetParam();
  llvm::SourceMgr source_mgr;
  diag::DiagnosticEngine diags(source_mgr);
  check::Options options;
  options.stdlib_dir = ".";
  // A named example is checked as `<name>.landlock`, so that its JSON does not change when the
  // document's lines move.
  std::string buffer_name = example.name.empty() ? example.source : example.name + ".landlock";
  std::optional<model::Policy> policy =
      check::CheckSource(buffer_name, example.text, options, diags);
  std::string rendered;
  llvm::raw_string_ostream os(rendered);
  diags.Render(os, /*colors=*/false);
  os.flush();

  if (!example.expect.empty()) {
    bool reported = false;
    for (const diag::Diagnostic& diagnostic : diags.diagnostics())
      reported = reported || diagnostic.id == example.expect;
    EXPECT_TRUE(reported) << example.source << " should report " << example.expect << ":\n"
                          << rendered;
    return;
  }
  ASSERT_TRUE(policy.has_value()) << example.source << ":\n" << rendered;
  EXPECT_TRUE(diags.diagnostics().empty()) << example.source << ":\n" << rendered;
  if (example.name.empty()) return;

  std::string expected_path = std::string(LANDLOCKC_EXPECTED_DIR) + "/" + example.name + ".json";
  llvm::json::Value actual = model::PolicyToJson(*policy);
  std::string actual_text = llvm::formatv("{0:2}", actual).str() + "\n";
  if (std::getenv("LANDLOCKC_UPDATE_GOLDENS") != nullptr)
    std::ofstream(expected_path) << actual_text;
  ASSERT_TRUE(llvm::sys::fs::exists(expected_path)) << "missing " << expected_path;
  llvm::Expected<llvm::json::Value> expected =
      llvm::json::parse(test_support::ReadTestFile(expected_path));
  ASSERT_TRUE(bool(expected)) << llvm::toString(expected.takeError());
  EXPECT_EQ(actual, *expected) << example.source << " gives:\n" << actual_text;
  if (example.shown_json.empty()) return;
  llvm::Expected<llvm::json::Value> shown = llvm::json::parse(example.shown_json);
  ASSERT_TRUE(bool(shown)) << llvm::toString(shown.takeError());
  EXPECT_EQ(actual, *shown) << "the JSON the document shows after " << example.source
                            << " is not what the compiler prints";
}

INSTANTIATE_TEST_SUITE_P(Docs, ExampleTest, ::testing::ValuesIn(AllExamples()),
                         [](const ::testing::TestParamInfo<Example>& param) {
                           std::string name = param.param.source;
                           for (char& c : name)
                             if (!llvm::isAlnum(c)) c = '_';
                           return name;
                         });

TEST(ExamplesTest, TheDocumentsHaveExamples) {
  std::vector<Example> examples = AllExamples();
  size_t named = 0;
  size_t expecting_errors = 0;
  for (const Example& example : examples) {
    named += !example.name.empty();
    expecting_errors += !example.expect.empty();
  }
  EXPECT_GE(named, 8u);
  EXPECT_TRUE(
      llvm::any_of(examples, [](const Example& example) { return !example.shown_json.empty(); }));
  EXPECT_GE(expecting_errors, 30u);
}

}  // namespace
}  // namespace landlockc
