#include "lint/paths.h"

#include <gtest/gtest.h>

namespace landlockc::lint {
namespace {

TEST(PathsTest, BeneathFollowsComponentsNotPrefixes) {
  EXPECT_TRUE(IsSameOrBeneath("/a/b", "/a"));
  EXPECT_TRUE(IsSameOrBeneath("/a", "/a"));
  EXPECT_FALSE(IsSameOrBeneath("/ab", "/a"));
  EXPECT_FALSE(IsSameOrBeneath("/a", "/a/b"));
  EXPECT_TRUE(IsSameOrBeneath("/a", "/"));
  EXPECT_TRUE(IsSameOrBeneath("/", "/"));
}

TEST(PathsTest, VariablesAreRootsOfTheirOwn) {
  EXPECT_TRUE(IsSameOrBeneath("${HOME}/.ssh", "${HOME}"));
  EXPECT_FALSE(IsSameOrBeneath("${HOME}/.ssh", "/"));
  EXPECT_FALSE(IsSameOrBeneath("${HOMEDIR}", "${HOME}"));
  EXPECT_FALSE(IsSameOrBeneath("/home/me", "${HOME}"));
}

TEST(PathsTest, Parent) {
  EXPECT_EQ(ParentPath("/a/b"), "/a");
  EXPECT_EQ(ParentPath("/a"), "/");
  EXPECT_EQ(ParentPath("/"), "/");
  EXPECT_EQ(ParentPath("${HOME}/x"), "${HOME}");
  EXPECT_EQ(ParentPath("${HOME}"), "${HOME}");
}

TEST(PathsTest, NormalizesUserPathsLikeTheCompiler) {
  EXPECT_EQ(NormalizeUserPath("//etc/./ssh/"), "/etc/ssh");
  EXPECT_EQ(NormalizeUserPath("/"), "/");
  EXPECT_EQ(NormalizeUserPath("$HOME/.ssh"), "${HOME}/.ssh");
  EXPECT_EQ(NormalizeUserPath("${HOME}"), "${HOME}");
  EXPECT_EQ(NormalizeUserPath("/a/../b"), std::nullopt);
  EXPECT_EQ(NormalizeUserPath("relative/x"), std::nullopt);
  EXPECT_EQ(NormalizeUserPath(""), std::nullopt);
  EXPECT_EQ(NormalizeUserPath("${HOME"), std::nullopt);
  EXPECT_EQ(NormalizeUserPath("$1/x"), std::nullopt);
}

}  // namespace
}  // namespace landlockc::lint
