// SPDX-License-Identifier: MIT
// The lexer: token kinds and positions, comments kept, the byte order mark, limits, and the values
// of number and string literals. lexer_differential_test compares it with the ANTLR lexer.
#include "compiler/parse/lexer.h"

#include <string>

#include "gtest/gtest.h"

namespace landlockc::parse {
namespace {

// "kind@line:column[text]" for every token of `text`.
std::string Describe(llvm::StringRef text) {
  TokenBuffer buffer = Lex(text);
  std::string out;
  for (const Token& token : buffer.tokens) {
    if (!out.empty()) out += ' ';
    out += std::to_string(static_cast<int>(token.kind)) + "@" + std::to_string(token.line) + ":" +
           std::to_string(buffer.Column(token)) + "[" + buffer.Text(token).str() + "]";
  }
  return out;
}

int K(TokenKind kind) { return static_cast<int>(kind); }

TEST(LexerTest, KeepsCommentsWithTheirPositions) {
  TokenBuffer buffer = Lex("abi 7;  # the ABI\n\n  # alone\nlet\n");
  ASSERT_EQ(buffer.tokens.size(), 7u);
  const Token& trailing = buffer.tokens[3];
  EXPECT_EQ(trailing.kind, TokenKind::kComment);
  EXPECT_EQ(buffer.Text(trailing), "# the ABI");
  EXPECT_EQ(trailing.offset, 8u);
  EXPECT_EQ(trailing.line, 1u);
  EXPECT_EQ(buffer.Column(trailing), 8u);
  const Token& alone = buffer.tokens[4];
  EXPECT_EQ(buffer.Text(alone), "# alone");
  EXPECT_EQ(alone.line, 3u);
  EXPECT_EQ(buffer.Column(alone), 2u);
  EXPECT_EQ(buffer.tokens[5].kind, TokenKind::kLet);
  EXPECT_EQ(buffer.tokens[6].kind, TokenKind::kEnd);
  EXPECT_EQ(buffer.tokens[6].offset, buffer.text.size());
  EXPECT_EQ(buffer.tokens[6].line, 5u);
}

TEST(LexerTest, KeywordsAreWholeWords) {
  EXPECT_EQ(Describe("abis abi _x 4a"), std::to_string(K(TokenKind::kIdent)) + "@1:0[abis] " +
                                            std::to_string(K(TokenKind::kAbi)) + "@1:5[abi] " +
                                            std::to_string(K(TokenKind::kIdent)) + "@1:9[_x] " +
                                            std::to_string(K(TokenKind::kInt)) + "@1:12[4] " +
                                            std::to_string(K(TokenKind::kIdent)) + "@1:13[a] " +
                                            std::to_string(K(TokenKind::kEnd)) + "@1:14[]");
}

TEST(LexerTest, KeywordsListEveryKeywordWithItsKind) {
  ASSERT_EQ(Keywords().size(), 18u);
  for (size_t i = 0; i < Keywords().size(); ++i) {
    const Keyword& keyword = Keywords()[i];
    EXPECT_EQ(Lex(keyword.spelling).tokens.at(0).kind, keyword.kind) << keyword.spelling.str();
    if (i > 0) {
      EXPECT_LT(Keywords()[i - 1].spelling, keyword.spelling);
    }
  }
  EXPECT_EQ(Keywords().front().kind, TokenKind::kAbi);
  EXPECT_EQ(Keywords().back().kind, TokenKind::kUse);
}

TEST(LexerTest, SkipsALeadingByteOrderMarkAsBlanks) {
  TokenBuffer buffer =
      Lex("\xEF\xBB\xBF"
          "abi 7;");
  ASSERT_EQ(buffer.tokens.size(), 4u);
  EXPECT_EQ(buffer.tokens[0].kind, TokenKind::kAbi);
  EXPECT_EQ(buffer.tokens[0].offset, 3u);
  EXPECT_EQ(buffer.Column(buffer.tokens[0]), 3u);
  // Only at the very start: elsewhere its bytes are stray characters.
  TokenBuffer inner = Lex("abi \xEF\xBB\xBF");
  EXPECT_EQ(inner.tokens[1].kind, TokenKind::kInvalidCharacter);
  EXPECT_EQ(inner.tokens.size(), 5u);
}

TEST(LexerTest, StringsEndAtTheirQuoteOrTheLine) {
  TokenBuffer buffer = Lex("\"a\\\"b\" \"open\\\n\"x\\q\"");
  ASSERT_EQ(buffer.tokens.size(), 4u);
  EXPECT_EQ(buffer.tokens[0].kind, TokenKind::kString);
  EXPECT_EQ(buffer.Text(buffer.tokens[0]), "\"a\\\"b\"");
  EXPECT_EQ(buffer.tokens[1].kind, TokenKind::kUnterminatedString);
  EXPECT_EQ(buffer.Text(buffer.tokens[1]), "\"open\\");
  EXPECT_EQ(buffer.tokens[2].kind, TokenKind::kString);
  EXPECT_EQ(buffer.tokens[2].line, 2u);
}

TEST(LexerTest, StrayBytesAreOneTokenEach) {
  TokenBuffer buffer = Lex("@.\xC3\xA9..");
  ASSERT_EQ(buffer.tokens.size(), 6u);
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(buffer.tokens[i].kind, TokenKind::kInvalidCharacter);
    EXPECT_EQ(buffer.tokens[i].length, 1u);
  }
  EXPECT_EQ(buffer.tokens[4].kind, TokenKind::kDotDot);
}

TEST(LexerTest, FindsTheFirstTokenPastALimit) {
  std::string deep(kMaxNesting, '(');
  EXPECT_EQ(Lex(deep).limit, LimitExceeded::kNone);
  TokenBuffer too_deep = Lex("x " + deep + "(");
  EXPECT_EQ(too_deep.limit, LimitExceeded::kNesting);
  EXPECT_EQ(too_deep.limit_token, kMaxNesting + 1);

  std::string sum = "a";
  for (unsigned i = 0; i < kMaxOperators; ++i) sum += "+a";
  EXPECT_EQ(Lex(sum + ";" + sum).limit, LimitExceeded::kNone);
  // The buffer refers to the text: it must outlive the buffer (AddressSanitizer found a read of
  // a freed temporary here).
  std::string too_long_text = sum + "-a";
  TokenBuffer too_long = Lex(too_long_text);
  EXPECT_EQ(too_long.limit, LimitExceeded::kOperators);
  EXPECT_EQ(too_long.Text(too_long.tokens[too_long.limit_token]), "-");
}

TEST(NextUndefinedEscapeTest, FindsEachUndefinedEscape) {
  llvm::StringRef literal = R"("\n\q\"\$")";
  EXPECT_EQ(NextUndefinedEscape(R"("a\"\\\n\t")"), std::string::npos);
  EXPECT_EQ(NextUndefinedEscape(literal), 3u);
  EXPECT_EQ(NextUndefinedEscape(literal, 5), 7u);
  EXPECT_EQ(NextUndefinedEscape(literal, 9), std::string::npos);
}

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
