// Number and string literal values.
#include "compiler/parse/literal.h"

#include "gtest/gtest.h"

namespace landlockc::parse {
namespace {

TEST(ParseNumberTest, ReadsDecimalDigits) {
  EXPECT_EQ(ParseNumber("0"), 0u);
  EXPECT_EQ(ParseNumber("007"), 7u);
  EXPECT_EQ(ParseNumber("65535"), 65535u);
  EXPECT_EQ(ParseNumber("4294967295"), 4294967295u);
}

TEST(ParseNumberTest, SaturatesPastUint32) {
  EXPECT_EQ(ParseNumber("4294967296"), UINT32_MAX);
  EXPECT_EQ(ParseNumber("99999999999999999999999999"), UINT32_MAX);
}

TEST(DecodeStringTest, DropsTheQuotes) {
  EXPECT_EQ(DecodeString("\"\""), "");
  EXPECT_EQ(DecodeString("\"/usr/lib\""), "/usr/lib");
  EXPECT_EQ(DecodeString("\"caf\xC3\xA9\""), "caf\xC3\xA9");
}

TEST(DecodeStringTest, DecodesTheLanguageEscapes) {
  EXPECT_EQ(DecodeString(R"("a\"b\\c\nd\te")"), "a\"b\\c\nd\te");
}

TEST(DecodeStringTest, KeepsTheCharacterOfAnUndefinedEscape) {
  EXPECT_EQ(DecodeString(R"("\q\$")"), "q$");
}

}  // namespace
}  // namespace landlockc::parse
