// SPDX-License-Identifier: MIT
#include "compiler/check/source_file.h"

#include <fstream>

#include <gtest/gtest.h>

#include "llvm/Support/FileSystem.h"

namespace landlockc::check {
namespace {

class SourceFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createTemporaryFile("landlockc-source", "landlock", path_));
  }
  void TearDown() override { llvm::sys::fs::remove(path_); }

  std::string Write(const std::string& text) {
    std::ofstream(std::string(path_), std::ios::binary) << text;
    return std::string(path_);
  }

  llvm::SmallString<256> path_;
};

TEST_F(SourceFileTest, ReadsTheWholeFileUnderItsName) {
  std::string text(200 * 1024, 'x');  // several read chunks
  std::string path = Write(text);
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = ReadPolicyFile(path);
  ASSERT_TRUE(buffer);
  EXPECT_EQ((*buffer)->getBuffer(), text);
  EXPECT_EQ((*buffer)->getBufferIdentifier(), path);
  EXPECT_EQ((*buffer)->getBufferEnd()[0], '\0');  // the lexers rely on the terminator
}

TEST_F(SourceFileTest, AFileAtTheBoundIsReadOneByteMoreIsNot) {
  std::string path = Write(std::string(100, 'x'));
  EXPECT_TRUE(ReadPolicyFile(path, 100));
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = ReadPolicyFile(path, 99);
  ASSERT_FALSE(buffer);
  EXPECT_EQ(buffer.getError(), std::errc::file_too_large);
}

TEST_F(SourceFileTest, AnEndlessDeviceStopsAtTheBound) {
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> buffer = ReadPolicyFile("/dev/zero");
  ASSERT_FALSE(buffer);
  EXPECT_EQ(buffer.getError(), std::errc::file_too_large);
}

TEST_F(SourceFileTest, MissingFilesAndDirectoriesFail) {
  EXPECT_EQ(ReadPolicyFile("/nonexistent/x.landlock").getError(),
            std::errc::no_such_file_or_directory);
  EXPECT_EQ(ReadPolicyFile("/tmp").getError(), std::errc::is_a_directory);
}

}  // namespace
}  // namespace landlockc::check
