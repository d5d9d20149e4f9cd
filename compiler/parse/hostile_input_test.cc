// SPDX-License-Identifier: MIT
// Input a parser must survive: binary data, absurd nesting, huge tokens, garbage. Each is
// reported (never a crash, never a flood of errors).
#include <random>
#include <string>

#include "compiler/parse/error_listener.h"
#include "compiler/parse/lexer.h"
#include "compiler/parse/parse_test_support.h"

namespace landlockc::parse {
namespace {

class HostileInputTest : public ParseFixture {
 protected:
  /// The ids reported, in order.
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const diag::Diagnostic& diagnostic : diags_.diagnostics()) ids.push_back(diagnostic.id);
    return ids;
  }
};

using ::testing::ElementsAre;

TEST_F(HostileInputTest, NulByteStopsAtTheFirstOne) {
  using namespace std::string_literals;
  ast::File file = Parse("abi 7;\nlet x = \"a\0b\0\";\n"s);
  EXPECT_EQ(Rendered(),
            "test.landlock:2:11: error: unexpected NUL byte; policy files must be text "
            "[nul-byte]\n"
            "let x = \"a<U+0000>b<U+0000>\";\n"
            "          ^~~~~~~~\n"s);
  EXPECT_TRUE(file.statements.empty());
}

TEST_F(HostileInputTest, InvalidUtf8StopsAtTheFirstBadByte) {
  ast::File file = Parse("abi 7;\nlet x = \"caf\xE9\";\nlet y = \xFF;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:2:13: error: invalid UTF-8 byte 0xE9; policy files must be UTF-8 text "
            "[invalid-utf8]\n"
            "let x = \"caf<E9>\";\n"
            "            ^~~~\n");
  EXPECT_TRUE(file.statements.empty());
}

TEST_F(HostileInputTest, TruncatedUtf8SequenceAtTheEnd) {
  Parse("abi 7; # \xC3");
  EXPECT_THAT(Ids(), ElementsAre("invalid-utf8"));
  EXPECT_EQ(diags_.diagnostics()[0].column, 10u);
}

TEST_F(HostileInputTest, DeepParenthesesAreRefusedBeforeParsing) {
  std::string text = "let x = " + std::string(100000, '(') + "a" + std::string(100000, ')') + ";";
  ast::File file = Parse(text);
  EXPECT_THAT(Ids(), ElementsAre("nesting-too-deep"));
  EXPECT_EQ(diags_.diagnostics()[0].column, 9u + kMaxNesting);
  EXPECT_EQ(diags_.diagnostics()[0].message, "parentheses and braces nest deeper than 64 levels");
  EXPECT_TRUE(file.statements.empty());
}

TEST_F(HostileInputTest, NestingAtTheLimitIsFine) {
  std::string depth(kMaxNesting, '(');
  std::string closing(kMaxNesting, ')');
  ast::File file = Parse("let x = " + depth + "a" + closing + ";");
  EXPECT_EQ(Rendered(), "");
  ASSERT_EQ(file.statements.size(), 1u);
  EXPECT_EQ(std::get<ast::LetStmt>(file.statements[0]).value->text, "a");
}

TEST_F(HostileInputTest, DeepBracesAreRefused) {
  Parse(std::string(100000, '{'));
  ASSERT_FALSE(Ids().empty());
  EXPECT_EQ(Ids().back(), "nesting-too-deep");
}

TEST_F(HostileInputTest, LongExpressionsAreRefused) {
  std::string text = "let x = a";
  for (int i = 0; i < 100000; ++i) text += " + a";
  ast::File file = Parse(text + ";");
  EXPECT_THAT(Ids(), ElementsAre("expression-too-long"));
  EXPECT_EQ(diags_.diagnostics()[0].message, "expression has more than 256 operators");
  EXPECT_TRUE(file.statements.empty());
}

TEST_F(HostileInputTest, ExpressionAtTheOperatorLimitIsFine) {
  std::string text = "let x = a";
  for (unsigned i = 0; i < kMaxOperators; ++i) text += i % 2 ? " + a" : " - b";
  ast::File file = Parse(text + "; let y = a + b;");
  EXPECT_EQ(Rendered(), "");
  EXPECT_EQ(file.statements.size(), 2u);
}

TEST_F(HostileInputTest, FiveMegabyteString) {
  std::string path = "/" + std::string(5 << 20, 'a');
  ast::File file = Parse("include \"" + path + "\";\n");
  EXPECT_EQ(Rendered(), "");
  ASSERT_EQ(file.statements.size(), 1u);
  EXPECT_EQ(std::get<ast::IncludeStmt>(file.statements[0]).path, path);
}

TEST_F(HostileInputTest, FiveMegabyteUnterminatedString) {
  Parse("include \"" + std::string(5 << 20, 'a') + "\nabi 7;\n");
  EXPECT_THAT(Ids(), ElementsAre("unterminated-string"));
}

TEST_F(HostileInputTest, HugeIdentifierIsQuotedShortly) {
  Parse(std::string(1 << 20, 'x') + ";");
  ASSERT_THAT(Ids(), ElementsAre("syntax-error"));
  EXPECT_EQ(diags_.diagnostics()[0].message,
            "expected a statement, found `" + std::string(40, 'x') + "...`");
}

TEST_F(HostileInputTest, MillionsOfSemicolonsStopAtTheCap) {
  Parse(std::string(5 << 20, ';'));
  EXPECT_EQ(diags_.error_count(), ErrorListener::kMaxErrors);
  EXPECT_EQ(Ids().back(), "too-many-errors");
}

TEST_F(HostileInputTest, RandomBytesAreReportedNotCrashedOn) {
  std::mt19937 random(1234);
  for (int round = 0; round < 20; ++round) {
    std::string text(4096, '\0');
    for (char& byte : text) byte = static_cast<char>(random());
    Parse(text);
  }
  EXPECT_GE(diags_.error_count(), 20u);
}

TEST_F(HostileInputTest, RandomLinesOfAsciiAreReportedAndCapped) {
  std::mt19937 random(99);
  std::string text(1 << 16, ' ');
  for (char& byte : text) byte = random() % 20 == 0 ? '\n' : static_cast<char>(' ' + random() % 95);
  Parse(text);
  EXPECT_EQ(diags_.error_count(), ErrorListener::kMaxErrors);
  EXPECT_EQ(Ids().back(), "too-many-errors");
}

// Shuffled fragments of real policies exercise the recovery paths: whatever comes out, every
// statement kept must have parsed cleanly, and no broken file may look clean.
TEST_F(HostileInputTest, ShuffledTokensNeverCrash) {
  const char* fragments[] = {
      "abi",     "allow",    "handle",    "layer", "rules", "let",     "use",     "log",
      "on",      "off",      "port",      "fs",    "net",   "none",    "threads", "all",
      "read",    "\"/x\"",   "8080",      "..",    ";",     ";",       ",",       "+",
      "-",       "(",        ")",         "{",     "}",     ":",       "=",       "requires",
      "include", "optional", "same_exec", "\n",    "# c\n", "\"\\q\"", "\"open"};
  std::mt19937 random(7);
  for (int round = 0; round < 2000; ++round) {
    llvm::SourceMgr source_mgr;
    diag::DiagnosticEngine diags(source_mgr);
    std::string text;
    int length = static_cast<int>(random() % 40);
    for (int i = 0; i < length; ++i) {
      text += fragments[random() % std::size(fragments)];
      text += ' ';
    }
    unsigned id = source_mgr.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz.landlock"), llvm::SMLoc());
    ast::File file = ParseFile(id, diags);
    EXPECT_LE(diags.error_count(), ErrorListener::kMaxErrors) << text;
    for (const diag::Diagnostic& diagnostic : diags.diagnostics()) {
      EXPECT_EQ(diagnostic.file, "fuzz.landlock") << text;
      EXPECT_GE(diagnostic.line, 1u) << text;
    }
  }
}

}  // namespace
}  // namespace landlockc::parse
