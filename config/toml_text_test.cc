// SPDX-License-Identifier: MIT
#include "config/toml_text.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "llvm/Support/ConvertUTF.h"

namespace landlockc::config {
namespace {

std::string Utf8(uint32_t code_point) {
  char bytes[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
  char* end = bytes;
  EXPECT_TRUE(llvm::ConvertCodePointToUTF8(code_point, end)) << code_point;
  return std::string(bytes, end);
}

// The string at `key` of what `text` parses to, or the parse error's description.
std::string StringAt(const std::string& text, const char* key) {
  toml::parse_result parsed = ParseToml(text, "t.toml");
  if (!parsed) return "error: " + std::string(parsed.error().description());
  std::optional<std::string> value = parsed.table()[key].value<std::string>();
  return value ? *value : "no string";
}

// toml++ 3.3 asks whether the character after a line-ending backslash is whitespace, which
// reaches __builtin_unreachable() for U+2EFF (the config fuzz target found it:
// tests/fuzz/regressions/config/) and thousands of others. Every character of the BMP outside
// ASCII is read there, as the first character of a key, and in a comment; under UBSan (the
// sanitizer job) one that reached toml++'s answer would stop the test.
TEST(ParseTomlTest, ReadsEveryCharacterOfTheBmpWhereTomlPlusPlusAsksIfItIsWhitespace) {
  for (uint32_t code_point = 0x80; code_point <= 0xFFFF; ++code_point) {
    if (code_point >= 0xD800 && code_point <= 0xDFFF) continue;  // surrogates: not characters
    const std::string character = Utf8(code_point);
    ASSERT_EQ(StringAt("a = \"\"\"x\\\n  " + character + "y\"\"\"\n", "a"), "x" + character + "y")
        << "U+" << std::hex << code_point;
    ASSERT_EQ(StringAt("\"" + character + "\" = '" + character + "' # " + character + "\n",
                       character.c_str()),
              character)
        << "U+" << std::hex << code_point;
  }
}

TEST(ParseTomlTest, TheFuzzFindingIsAnErrorAtItsPlace) {
  // tests/fuzz/regressions/config/line-ending-backslash-then-u2eff.toml: an unterminated string.
  toml::parse_result parsed = ParseToml("\"\"\"/\\\n\\\n\xE2\xBB\xBF^\\\n", "t.toml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(std::string(parsed.error().description()),
            "Error while parsing string: encountered end-of-file");
  EXPECT_EQ(parsed.error().source().begin.line, 3u);
  EXPECT_EQ(parsed.error().source().begin.column, 5u);
}

TEST(ParseTomlTest, KeysTablesAndArraysGetTheirCharactersBack) {
  toml::parse_result parsed = ParseToml(
      "[\"caf\xC3\xA9\".\"\xEF\xBB\x80\"]\n\"\xC3\xA9t\xC3\xA9\" = [\"\xE2\xBB\xBF\", "
      "{ \"\xC2\xA1\" = \"\xC2\xA1\" }]\n",
      "t.toml");
  ASSERT_TRUE(parsed) << parsed.error().description();
  const toml::table& table = parsed.table();
  ASSERT_EQ(table.size(), 1u);
  const toml::node_view inner = table["caf\xC3\xA9"]["\xEF\xBB\x80"]["\xC3\xA9t\xC3\xA9"];
  ASSERT_TRUE(inner.is_array());
  EXPECT_EQ(inner[0].value<std::string>(), "\xE2\xBB\xBF");
  EXPECT_EQ(inner[1]["\xC2\xA1"].value<std::string>(), "\xC2\xA1");
  // A key keeps its place in the source: line 2, column 1.
  const toml::table* leaf = table["caf\xC3\xA9"]["\xEF\xBB\x80"].as_table();
  ASSERT_NE(leaf, nullptr);
  ASSERT_EQ(leaf->size(), 1u);
  const toml::key& key = leaf->begin()->first;
  EXPECT_EQ(key.str(), "\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(key.source().begin.line, 2u);
  EXPECT_EQ(key.source().begin.column, 1u);
}

TEST(ParseTomlTest, CharactersPastTheBmpAndTheirEscapesAreKept) {
  // The stand-ins are characters past the BMP: the text's own, written or escaped, stay as they
  // are, next to the characters that stand-ins replace.
  EXPECT_EQ(StringAt("a = \"\xF0\x90\x80\x80\\U00010001\xC3\xA9\"\n", "a"),
            "\xF0\x90\x80\x80\xF0\x90\x80\x81\xC3\xA9");
  // A byte order mark at the start is skipped, as TOML says; one later is text.
  EXPECT_EQ(StringAt("\xEF\xBB\xBF"
                     "a = \"\xEF\xBB\xBF\"\n",
                     "a"),
            "\xEF\xBB\xBF");
}

TEST(ParseTomlTest, ErrorsNameTheCharactersOfTheText) {
  // toml++ writes a character it saw as `\uXXXX`, an unknown escape and a key as they are.
  auto error = [](const std::string& text) {
    toml::parse_result parsed = ParseToml(text, "t.toml");
    return parsed ? "parsed" : std::string(parsed.error().description());
  };
  EXPECT_EQ(error("a = 1\r\xC3\xA9\n"),
            "Error while parsing key-value pair: expected '\\n' after '\\r', saw '\\u00E9'");
  EXPECT_EQ(error("a = \"\\\xC3\xA9\"\n"),
            "Error while parsing string: unknown escape sequence '\\\xC3\xA9'");
  // (toml++ 3.3 repeats a quoted key's text in this message: it does so for any key.)
  EXPECT_EQ(error("\"\xC3\xA9\" = 1\n\"\xC3\xA9\" = 2\n"),
            "Error while parsing key-value pair: cannot redefine existing integer "
            "'\"\xC3\xA9\"\xC3\xA9\" '");
}

TEST(ParseTomlTest, TooManyCharactersPastTheBmpIsAnError) {
  // Every character past the BMP, in a comment, leaves no stand-in for the one `é`.
  std::string text = "# ";
  for (uint32_t code_point = 0x10000; code_point <= 0x10FFFF; ++code_point)
    text += Utf8(code_point);
  text += "\na = \"\xC3\xA9\"\n";
  toml::parse_result parsed = ParseToml(text, "t.toml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(std::string(parsed.error().description()),
            "the text holds too many distinct characters past U+FFFF for toml++ 3.3 to read it");
  EXPECT_EQ(parsed.error().source().begin.line, 1u);
  EXPECT_EQ(*parsed.error().source().path, "t.toml");
}

}  // namespace
}  // namespace landlockc::config
