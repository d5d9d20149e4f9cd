// SPDX-License-Identifier: MIT
#include "compiler/diag/characters.h"

#include "gtest/gtest.h"

namespace landlockc::diag {
namespace {

TEST(CharactersTest, Classify) {
  EXPECT_EQ(Classify('a'), CharacterKind::kOrdinary);
  EXPECT_EQ(Classify(0xE9), CharacterKind::kOrdinary);  // é
  EXPECT_EQ(Classify(0x1B), CharacterKind::kControl);
  EXPECT_EQ(Classify(0x9B), CharacterKind::kControl);  // C1 control sequence introducer
  EXPECT_EQ(Classify(0x202E), CharacterKind::kBidi);
  EXPECT_EQ(Classify(0x2069), CharacterKind::kBidi);
  EXPECT_EQ(Classify(0x200B), CharacterKind::kInvisible);
  EXPECT_EQ(Classify(0x0430), CharacterKind::kLookAlike);
  EXPECT_EQ(Classify(0xFF0F), CharacterKind::kLookAlike);
  EXPECT_EQ(LookAlikeOf(0xFF0F), '/');
  EXPECT_EQ(LookAlikeOf(0x2215), '/');
  EXPECT_EQ(LookAlikeOf(0x0435), 'e');
  EXPECT_EQ(LookAlikeOf('e'), 0);
  EXPECT_EQ(CharacterName(0x202E), "right-to-left override");
}

TEST(CharactersTest, CodePointNameHasAtLeastFourDigits) {
  EXPECT_EQ(CodePointName(0x202E), "U+202E");
  EXPECT_EQ(CodePointName(0xAD), "U+00AD");
  EXPECT_EQ(CodePointName(0x1D400), "U+1D400");
}

TEST(CharactersTest, EscapeForMessageShowsWhatDeceives) {
  EXPECT_EQ(EscapeForMessage("unknown name `caf\xC3\xA9`"), "unknown name `caf\xC3\xA9`");
  EXPECT_EQ(EscapeForMessage("`/v\xD0\xB0r` and `/etc\xE2\x80\x8B` \xE2\x80\xAE"),
            "`/v<U+0430>r` and `/etc<U+200B>` <U+202E>");
  EXPECT_EQ(EscapeForMessage("a\x1b[2Jb\tc\n\xFF"), "a<U+001B>[2Jb\tc\n<FF>");
}

TEST(CharactersTest, EscapeForPolicyStringGivesALiteralTheLanguageRefusesWhenItMust) {
  EXPECT_EQ(EscapeForPolicyString("/srv/caf\xC3\xA9 \"q\" \\ \t\n"),
            "/srv/caf\xC3\xA9 \\\"q\\\" \\\\ \\t\\n");
  EXPECT_EQ(EscapeForPolicyString("/v\xD0\xB0r/\xE2\x80\xAE\x1b\xFF"),
            "/v\\u{0430}r/\\u{202E}\\u{001B}\\x{FF}");
}

}  // namespace
}  // namespace landlockc::diag
