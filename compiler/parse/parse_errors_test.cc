// SPDX-License-Identifier: MIT
// The diagnostics ParseFile reports for malformed policies, rendered exactly as users see them.
#include <variant>

#include "compiler/parse/parse_test_support.h"

namespace landlockc::parse {
namespace {

class ParseErrorsTest : public ParseFixture {};

TEST_F(ParseErrorsTest, MissingSemicolonPointsPastTheStatement) {
  ast::File file = Parse("allow read on \"/x\"\nallow execute on \"/y\";\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:19: error: expected `;` after the statement [missing-semicolon]\n"
            "allow read on \"/x\"\n"
            "                  ^\n");
  // The next statement is intact and kept.
  ASSERT_EQ(file.statements.size(), 1u);
  EXPECT_EQ(Slice(std::get<ast::AllowStmt>(file.statements[0]).range), "allow execute on \"/y\";");
}

TEST_F(ParseErrorsTest, MissingSemicolonAtEndOfFile) {
  Parse("abi 7\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:6: error: expected `;` after the statement [missing-semicolon]\n"
            "abi 7\n"
            "     ^\n");
}

TEST_F(ParseErrorsTest, MissingSemicolonBeforeAComment) {
  Parse("abi 7 # pinned\nrequires abi 4;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:6: error: expected `;` after the statement [missing-semicolon]\n"
            "abi 7 # pinned\n"
            "     ^\n");
}

TEST_F(ParseErrorsTest, UnexpectedTokenNamesWhatWasExpected) {
  Parse("let x = a b;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:11: error: expected `;`, found `b` [syntax-error]\n"
            "let x = a b;\n"
            "          ^\n");
}

TEST_F(ParseErrorsTest, MissingTargets) {
  Parse("allow read on ;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:15: error: expected an expression or `port`, found `;` "
            "[syntax-error]\n"
            "allow read on ;\n"
            "              ^\n");
}

TEST_F(ParseErrorsTest, MissingTokenPointsAfterThePreviousOne) {
  Parse("handle fs read;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:10: error: expected `:` after `fs` [missing-token]\n"
            "handle fs read;\n"
            "         ^\n");
}

TEST_F(ParseErrorsTest, UnknownCategory) {
  Parse("handle files: read;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:8: error: expected `fs`, `net` or `scope`, found `files` "
            "[syntax-error]\n"
            "handle files: read;\n"
            "       ^~~~~\n");
}

TEST_F(ParseErrorsTest, KeywordWhereANameIsExpected) {
  Parse("let port = 1;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:5: error: expected a name, found keyword `port` [syntax-error]\n"
            "let port = 1;\n"
            "    ^~~~\n");
}

TEST_F(ParseErrorsTest, MisspelledStatementGetsASuggestion) {
  Parse("alow read on \"/x\";\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:1: error: unknown statement `alow`; did you mean `allow`? "
            "[unknown-statement]\n"
            "alow read on \"/x\";\n"
            "^~~~\n");
}

TEST_F(ParseErrorsTest, GarbageWhereAStatementShouldStart) {
  Parse("42;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:1: error: expected a statement, found `42` [syntax-error]\n"
            "42;\n"
            "^~\n");
}

TEST_F(ParseErrorsTest, StraySemicolonsSpoilNoStatement) {
  ast::File file = Parse("abi 7;;\nlayer a { ; use x; }\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:7: error: unexpected `;` [unexpected-token]\n"
            "abi 7;;\n"
            "      ^\n"
            "test.landlock:2:11: error: unexpected `;` [unexpected-token]\n"
            "layer a { ; use x; }\n"
            "          ^\n");
  ASSERT_EQ(file.statements.size(), 2u);
  EXPECT_EQ(std::get<ast::LayerBlock>(file.statements[1]).body.size(), 1u);
}

TEST_F(ParseErrorsTest, StrayClosingBrace) {
  ast::File file = Parse("layer a {\n  use r;\n}\n}\nabi 7;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:4:1: error: unexpected `}` [unexpected-token]\n"
            "}\n"
            "^\n");
  EXPECT_EQ(file.statements.size(), 2u);
}

TEST_F(ParseErrorsTest, UnclosedBlockPointsAtItsBrace) {
  Parse("layer a {\n  use r;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:9: error: block is not closed before the end of the file; "
            "expected `}` [unclosed-block]\n"
            "layer a {\n"
            "        ^\n");
}

TEST_F(ParseErrorsTest, LogValueMissing) {
  Parse("log same_exec;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:14: error: expected `on` or `off` after `same_exec` [missing-token]\n"
            "log same_exec;\n"
            "             ^\n");
}

TEST_F(ParseErrorsTest, LogSettingMissing) {
  Parse("log;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:4: error: expected a `log` setting, found `;` [syntax-error]\n"
            "log;\n"
            "   ^\n");
}

TEST_F(ParseErrorsTest, UnknownLogSettingAndValue) {
  ast::File file = Parse("log same_exec maybe, audit off;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:15: error: expected `on` or `off` after `same_exec`, found `maybe` "
            "[invalid-log-value]\n"
            "log same_exec maybe, audit off;\n"
            "              ^~~~~\n"
            "test.landlock:1:22: error: unknown `log` setting `audit`; expected `same_exec`, "
            "`new_exec` or `subdomains` [invalid-log-setting]\n"
            "log same_exec maybe, audit off;\n"
            "                     ^~~~~\n");
  EXPECT_TRUE(file.statements.empty());
}

TEST_F(ParseErrorsTest, ThreadsTakesOnlyAll) {
  Parse("threads some;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:9: error: expected `all` after `threads`, found `some` "
            "[syntax-error]\n"
            "threads some;\n"
            "        ^~~~\n");
}

TEST_F(ParseErrorsTest, DefinitionsInsideALayer) {
  ast::File file = Parse("layer a {\n  let x = y;\n  layer b {}\n  use r;\n}\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:2:3: error: `let` cannot appear inside a layer "
            "[misplaced-statement]\n"
            "  let x = y;\n"
            "  ^~~~~~~~~~\n"
            "test.landlock:3:3: error: `layer` cannot appear inside a layer "
            "[misplaced-statement]\n"
            "  layer b {}\n"
            "  ^~~~~~~~~~\n");
  ASSERT_EQ(file.statements.size(), 1u);
  EXPECT_EQ(std::get<ast::LayerBlock>(file.statements[0]).body.size(), 1u);
}

TEST_F(ParseErrorsTest, LayerOnlyStatementsInsideRules) {
  Parse("rules r {\n  handle fs: all;\n  log new_exec on;\n  allow read on \"/\";\n}\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:2:3: error: `handle` cannot appear inside `rules` "
            "[misplaced-statement]\n"
            "  handle fs: all;\n"
            "  ^~~~~~~~~~~~~~~\n"
            "test.landlock:3:3: error: `log` cannot appear inside `rules` "
            "[misplaced-statement]\n"
            "  log new_exec on;\n"
            "  ^~~~~~~~~~~~~~~~\n");
}

TEST_F(ParseErrorsTest, UnterminatedStringAtItsQuoteWithoutFollowUps) {
  ast::File file = Parse("include \"std/a.landlock;\nabi 7;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:9: error: string is not closed before the end of the line "
            "[unterminated-string]\n"
            "include \"std/a.landlock;\n"
            "        ^~~~~~~~~~~~~~~~\n");
  EXPECT_TRUE(file.statements.empty());
}

TEST_F(ParseErrorsTest, InvalidEscape) {
  Parse("allow read on \"C:\\dir\";\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:18: error: invalid escape `\\d` in a string; use `\\\"`, `\\\\`, "
            "`\\n` or `\\t` [invalid-escape]\n"
            "allow read on \"C:\\dir\";\n"
            "                 ^~\n");
}

TEST_F(ParseErrorsTest, InvalidCharactersReportedOncePerRun) {
  ast::File file = Parse("abi 7;\n@@ abi 3;\nabi 4 # comment\n$;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:2:1: error: unexpected character `@` [invalid-character]\n"
            "@@ abi 3;\n"
            "^~\n"
            "test.landlock:4:1: error: unexpected character `$` [invalid-character]\n"
            "$;\n"
            "^\n");
  // Characters outside a statement spoil nothing; inside one, they spoil it.
  ASSERT_EQ(file.statements.size(), 2u);
  EXPECT_EQ(std::get<ast::AbiStmt>(file.statements[1]).version, 3u);
}

TEST_F(ParseErrorsTest, NonAsciiCharacterShowsItsCodePoint) {
  Parse("let x = read \xC3\x97 write;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:1:14: error: unexpected character `\xC3\x97` (U+00D7) "
            "[invalid-character]\n"
            "let x = read \xC3\x97 write;\n"
            "             ^\n");
}

TEST_F(ParseErrorsTest, EveryBrokenStatementIsReportedAndTheRestKept) {
  ast::File file = Parse(
      "abi 7;\n"
      "let a = ;\n"
      "layer one {\n"
      "  allow read on \"/x\" \"/y\";\n"
      "  use ok;\n"
      "}\n"
      "handle fs read;\n"
      "layer two { use fine; }\n"
      "alow x;\n");
  EXPECT_EQ(Rendered(),
            "test.landlock:2:9: error: expected an expression or `port`, found `;` "
            "[syntax-error]\n"
            "let a = ;\n"
            "        ^\n"
            "test.landlock:4:22: error: expected `;`, found `\"/y\"` [syntax-error]\n"
            "  allow read on \"/x\" \"/y\";\n"
            "                     ^~~~\n"
            "test.landlock:7:10: error: expected `:` after `fs` [missing-token]\n"
            "handle fs read;\n"
            "         ^\n"
            "test.landlock:9:1: error: unknown statement `alow`; did you mean `allow`? "
            "[unknown-statement]\n"
            "alow x;\n"
            "^~~~\n");
  ASSERT_EQ(file.statements.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<ast::AbiStmt>(file.statements[0]));
  const auto& one = std::get<ast::LayerBlock>(file.statements[1]);
  ASSERT_EQ(one.body.size(), 1u);
  EXPECT_EQ(std::get<ast::UseStmt>(one.body[0]).name.name, "ok");
  EXPECT_EQ(std::get<ast::LayerBlock>(file.statements[2]).name.name, "two");
}

TEST_F(ParseErrorsTest, ErrorsAreCappedWithANote) {
  std::string text;
  for (int i = 0; i < 30; ++i) text += "abi;\n";
  Parse(text);
  ASSERT_EQ(diags_.diagnostics().size(), ErrorListener::kMaxErrors + 1);
  EXPECT_EQ(diags_.error_count(), ErrorListener::kMaxErrors);
  const diag::Diagnostic& note = diags_.diagnostics().back();
  EXPECT_EQ(note.severity, diag::Severity::kNote);
  EXPECT_EQ(note.id, "too-many-errors");
  EXPECT_EQ(note.message, "too many syntax errors; stopping after 20");
  EXPECT_EQ(note.line, 21u);
}

}  // namespace
}  // namespace landlockc::parse
