// SPDX-License-Identifier: MIT
// CheckEncoding: the first NUL or invalid UTF-8 byte, whichever comes first.
#include "compiler/parse/encoding.h"

#include <string>

#include "gtest/gtest.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::parse {
namespace {

class EncodingTest : public ::testing::Test {
 protected:
  bool Check(const std::string& text) {
    unsigned id = source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text, "t.landlock"), llvm::SMLoc());
    ErrorListener listener(source_mgr_.getMemoryBuffer(id)->getBuffer(), id, diags_);
    bool clean = CheckEncoding(source_mgr_.getMemoryBuffer(id)->getBuffer(), listener);
    listener.Flush();
    return clean;
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
};

TEST_F(EncodingTest, Utf8TextIsClean) {
  EXPECT_TRUE(Check("allow read on \"/caf\xC3\xA9\"; # \xF0\x9F\x94\x92\n"));
  EXPECT_TRUE(Check(""));
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(EncodingTest, FirstInvalidByte) {
  EXPECT_FALSE(Check("ab\ncd\xC0\xAF\xFF"));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "invalid-utf8");
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "invalid UTF-8 byte 0xC0; policy files must be UTF-8 text");
  EXPECT_EQ(diags_.diagnostics()[0].line, 2u);
  EXPECT_EQ(diags_.diagnostics()[0].column, 3u);
}

TEST_F(EncodingTest, EncodedSurrogateIsInvalid) {
  EXPECT_FALSE(Check("\xED\xA0\x80"));
  EXPECT_EQ(diags_.diagnostics()[0].id, "invalid-utf8");
}

TEST_F(EncodingTest, SequenceCutByTheEndIsInvalidAtItsFirstByte) {
  EXPECT_FALSE(Check("abi 7; # caf\xC3\xA9 \xE2\x82"));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "invalid UTF-8 byte 0xE2; policy files must be UTF-8 text");
  EXPECT_EQ(diags_.diagnostics()[0].column, 16u);
}

TEST_F(EncodingTest, BadContinuationByteIsInvalidAtTheSequenceStart) {
  EXPECT_FALSE(Check("# \xE2\x82x"));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].column, 3u);
}

TEST_F(EncodingTest, NulBeforeBadByte) {
  EXPECT_FALSE(Check(std::string("a\0b\xFF", 4)));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "nul-byte");
  EXPECT_EQ(diags_.diagnostics()[0].column, 2u);
}

TEST_F(EncodingTest, BadByteBeforeNul) {
  EXPECT_FALSE(Check(std::string("\xFF\0", 2)));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "invalid-utf8");
}

}  // namespace
}  // namespace landlockc::parse
