#include "compiler/model/path_template.h"

#include <gtest/gtest.h>

namespace landlockc::model {
namespace {

std::string Normalized(llvm::StringRef text) {
  NormalizedPath result = NormalizePathTemplate(text);
  EXPECT_EQ(result.problem, PathProblem::kNone) << text.str() << ": " << result.reason;
  return result.path;
}

PathProblem ProblemOf(llvm::StringRef text) { return NormalizePathTemplate(text).problem; }

TEST(PathTemplateTest, Normalizes) {
  EXPECT_EQ(Normalized("//etc/./ssh/"), "/etc/ssh");
  EXPECT_EQ(Normalized("/"), "/");
  EXPECT_EQ(Normalized("$HOME/.ssh"), "${HOME}/.ssh");
  EXPECT_EQ(Normalized("${HOME}"), "${HOME}");
  EXPECT_EQ(Normalized("/home/$USER/./x"), "/home/${USER}/x");
  EXPECT_EQ(Normalized("/tmp/${HOST}.d"), "/tmp/${HOST}.d");
}

TEST(PathTemplateTest, RefusesWithTheProblem) {
  EXPECT_EQ(ProblemOf(""), PathProblem::kEmpty);
  EXPECT_EQ(ProblemOf("relative/x"), PathProblem::kRelative);
  EXPECT_EQ(ProblemOf("/a/../b"), PathProblem::kDotDot);
  EXPECT_EQ(ProblemOf("/" + std::string(kMaxPathLength, 'a')), PathProblem::kTooLong);
  EXPECT_EQ(NormalizePathTemplate("${HOME").reason, "`${` without a closing `}`");
  EXPECT_EQ(NormalizePathTemplate("$1/x").reason,
            "`$` must start a variable such as `$HOME` or `${HOME}`");
  EXPECT_EQ(NormalizePathTemplate("/tmp/$").reason,
            "`$` must start a variable such as `$HOME` or `${HOME}`");
  EXPECT_EQ(NormalizePathTemplate("/tmp/x$A").reason, "a variable must start a path component");
  EXPECT_EQ(NormalizePathTemplate(llvm::StringRef("/a\0b", 4)).reason,
            "it holds a NUL character");
}

}  // namespace
}  // namespace landlockc::model
