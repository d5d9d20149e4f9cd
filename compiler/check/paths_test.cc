// SPDX-License-Identifier: MIT
#include "compiler/check/paths.h"

#include "compiler/model/path_template.h"

#include <gtest/gtest.h>

namespace landlockc::check {
namespace {

class PathsTest : public ::testing::Test {
 protected:
  std::optional<std::string> Normalize(llvm::StringRef text) {
    return NormalizePath(text, llvm::SMRange(), diags_);
  }
  std::string OnlyError() const {
    EXPECT_EQ(diags_.diagnostics().size(), 1u);
    if (diags_.diagnostics().empty()) return "";
    return diags_.diagnostics().front().id + ": " + diags_.diagnostics().front().message;
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
};

TEST_F(PathsTest, ATildePathSuggestsHome) {
  EXPECT_EQ(Normalize("~/.config/app"), std::nullopt);
  EXPECT_EQ(OnlyError(),
            "relative-path: path `~/.config/app` is not absolute; start it with `/` or a variable "
            "such as `$HOME`");
  ASSERT_EQ(diags_.diagnostics().front().notes.size(), 1u);
  EXPECT_EQ(diags_.diagnostics().front().notes[0].message,
            "`~` is not expanded here: write `$HOME/.config/app`");
}

// How paths are normalized is model::NormalizePathTemplate's (path_template_test.cc); the checker
// passes the result on and turns each refusal into its diagnostic.
TEST_F(PathsTest, GivesTheNormalizedPathWithoutDiagnostics) {
  EXPECT_EQ(Normalize("$HOME//./.cache/"), "${HOME}/.cache");
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(PathsTest, RejectsEmpty) {
  EXPECT_EQ(Normalize(""), std::nullopt);
  EXPECT_EQ(OnlyError(), "empty-path: empty path");
}

TEST_F(PathsTest, RejectsRelative) {
  EXPECT_EQ(Normalize("etc/passwd"), std::nullopt);
  EXPECT_EQ(OnlyError(),
            "relative-path: path `etc/passwd` is not absolute; start it with `/` or a variable "
            "such as `$HOME`");
}

TEST_F(PathsTest, RejectsTildeAsRelative) {
  EXPECT_EQ(Normalize("~/x"), std::nullopt);
  EXPECT_EQ(diags_.diagnostics().at(0).id, "relative-path");
}

TEST_F(PathsTest, RejectsDotDot) {
  EXPECT_EQ(Normalize("/srv/www/../secret"), std::nullopt);
  EXPECT_EQ(OnlyError(),
            "dotdot-path: path `/srv/www/../secret` has a `..` component; write the path it "
            "leads to");
}

TEST_F(PathsTest, RejectsDotDotAtTheEnd) {
  EXPECT_EQ(Normalize("$HOME/.."), std::nullopt);
  EXPECT_EQ(diags_.diagnostics().at(0).id, "dotdot-path");
}

TEST_F(PathsTest, RejectsVariableInsideAComponent) {
  EXPECT_EQ(Normalize("/home/x$USER"), std::nullopt);
  EXPECT_EQ(OnlyError(),
            "invalid-path: path `/home/x$USER`: a variable must start a path component");
}

TEST_F(PathsTest, RejectsTwoVariablesInOneComponent) {
  EXPECT_EQ(Normalize("/${A}${B}"), std::nullopt);
  EXPECT_EQ(diags_.diagnostics().at(0).id, "invalid-path");
}

TEST_F(PathsTest, RejectsMalformedVariables) {
  for (llvm::StringRef text : {"/a/$", "/a/${}", "/a/${HOME", "/a/$1x", "/a/${1x}", "/a/${A-B}"}) {
    EXPECT_EQ(Normalize(text), std::nullopt) << text.str();
  }
  ASSERT_EQ(diags_.diagnostics().size(), 6u);
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "path `/a/$`: `$` must start a variable such as `$HOME` or `${HOME}`");
  EXPECT_EQ(diags_.diagnostics()[2].message, "path `/a/${HOME`: `${` without a closing `}`");
  for (const diag::Diagnostic& diagnostic : diags_.diagnostics())
    EXPECT_EQ(diagnostic.id, "invalid-path");
}

TEST_F(PathsTest, RejectsNulWithAnEscapedExcerpt) {
  EXPECT_EQ(Normalize(llvm::StringRef("/a\0b", 4)), std::nullopt);
  EXPECT_EQ(OnlyError(), "invalid-path: path `/a\\x00b`: it holds a NUL character");
}

TEST_F(PathsTest, RejectsPathsLongerThanTheKernelTakes) {
  std::string longest = "/" + std::string(model::kMaxPathLength - 1, 'a');
  EXPECT_EQ(Normalize(longest), longest);
  EXPECT_EQ(Normalize(longest + "b"), std::nullopt);
  EXPECT_EQ(OnlyError(), "path-too-long: path is 4096 bytes long; the kernel accepts at most 4095");
}

TEST_F(PathsTest, QuotesOnlyTheStartOfAHugePath) {
  std::string huge = "relative" + std::string(5 << 20, 'x');
  EXPECT_EQ(Normalize(huge), std::nullopt);
  EXPECT_LT(OnlyError().size(), 200u);
}

}  // namespace
}  // namespace landlockc::check
