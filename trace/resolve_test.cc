// SPDX-License-Identifier: MIT
#include "trace/resolve.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "trace/tracee.h"

namespace landlockc::trace {
namespace {

namespace fs = std::filesystem;

TEST(ProcLink, ReadsTheLinksOfAProcess) {
  EXPECT_EQ(ProcPath(7, "fd/3"), "/proc/7/fd/3");
  EXPECT_EQ(ProcLink(getpid(), "cwd"), fs::current_path().string());
  EXPECT_EQ(ProcLink(getpid(), "fd/9999"), "");
}

TEST(AbsoluteIn, UsesTheWorkingDirectoryOrTheDirfdOfTheProcess) {
  std::string cwd = fs::current_path().string();
  LiveTracee self(getpid(), [](int64_t) { return true; });
  EXPECT_EQ(AbsoluteIn(self, AT_FDCWD, "a/b"), cwd + "/a/b");
  EXPECT_EQ(AbsoluteIn(self, AT_FDCWD, "/x"), "/x");
  int fd = open("/usr", O_RDONLY | O_DIRECTORY);
  EXPECT_EQ(AbsoluteIn(self, fd, "lib"), "/usr/lib");
  EXPECT_EQ(AbsoluteIn(self, fd, ""), "/usr");
  close(fd);
  EXPECT_EQ(AbsoluteIn(self, 9999, "lib"), "");
}

TEST(AbsoluteIn, JoinsARelativePathToTheDirectoryItIsRelativeTo) {
  int fd = open("/usr", O_RDONLY | O_DIRECTORY);
  EXPECT_EQ(AbsoluteIn(ProcLink(getpid(), "fd/" + std::to_string(fd)), "lib"), "/usr/lib");
  close(fd);
  EXPECT_EQ(AbsoluteIn("/usr", "lib/../x"), "/usr/lib/../x");
  EXPECT_EQ(AbsoluteIn("/usr", ""), "/usr");
  EXPECT_EQ(AbsoluteIn("/usr", "/x"), "/x");
  EXPECT_EQ(AbsoluteIn("anything", "/x"), "/x");
  EXPECT_EQ(AbsoluteIn("", "lib"), "");
  EXPECT_EQ(AbsoluteIn("pipe:[123]", "lib"), "");
}

}  // namespace
}  // namespace landlockc::trace
