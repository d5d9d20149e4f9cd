// SPDX-License-Identifier: MIT
// grammar/Landlock.g4 is the reference for the hand-written lexer: the lexer ANTLR generates from
// it and ours must split every text into the same tokens, with the same kinds and ranges. Checked
// on every policy of the repository and on thousands of random texts.
#include <memory>
#include <string>
#include <vector>

#include "ANTLRInputStream.h"
#include "LandlockLexer.h"
#include "compiler/parse/lexer.h"
#include "compiler/parse/parse_test_support.h"
#include "compiler/parse/token_source.h"
#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "tests/support/test_files.h"

namespace landlockc::parse {
namespace {

// Feeds the ANTLR lexer one byte per character, so that its indices are byte offsets, and the
// byte order mark as blanks: what the parse phase fed it before it had a lexer of its own.
class ByteStream : public antlr4::ANTLRInputStream {
 public:
  explicit ByteStream(llvm::StringRef text) {
    _data.reserve(text.size());
    for (char byte : text) _data.push_back(static_cast<unsigned char>(byte));
    if (text.startswith(kByteOrderMark)) _data.replace(0, kByteOrderMark.size(), 3, U' ');
  }
};

// One line per token: type, channel, start, stop, line and column.
std::string Line(size_t type, size_t channel, size_t start, size_t stop, size_t line,
                 size_t column) {
  return std::to_string(type) + " ch" + std::to_string(channel) + " " + std::to_string(start) +
         ".." + std::to_string(static_cast<long long>(stop)) + " @" + std::to_string(line) + ":" +
         std::to_string(column) + "\n";
}

std::string AntlrTokens(llvm::StringRef text) {
  ByteStream input(text);
  landlockc_grammar::LandlockLexer lexer(&input);
  lexer.removeErrorListeners();
  std::string out;
  while (true) {
    std::unique_ptr<antlr4::Token> token = lexer.nextToken();
    out += Line(token->getType(), token->getChannel(), token->getStartIndex(),
                token->getStopIndex(), token->getLine(), token->getCharPositionInLine());
    if (token->getType() == antlr4::Token::EOF) return out;
  }
}

std::string OurTokens(llvm::StringRef text) {
  std::string out;
  TokenBuffer buffer = Lex(text);
  for (const Token& token : buffer.tokens) {
    bool end = token.kind == TokenKind::kEnd;
    size_t channel = token.kind == TokenKind::kComment ? antlr4::Token::HIDDEN_CHANNEL
                                                       : antlr4::Token::DEFAULT_CHANNEL;
    out += Line(AntlrTokenType(token.kind), channel, token.offset,
                end ? size_t{token.offset} - 1 : token.end() - 1, token.line, buffer.Column(token));
  }
  return out;
}

TEST(LexerDifferentialTest, AgreesWithAntlrOnThePoliciesOfTheRepository) {
  size_t compared = 0;
  for (const char* folder : {"examples", "std", "tests", "bench"}) {
    llvm::SmallString<256> root(LANDLOCKC_SOURCE_DIR);
    llvm::sys::path::append(root, folder);
    std::error_code error;
    for (llvm::sys::fs::recursive_directory_iterator entry(root, error), end;
         entry != end && !error; entry.increment(error)) {
      if (llvm::sys::path::extension(entry->path()) != ".landlock" ||
          !llvm::sys::fs::is_regular_file(entry->path()))
        continue;
      std::string text = test_support::ReadTestFile(entry->path());
      EXPECT_EQ(OurTokens(text), AntlrTokens(text)) << entry->path();
      ++compared;
    }
    EXPECT_FALSE(error) << root.str().str() << ": " << error.message();
  }
  EXPECT_GT(compared, 60u);
}

TEST(LexerDifferentialTest, AgreesWithAntlrOnRandomText) {
  // Pieces of policy text, of every token and of every way a token can be cut short.
  const char* const pieces[] = {"abi",
                                "allow",
                                "fs",
                                "handle",
                                "include",
                                "layer",
                                "let",
                                "log",
                                "net",
                                "none",
                                "on",
                                "optional",
                                "port",
                                "requires",
                                "rules",
                                "scope",
                                "threads",
                                "use",
                                "abis",
                                "x",
                                "_y9",
                                "0",
                                "65535",
                                "4a",
                                ";",
                                ":",
                                ",",
                                "=",
                                "+",
                                "-",
                                "(",
                                ")",
                                "{",
                                "}",
                                "..",
                                ".",
                                "...",
                                "\"",
                                "\"/tmp\"",
                                "\\",
                                "\\\"",
                                "\\n",
                                "\\q",
                                "#",
                                "# note",
                                " ",
                                "  ",
                                "\t",
                                "\n",
                                "\r",
                                "\r\n",
                                "@",
                                "$",
                                "\xC3\xA9",
                                "\xE2\x82\xAC",
                                "\xEF\xBB\xBF",
                                "\x01",
                                "\x7F"};
  int index = 0;
  for (std::string text : RandomTexts(pieces, 20261206, 4000, 0, 30, "")) {
    // Some texts start with a byte order mark.
    if (index++ % 10 == 0) text.insert(0, kByteOrderMark.str());
    ASSERT_EQ(OurTokens(text), AntlrTokens(text)) << "text: " << text;
  }
}

}  // namespace
}  // namespace landlockc::parse
