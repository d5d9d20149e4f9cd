// SPDX-License-Identifier: MIT
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

TEST(PathTemplateTest, KeepsCleanAbsolutePaths) {
  for (const char* path : {"/", "/usr/lib", "/a b/ünïcode", "/a/.hidden/..x/x.."})
    EXPECT_EQ(Normalized(path), path);
}

TEST(PathTemplateTest, DropsEmptyAndDotComponentsAndTrailingSlashes) {
  EXPECT_EQ(Normalized("//etc/./ssh/"), "/etc/ssh");
  EXPECT_EQ(Normalized("/./usr/./lib/."), "/usr/lib");
  EXPECT_EQ(Normalized("//"), "/");
  EXPECT_EQ(Normalized("/."), "/");
}

TEST(PathTemplateTest, SpellsVariablesWithBraces) {
  struct Case {
    const char* written;
    const char* normalized;
  };
  for (Case c :
       {Case{"$HOME/.ssh", "${HOME}/.ssh"}, Case{"${HOME}", "${HOME}"}, Case{"$HOME", "${HOME}"},
        Case{"${XDG_RUNTIME_DIR}/web/", "${XDG_RUNTIME_DIR}/web"},
        Case{"/home/$USER/./x", "/home/${USER}/x"}, Case{"/tmp/${HOST}.d", "/tmp/${HOST}.d"},
        Case{"/tmp/$USER.d", "/tmp/${USER}.d"}, Case{"/tmp/${USER}-cache", "/tmp/${USER}-cache"},
        Case{"$_X1//./y", "${_X1}/y"}})
    EXPECT_EQ(Normalized(c.written), c.normalized);
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
  EXPECT_EQ(NormalizePathTemplate(llvm::StringRef("/a\0b", 4)).reason, "it holds a NUL character");
}

}  // namespace
}  // namespace landlockc::model
