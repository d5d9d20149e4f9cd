// SPDX-License-Identifier: MIT
#include "lint/paths.h"

#include <gtest/gtest.h>

#include <cstdlib>

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
  // A variable holds an absolute path: beneath `/`, but nothing more is known.
  EXPECT_TRUE(IsSameOrBeneath("${HOME}/.ssh", "/"));
  EXPECT_TRUE(IsSameOrBeneath("${HOME}", "/"));
  EXPECT_FALSE(IsSameOrBeneath("${HOME}/.ssh", "/home"));
  EXPECT_FALSE(IsSameOrBeneath("/", "${HOME}"));
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

}  // namespace
}  // namespace landlockc::lint
