// SPDX-License-Identifier: MIT
#include "trace/resolve.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace landlockc::trace {
namespace {

namespace fs = std::filesystem;

TEST(ResolvePath, FollowsSymlinksAndTakesDotDotAfterResolution) {
  std::string pattern = (fs::temp_directory_path() / "landlockc-resolve-XXXXXX").string();
  std::string dir = ResolvePath(mkdtemp(pattern.data()), true);
  fs::create_directories(dir + "/real/deep");
  fs::create_symlink(dir + "/real/deep", dir + "/link");
  fs::create_symlink("deep", dir + "/real/relative");
  // `link/..` is `real`, not `dir`: the kernel takes `..` after following the link.
  EXPECT_EQ(ResolvePath(dir + "/link/../x", true), dir + "/real/x");
  EXPECT_EQ(ResolvePath(dir + "/real/relative/f", true), dir + "/real/deep/f");
  // The last component is kept when not followed.
  EXPECT_EQ(ResolvePath(dir + "/link", false), dir + "/link");
  EXPECT_EQ(ResolvePath(dir + "/link", true), dir + "/real/deep");
  // Missing components are appended lexically.
  EXPECT_EQ(ResolvePath(dir + "/missing/./a/../b", true), dir + "/missing/b");
  EXPECT_EQ(ResolvePath("/..//", true), "/");
  // A symlink loop stops after the kernel's 40 links instead of spinning.
  fs::create_symlink(dir + "/loop", dir + "/loop");
  EXPECT_EQ(ResolvePath(dir + "/loop", true), dir + "/loop");
  fs::remove_all(dir);
}

TEST(AbsoluteIn, UsesTheWorkingDirectoryOrTheDirfdOfTheProcess) {
  std::string cwd = fs::current_path().string();
  EXPECT_EQ(AbsoluteIn(getpid(), AT_FDCWD, "a/b"), cwd + "/a/b");
  EXPECT_EQ(AbsoluteIn(getpid(), AT_FDCWD, "/x"), "/x");
  int fd = open("/usr", O_RDONLY | O_DIRECTORY);
  EXPECT_EQ(AbsoluteIn(getpid(), fd, "lib"), "/usr/lib");
  close(fd);
  EXPECT_EQ(AbsoluteIn(getpid(), 9999, "lib"), "");
}

TEST(ParentOf, TakesTheDirectoryPart) {
  EXPECT_EQ(ParentOf("/a/b"), "/a");
  EXPECT_EQ(ParentOf("/a"), "/");
  EXPECT_EQ(ParentOf("/"), "/");
}

}  // namespace
}  // namespace landlockc::trace
