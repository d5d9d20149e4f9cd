// SPDX-License-Identifier: MIT
// How characters are shown in messages.
#include "compiler/parse/token_text.h"

#include "gtest/gtest.h"

namespace landlockc::parse {
namespace {

TEST(DescribeCharacterTest, PrintableAsciiIsQuoted) {
  EXPECT_EQ(DescribeCharacter("a@b", 1), "`@`");
}

TEST(DescribeCharacterTest, ControlsAndBlanksShowOnlyTheirCodePoint) {
  EXPECT_EQ(DescribeCharacter("\x01", 0), "U+0001");
  EXPECT_EQ(DescribeCharacter("\x7f", 0), "U+007F");
  EXPECT_EQ(DescribeCharacter("\xC2\xA0", 0), "U+00A0");
}

TEST(DescribeCharacterTest, OtherCharactersShowBoth) {
  EXPECT_EQ(DescribeCharacter("x\xE2\x88\x92", 1), "`\xE2\x88\x92` (U+2212)");
  EXPECT_EQ(DescribeCharacter("\xF0\x9F\x94\x92", 0), "`\xF0\x9F\x94\x92` (U+1F512)");
}

TEST(CharacterLengthTest, CountsTheUtf8Sequence) {
  EXPECT_EQ(CharacterLength("a", 0), 1u);
  EXPECT_EQ(CharacterLength("\xE2\x88\x92", 0), 3u);
  // Never past the end, even for a cut sequence.
  EXPECT_EQ(CharacterLength("\xE2\x88", 0), 2u);
}

}  // namespace
}  // namespace landlockc::parse
