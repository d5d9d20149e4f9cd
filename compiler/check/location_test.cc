// SPDX-License-Identifier: MIT
#include "compiler/check/location.h"

#include <gtest/gtest.h>

#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::check {
namespace {

class LocationTest : public ::testing::Test {
 protected:
  LocationTest() {
    source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBuffer("abi 7;\nlayer app {\n  allow read;\n}\n", "l.landlock"),
        llvm::SMLoc());
  }
  llvm::SMRange Range(size_t begin, size_t end) const {
    const char* start = source_mgr_.getMemoryBuffer(1)->getBufferStart();
    return {llvm::SMLoc::getFromPointer(start + begin), llvm::SMLoc::getFromPointer(start + end)};
  }

  llvm::SourceMgr source_mgr_;
};

TEST_F(LocationTest, ResolvesOneBasedStartAndOnePastEnd) {
  // "allow read" on line 3, columns 3 to 12.
  model::Location location = ResolveLocation(source_mgr_, Range(21, 31));
  EXPECT_EQ(location.file, "l.landlock");
  EXPECT_EQ(location.line, 3u);
  EXPECT_EQ(location.column, 3u);
  EXPECT_EQ(location.end_line, 3u);
  EXPECT_EQ(location.end_column, 13u);
  EXPECT_EQ(SourceText(location.range), "allow read");
}

TEST_F(LocationTest, SpansLines) {
  model::Location location = ResolveLocation(source_mgr_, Range(7, 34));  // through the `}`
  EXPECT_EQ(location.line, 2u);
  EXPECT_EQ(location.end_line, 4u);
  EXPECT_EQ(location.end_column, 2u);
}

TEST_F(LocationTest, InvalidRange) {
  model::Location location = ResolveLocation(source_mgr_, llvm::SMRange());
  EXPECT_EQ(location.file, "");
  EXPECT_EQ(location.line, 0u);
  EXPECT_EQ(SourceText(llvm::SMRange()), "");
}

TEST(ExcerptTest, EscapesControlCharactersAndCuts) {
  EXPECT_EQ(Excerpt("/srv/www"), "/srv/www");
  EXPECT_EQ(Excerpt(llvm::StringRef("a\0b\n", 4)), "a\\x00b\\x0a");
  std::string long_text(100, 'x');
  EXPECT_EQ(Excerpt(long_text), std::string(64, 'x') + "...");
}

}  // namespace
}  // namespace landlockc::check
