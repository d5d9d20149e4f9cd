// SPDX-License-Identifier: MIT
#include "lint/suppression.h"

#include <gtest/gtest.h>

#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::lint {
namespace {

class SuppressionTest : public ::testing::Test {
 protected:
  void Load(llvm::StringRef text) {
    source_mgr_.AddNewSourceBuffer(llvm::MemoryBuffer::getMemBufferCopy(text, "p.landlock"),
                                   llvm::SMLoc());
  }

  // A finding of `id` whose statement is the whole line holding `needle`.
  Finding At(llvm::StringRef id, llvm::StringRef needle) {
    llvm::StringRef text = source_mgr_.getMemoryBuffer(1)->getBuffer();
    size_t start = text.find(needle);
    EXPECT_TRUE(start != llvm::StringRef::npos) << needle.str();
    Finding finding;
    finding.id = id.str();
    finding.range = {llvm::SMLoc::getFromPointer(text.data() + start),
                     llvm::SMLoc::getFromPointer(text.data() + start + needle.size())};
    finding.statement = finding.range;
    return finding;
  }

  llvm::SourceMgr source_mgr_;
};

TEST_F(SuppressionTest, TrailingCommentSilencesItsStatement) {
  Load(
      "allow read_write on \"/etc\"; # lint:ignore broad-grant,sensitive-path config tool\n"
      "allow read on \"/usr\";\n");
  Suppressions suppressions(source_mgr_);
  ASSERT_EQ(suppressions.comments().size(), 1u);
  EXPECT_FALSE(suppressions.comments()[0].standalone);
  EXPECT_TRUE(suppressions.Silences(At("broad-grant", "\"/etc\"")));
  EXPECT_FALSE(suppressions.Silences(At("write-execute", "\"/etc\"")));
  EXPECT_FALSE(suppressions.Silences(At("broad-grant", "\"/usr\"")));
  EXPECT_EQ(suppressions.comments()[0].used, (std::vector<bool>{true, false}));
}

TEST_F(SuppressionTest, StandaloneCommentSilencesTheNextLineOnly) {
  Load(
      "# lint:ignore broad-grant reason here\n"
      "allow read_write on \"/etc\";\n"
      "allow read_write on \"/var\";\n");
  Suppressions suppressions(source_mgr_);
  ASSERT_EQ(suppressions.comments().size(), 1u);
  EXPECT_TRUE(suppressions.comments()[0].standalone);
  EXPECT_TRUE(suppressions.Silences(At("broad-grant", "\"/etc\"")));
  EXPECT_FALSE(suppressions.Silences(At("broad-grant", "\"/var\"")));
}

TEST_F(SuppressionTest, HashInsideAStringIsNotAComment) {
  Load(
      "allow read on \"/a#lint:ignore broad-grant\";\n"
      "# lint:ignorebroad-grant\n"
      "# not lint:ignore broad-grant\n");
  Suppressions suppressions(source_mgr_);
  EXPECT_TRUE(suppressions.comments().empty());
}

TEST_F(SuppressionTest, CommentsAreTheLexersComments) {
  // An escaped quote does not end the string, and a byte order mark is not code.
  Load(
      "\xEF\xBB\xBF# lint:ignore broad-grant\n"
      "allow read_write on \"/a\\\"# lint:ignore x\"; # lint:ignore sensitive-path\n");
  Suppressions suppressions(source_mgr_);
  ASSERT_EQ(suppressions.comments().size(), 2u);
  EXPECT_TRUE(suppressions.comments()[0].standalone);
  EXPECT_EQ(suppressions.comments()[0].line, 1u);
  EXPECT_FALSE(suppressions.comments()[1].standalone);
  EXPECT_EQ(suppressions.comments()[1].ids, (std::vector<std::string>{"sensitive-path"}));
  EXPECT_TRUE(suppressions.Silences(At("broad-grant", "\"/a")));
}

}  // namespace
}  // namespace landlockc::lint
