// SPDX-License-Identifier: MIT
// CheckDeceptiveText: bidi controls and invisible characters anywhere, look-alike characters in
// strings, control characters in strings and comments, each reported at the exact character of its
// first occurrence.
#include "compiler/parse/deceptive_text.h"

#include <string>
#include <vector>

#include "compiler/parse/parse_test_support.h"
#include "gtest/gtest.h"

namespace landlockc::parse {
namespace {

class DeceptiveTextTest : public ParseFixture {
 protected:
  // The ids, lines, columns and exact text of what was reported about `text`.
  std::vector<std::string> Check(const std::string& text) {
    ast::File file = Parse(text);
    std::vector<std::string> found;
    for (const diag::Diagnostic& d : diags_.diagnostics())
      found.push_back(d.id + " " + std::to_string(d.line) + ":" + std::to_string(d.column) + " " +
                      Slice(d.range));
    return found;
  }
};

TEST_F(DeceptiveTextTest, OrdinaryNonAsciiTextIsClean) {
  EXPECT_EQ(Check("abi 7; # caf\xC3\xA9 \xF0\x9F\x94\x92 \xD0\xB0\nlayer a { allow read on "
                  "\"/srv/caf\xC3\xA9\"; }\n"),
            std::vector<std::string>{});
}

TEST_F(DeceptiveTextTest, BidiControlAnywhere) {
  // In a comment too: the override reorders what follows it on the line.
  EXPECT_EQ(Check("abi 7; # x\xE2\x80\xAE y\n"),
            std::vector<std::string>{"bidi-control 1:11 \xE2\x80\xAE"});
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "bidirectional control character U+202E (right-to-left override) can show a reviewer "
            "text in another order than the compiler reads it (Trojan Source, CVE-2021-42574); "
            "remove it");
}

TEST_F(DeceptiveTextTest, EveryBidiControlIsCaught) {
  for (const char* control :
       {"\xD8\x9C", "\xE2\x80\x8E", "\xE2\x80\x8F", "\xE2\x80\xAA", "\xE2\x80\xAB", "\xE2\x80\xAC",
        "\xE2\x80\xAD", "\xE2\x81\xA6", "\xE2\x81\xA7", "\xE2\x81\xA8", "\xE2\x81\xA9"}) {
    std::vector<std::string> found = Check(std::string("#") + control + "\n");
    ASSERT_FALSE(found.empty()) << control;
    EXPECT_EQ(found.back(), std::string("bidi-control 1:2 ") + control);
  }
}

TEST_F(DeceptiveTextTest, InvisibleCharacterInAPath) {
  EXPECT_EQ(Check("layer a { allow read on \"/etc\xE2\x80\x8B/x\"; }\n"),
            std::vector<std::string>{"zero-width-character 1:30 \xE2\x80\x8B"});
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "invisible character U+200B (zero width space) can hide a difference from a "
            "reviewer; remove it");
}

TEST_F(DeceptiveTextTest, ByteOrderMarkOnlyAtTheStart) {
  EXPECT_EQ(Check("\xEF\xBB\xBF# bom\n"), std::vector<std::string>{});
  EXPECT_EQ(Check("# \xEF\xBB\xBF\n"),
            std::vector<std::string>{"zero-width-character 1:3 \xEF\xBB\xBF"});
}

TEST_F(DeceptiveTextTest, LookAlikeInAString) {
  EXPECT_EQ(Check("layer a { allow read on \"/v\xD0\xB0r\"; }\n"),
            std::vector<std::string>{"confusable-character 1:28 \xD0\xB0"});
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "character U+0430 in a string looks like `a` but is not ASCII; a reviewer cannot "
            "tell the two apart: write `a` if that is meant");
}

TEST_F(DeceptiveTextTest, ControlCharacterInAString) {
  // What the round-trip fuzzer found: `inspect` can only show it as an escape the language
  // refuses, so the path could be neither reviewed nor printed back.
  EXPECT_EQ(Check("layer app { allow read on \"/srv\x19/w\"; }\n"),
            std::vector<std::string>{"control-character 1:32 \x19"});
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "control character U+0019 in a string shows as nothing, or moves the text, on a "
            "reviewer's screen; remove it (a tab in a string is written `\\t`)");
  // Each Check adds to what the fixture's engine holds: the last finding is this text's.
  EXPECT_EQ(Check("let p = \"/a\tb\";\n").back(), "control-character 1:12 \t");
  EXPECT_EQ(Check("let p = \"/a\x7F\";\n").back(), "control-character 1:12 \x7F");
  EXPECT_EQ(Check("let p = \"/a\xC2\x9B\";\n").back(),  // C1 control sequence introducer
            "control-character 1:12 \xC2\x9B");
}

TEST_F(DeceptiveTextTest, ControlCharacterInAComment) {
  // An escape sequence in a comment can hide or recolour what follows it on a terminal.
  EXPECT_EQ(Check("abi 7; # a\x1B[8m hidden\n"),
            std::vector<std::string>{"control-character 1:11 \x1B"});
  EXPECT_EQ(diags_.diagnostics()[0].message.substr(0, 37), "control character U+001B in a comment");
}

TEST_F(DeceptiveTextTest, TabInACommentIsABlank) {
  EXPECT_EQ(Check("abi 7;\t# a\tb\r\n"), std::vector<std::string>{});
}

TEST_F(DeceptiveTextTest, ControlCharacterReportedOnce) {
  EXPECT_EQ(Check("let p = \"/a\x01\x02\"; # \x03\n"),
            std::vector<std::string>{"control-character 1:12 \x01"});
}

TEST_F(DeceptiveTextTest, LookAlikeSlashesAndFullWidthForms) {
  EXPECT_EQ(Check("let p = \"/etc\xE2\x88\x95passwd\";\n"),
            std::vector<std::string>{"confusable-character 1:14 \xE2\x88\x95"});
  EXPECT_EQ(diags_.diagnostics().back().message.substr(0, 40),
            "character U+2215 in a string looks like ");
}

TEST_F(DeceptiveTextTest, FullWidthLetter) {
  EXPECT_EQ(Check("let p = \"/\xEF\xBD\x85tc\";\n"),
            std::vector<std::string>{"confusable-character 1:11 \xEF\xBD\x85"});
}

TEST_F(DeceptiveTextTest, LookAlikeInACommentIsHarmless) {
  // A comment is not a grant; an escaped quote does not end a string.
  EXPECT_EQ(Check("# \xD0\xB0\nlet p = \"/x\\\"\xD0\xB0\";\n"),
            std::vector<std::string>{"confusable-character 2:14 \xD0\xB0"});
}

}  // namespace
}  // namespace landlockc::parse
