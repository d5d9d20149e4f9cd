#include "cli/output_file.h"

#include <sys/stat.h>

#include "gtest/gtest.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

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

class WriteOutputFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("output-file", root_));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(root_); }

  std::string Path(llvm::StringRef name) const { return (root_ + "/" + name).str(); }

  llvm::SmallString<128> root_;
};

TEST_F(WriteOutputFileTest, ReplacesTheFileAndLeavesNoTemporary) {
  std::string path = Path("policy.llpb");
  ASSERT_FALSE(static_cast<bool>(WriteOutputFile(path, "old contents")));
  ASSERT_FALSE(static_cast<bool>(WriteOutputFile(path, std::string("new\0bytes", 9))));
  auto buffer = llvm::MemoryBuffer::getFile(path);
  ASSERT_TRUE(static_cast<bool>(buffer));
  EXPECT_EQ((*buffer)->getBuffer(), llvm::StringRef("new\0bytes", 9));
  std::error_code error;
  int entries = 0;
  for (llvm::sys::fs::directory_iterator it(root_, error), end; it != end && !error;
       it.increment(error))
    ++entries;
  EXPECT_EQ(entries, 1);
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
