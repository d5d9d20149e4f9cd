// SPDX-License-Identifier: MIT
#include "cli/output_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::cli {
namespace {

TEST(FormatDepfileTest, ListsTheTargetAndEveryDependency) {
  EXPECT_EQ(
      FormatDepfile("out/web.llpb", {"web.landlock", "/usr/share/landlockc/std/dns.landlock"}),
      "out/web.llpb: web.landlock /usr/share/landlockc/std/dns.landlock\n");
}

TEST(FormatDepfileTest, EscapesSpacesHashesAndDollars) {
  EXPECT_EQ(FormatDepfile("my out.llpb", {"a b/#1.landlock", "$HOME.landlock"}),
            "my\\ out.llpb: a\\ b/\\#1.landlock $$HOME.landlock\n");
}

using WriteOutputFileTest = test_support::ScratchTest;

TEST_F(WriteOutputFileTest, ReplacesTheFileAndLeavesNoTemporary) {
  std::string path = Path("policy.llpb");
  ASSERT_FALSE(static_cast<bool>(WriteOutputFile(path, "old contents")));
  ASSERT_FALSE(static_cast<bool>(WriteOutputFile(path, std::string("new\0bytes", 9))));
  auto buffer = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(static_cast<bool>(buffer));
  EXPECT_EQ((*buffer)->getBuffer(), llvm::StringRef("new\0bytes", 9));
  std::error_code error;
  int entries = 0;
  for (llvm::sys::fs::directory_iterator it(root(), error), end; it != end && !error;
       it.increment(error))
    ++entries;
  EXPECT_EQ(entries, 1);
}

// `-o /dev/null` once replaced the device with a regular file: what is not a regular file is
// written in place, never renamed over.
TEST_F(WriteOutputFileTest, WritesIntoAFifoInPlace) {
  std::string path = Path("fifo");
  ASSERT_EQ(mkfifo(path.c_str(), 0600), 0);
  int reader = open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  ASSERT_GE(reader, 0);
  ASSERT_FALSE(static_cast<bool>(WriteOutputFile(path, "through the pipe")));
  char text[64] = {};
  EXPECT_EQ(read(reader, text, sizeof(text) - 1), 16);
  close(reader);
  EXPECT_EQ(std::string(text), "through the pipe");
  llvm::sys::fs::file_status status;
  ASSERT_FALSE(llvm::sys::fs::status(path, status));
  EXPECT_EQ(status.type(), llvm::sys::fs::file_type::fifo_file);
}

TEST_F(WriteOutputFileTest, FailsWithTheReasonWhenTheDirectoryIsMissing) {
  std::string path = Path("missing/policy.llpb");
  llvm::Error error = WriteOutputFile(path, "x");
  ASSERT_TRUE(static_cast<bool>(error));
  std::string message = llvm::toString(std::move(error));
  EXPECT_EQ(message.rfind("cannot write `" + path + "`: ", 0), 0u) << message;
}

}  // namespace
}  // namespace landlockc::cli
