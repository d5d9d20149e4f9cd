// SPDX-License-Identifier: MIT
// The AST ParseFile builds for each construct of the language.
#include <variant>

#include "compiler/parse/parse_test_support.h"

namespace landlockc::parse {
namespace {

using Kind = ast::Expr::Kind;

class ParseTest : public ParseFixture {
 protected:
  /// Parses text that must be valid, and returns its single statement (its expressions live in
  /// the file's arena, kept until the test ends).
  ast::TopStmt ParseOne(llvm::StringRef text) {
    const ast::File& file = *files_.emplace_back(std::make_unique<ast::File>(Parse(text)));
    EXPECT_EQ(Rendered(), "");
    EXPECT_EQ(file.statements.size(), 1u);
    if (file.statements.empty()) return ast::ThreadsStmt{};
    return file.statements.front();
  }

  std::vector<std::unique_ptr<ast::File>> files_;
};

TEST_F(ParseTest, EmptyFileHasNoStatements) {
  ast::File file = Parse("");
  EXPECT_TRUE(file.statements.empty());
  EXPECT_EQ(Rendered(), "");
  EXPECT_EQ(file.path, "test.landlock");
  EXPECT_EQ(file.buffer_id, buffer_id_);
}

TEST_F(ParseTest, CommentsAndBlanksOnlyHaveNoStatements) {
  EXPECT_TRUE(Parse("# nothing here\n\n   \t# still nothing\r\n").statements.empty());
  EXPECT_EQ(Rendered(), "");
}

TEST_F(ParseTest, Abi) {
  auto abi = std::get<ast::AbiStmt>(ParseOne("abi 7;"));
  EXPECT_EQ(abi.version, 7u);
  EXPECT_EQ(Slice(abi.range), "abi 7;");
  EXPECT_EQ(Slice(abi.version_range), "7");
}

TEST_F(ParseTest, AbiTooLargeSaturates) {
  auto abi = std::get<ast::AbiStmt>(ParseOne("abi 99999999999999999999999;"));
  EXPECT_EQ(abi.version, UINT32_MAX);
}

TEST_F(ParseTest, Requires) {
  auto requires_stmt = std::get<ast::RequiresStmt>(ParseOne("requires  abi 4 ;"));
  EXPECT_EQ(requires_stmt.version, 4u);
  EXPECT_EQ(Slice(requires_stmt.range), "requires  abi 4 ;");
  EXPECT_EQ(Slice(requires_stmt.version_range), "4");
}

TEST_F(ParseTest, IncludeDecodesEscapes) {
  auto include = std::get<ast::IncludeStmt>(ParseOne(R"(include "a\"b\\c\nd\te";)"));
  EXPECT_EQ(include.path, "a\"b\\c\nd\te");
  EXPECT_EQ(Slice(include.path_range), R"("a\"b\\c\nd\te")");
}

TEST_F(ParseTest, StringKeepsUtf8) {
  auto include = std::get<ast::IncludeStmt>(ParseOne("include \"/srv/caf\xC3\xA9\";"));
  EXPECT_EQ(include.path, "/srv/caf\xC3\xA9");
}

TEST_F(ParseTest, LetOfRightsExpressionFoldsLeftToRight) {
  auto let = std::get<ast::LetStmt>(ParseOne("let ro = read_write - refer + execute;"));
  EXPECT_EQ(let.name.name, "ro");
  EXPECT_EQ(Slice(let.name.range), "ro");
  EXPECT_EQ(Slice(let.range), "let ro = read_write - refer + execute;");
  const ast::Expr& sum = *let.value;
  ASSERT_EQ(sum.kind, Kind::kUnion);
  EXPECT_EQ(Slice(sum.range), "read_write - refer + execute");
  const ast::Expr& difference = *sum.lhs();
  ASSERT_EQ(difference.kind, Kind::kDifference);
  EXPECT_EQ(Slice(difference.range), "read_write - refer");
  EXPECT_EQ(difference.lhs()->text, "read_write");
  EXPECT_EQ(difference.rhs()->text, "refer");
  EXPECT_EQ(sum.rhs()->kind, Kind::kName);
  EXPECT_EQ(sum.rhs()->text, "execute");
}

TEST_F(ParseTest, ParenthesesGroup) {
  auto let = std::get<ast::LetStmt>(ParseOne("let x = a - (b + c);"));
  const ast::Expr& difference = *let.value;
  ASSERT_EQ(difference.kind, Kind::kDifference);
  EXPECT_EQ(Slice(difference.range), "a - (b + c)");
  EXPECT_EQ(difference.lhs()->text, "a");
  ASSERT_EQ(difference.rhs()->kind, Kind::kUnion);
  EXPECT_EQ(Slice(difference.rhs()->range), "b + c");
}

TEST_F(ParseTest, LetOfOneNameIsTheName) {
  auto let = std::get<ast::LetStmt>(ParseOne("let r = read;"));
  EXPECT_EQ(let.value->kind, Kind::kName);
  EXPECT_EQ(let.value->text, "read");
}

TEST_F(ParseTest, LetOfOneStringIsTheString) {
  auto let = std::get<ast::LetStmt>(ParseOne(R"(let home = "$HOME";)"));
  EXPECT_EQ(let.value->kind, Kind::kString);
  EXPECT_EQ(let.value->text, "$HOME");
  EXPECT_EQ(Slice(let.value->range), R"("$HOME")");
}

TEST_F(ParseTest, LetOfSeveralItemsIsAList) {
  auto let = std::get<ast::LetStmt>(ParseOne(R"(let site = "/srv/www", shared, "/tmp";)"));
  const ast::Expr& list = *let.value;
  ASSERT_EQ(list.kind, Kind::kList);
  EXPECT_EQ(Slice(list.range), R"("/srv/www", shared, "/tmp")");
  ASSERT_EQ(list.items.size(), 3u);
  EXPECT_EQ(list.items[0]->kind, Kind::kString);
  EXPECT_EQ(list.items[0]->text, "/srv/www");
  EXPECT_EQ(list.items[1]->kind, Kind::kName);
  EXPECT_EQ(list.items[1]->text, "shared");
  EXPECT_EQ(list.items[2]->text, "/tmp");
}

TEST_F(ParseTest, LetOfPorts) {
  auto let = std::get<ast::LetStmt>(ParseOne("let web = port 80, 8000..8080, admin, 70000;"));
  const ast::Expr& ports = *let.value;
  ASSERT_EQ(ports.kind, Kind::kPortList);
  EXPECT_EQ(Slice(ports.range), "port 80, 8000..8080, admin, 70000");
  ASSERT_EQ(ports.items.size(), 4u);
  EXPECT_EQ(ports.items[0]->kind, Kind::kPort);
  EXPECT_EQ(ports.items[0]->low, 80u);
  EXPECT_EQ(ports.items[1]->kind, Kind::kPortRange);
  EXPECT_EQ(ports.items[1]->low, 8000u);
  EXPECT_EQ(ports.items[1]->high, 8080u);
  EXPECT_EQ(Slice(ports.items[1]->range), "8000..8080");
  EXPECT_EQ(ports.items[2]->kind, Kind::kName);
  EXPECT_EQ(ports.items[2]->text, "admin");
  EXPECT_EQ(ports.items[3]->low, 70000u);
}

TEST_F(ParseTest, HugePortSaturates) {
  auto let = std::get<ast::LetStmt>(ParseOne("let p = port 1..99999999999;"));
  EXPECT_EQ(let.value->items[0]->low, 1u);
  EXPECT_EQ(let.value->items[0]->high, UINT32_MAX);
}

TEST_F(ParseTest, Threads) {
  auto threads = std::get<ast::ThreadsStmt>(ParseOne("threads all;"));
  EXPECT_EQ(Slice(threads.range), "threads all;");
}

TEST_F(ParseTest, HandleWithNoneAndAll) {
  auto none = std::get<ast::HandleStmt>(ParseOne("handle net: none;"));
  EXPECT_EQ(none.category.name, "net");
  EXPECT_EQ(Slice(none.category.range), "net");
  EXPECT_EQ(none.rights->kind, Kind::kName);
  EXPECT_EQ(none.rights->text, "none");
  EXPECT_EQ(Slice(none.range), "handle net: none;");
}

TEST_F(ParseTest, HandleScopeAll) {
  auto all = std::get<ast::HandleStmt>(ParseOne("handle scope: all;"));
  EXPECT_EQ(all.category.name, "scope");
  EXPECT_EQ(all.rights->text, "all");
}

TEST_F(ParseTest, AllowOnOnePathIsThePath) {
  auto allow = std::get<ast::AllowStmt>(ParseOne(R"(allow read + execute on "/usr";)"));
  EXPECT_EQ(allow.rights->kind, Kind::kUnion);
  ASSERT_EQ(allow.targets->kind, Kind::kString);
  EXPECT_EQ(allow.targets->text, "/usr");
  EXPECT_EQ(Slice(allow.targets->range), R"("/usr")");
  EXPECT_FALSE(allow.optional);
  EXPECT_EQ(Slice(allow.range), R"(allow read + execute on "/usr";)");
}

TEST_F(ParseTest, AllowOptional) {
  auto allow = std::get<ast::AllowStmt>(ParseOne(R"(allow read_write on "/a", b optional;)"));
  EXPECT_TRUE(allow.optional);
  EXPECT_EQ(allow.targets->items.size(), 2u);
}

TEST_F(ParseTest, AllowOnPorts) {
  auto allow = std::get<ast::AllowStmt>(ParseOne("allow bind_tcp on port 8080, 8443;"));
  ASSERT_EQ(allow.targets->kind, Kind::kPortList);
  EXPECT_EQ(allow.targets->items[1]->low, 8443u);
}

TEST_F(ParseTest, Use) {
  auto use = std::get<ast::UseStmt>(ParseOne("use runtime;"));
  EXPECT_EQ(use.name.name, "runtime");
  EXPECT_EQ(Slice(use.range), "use runtime;");
}

TEST_F(ParseTest, LogSettings) {
  auto log = std::get<ast::LogStmt>(ParseOne("log same_exec off, new_exec on, subdomains off;"));
  ASSERT_EQ(log.settings.size(), 3u);
  EXPECT_EQ(log.settings[0].word.name, "same_exec");
  EXPECT_FALSE(log.settings[0].on);
  EXPECT_EQ(Slice(log.settings[0].range), "same_exec off");
  EXPECT_EQ(log.settings[1].word.name, "new_exec");
  EXPECT_TRUE(log.settings[1].on);
  EXPECT_EQ(log.settings[2].word.name, "subdomains");
  EXPECT_FALSE(log.settings[2].on);
}

TEST_F(ParseTest, LogWordsAreNamesElsewhere) {
  auto let = std::get<ast::LetStmt>(ParseOne("let same_exec = off;"));
  EXPECT_EQ(let.name.name, "same_exec");
  EXPECT_EQ(let.value->text, "off");
}

TEST_F(ParseTest, RulesBlock) {
  auto rules = std::get<ast::RulesBlock>(
      ParseOne("rules runtime {\n  allow read on \"/lib\";\n  use base;\n}"));
  EXPECT_EQ(rules.name.name, "runtime");
  ASSERT_EQ(rules.body.size(), 2u);
  EXPECT_TRUE(std::holds_alternative<ast::AllowStmt>(rules.body[0]));
  EXPECT_TRUE(std::holds_alternative<ast::UseStmt>(rules.body[1]));
  EXPECT_EQ(Slice(rules.range), "rules runtime {\n  allow read on \"/lib\";\n  use base;\n}");
}

TEST_F(ParseTest, EmptyLayer) {
  auto layer = std::get<ast::LayerBlock>(ParseOne("layer empty {}"));
  EXPECT_EQ(layer.name.name, "empty");
  EXPECT_TRUE(layer.body.empty());
}

TEST_F(ParseTest, ByteOrderMarkIsIgnored) {
  auto abi =
      std::get<ast::AbiStmt>(ParseOne("\xEF\xBB\xBF"
                                      "abi 3;"));
  EXPECT_EQ(abi.version, 3u);
  EXPECT_EQ(Slice(abi.range), "abi 3;");
}

constexpr char kLanguageExample[] = R"(# web.landlock: a static web server
abi 7;                                  # written for Landlock ABI 7 (Linux 6.15)
requires abi 4;                         # refuse to run on kernels below ABI 4
include "std/runtime.landlock";         # rules for a dynamically linked program

let site  = "/srv/www", "/srv/shared";
let ro    = read + execute;

layer base {                            # no `handle` line: handles everything
    use runtime;                        # rules defined in std/runtime.landlock
    allow read on site;
    allow read_write on "/var/log/web", "$XDG_RUNTIME_DIR/web" optional;
    allow bind_tcp on port 8080, 8443;
    allow connect_tcp on port 5432;
}

layer no_exec {                         # a second layer: only restricts exec
    handle fs: execute;
    allow execute on "/usr/bin/convert";
}
)";

TEST_F(ParseTest, LanguageExample) {
  ast::File file = Parse(kLanguageExample);
  EXPECT_EQ(Rendered(), "");
  ASSERT_EQ(file.statements.size(), 7u);
  EXPECT_EQ(std::get<ast::AbiStmt>(file.statements[0]).version, 7u);
  EXPECT_EQ(std::get<ast::RequiresStmt>(file.statements[1]).version, 4u);
  EXPECT_EQ(std::get<ast::IncludeStmt>(file.statements[2]).path, "std/runtime.landlock");
  EXPECT_EQ(std::get<ast::LetStmt>(file.statements[3]).value->items.size(), 2u);
  EXPECT_EQ(std::get<ast::LetStmt>(file.statements[4]).value->kind, Kind::kUnion);

  const auto& base = std::get<ast::LayerBlock>(file.statements[5]);
  EXPECT_EQ(base.name.name, "base");
  ASSERT_EQ(base.body.size(), 5u);
  EXPECT_EQ(std::get<ast::UseStmt>(base.body[0]).name.name, "runtime");
  const auto& read_write = std::get<ast::AllowStmt>(base.body[2]);
  EXPECT_TRUE(read_write.optional);
  EXPECT_EQ(read_write.targets->items[1]->text, "$XDG_RUNTIME_DIR/web");
  EXPECT_EQ(std::get<ast::AllowStmt>(base.body[4]).targets->items[0]->low, 5432u);

  const auto& no_exec = std::get<ast::LayerBlock>(file.statements[6]);
  ASSERT_EQ(no_exec.body.size(), 2u);
  EXPECT_EQ(std::get<ast::HandleStmt>(no_exec.body[0]).category.name, "fs");
  auto [line, column] = source_mgr_.getLineAndColumn(no_exec.range.Start, buffer_id_);
  EXPECT_EQ(line, 17u);
  EXPECT_EQ(column, 1u);
}

}  // namespace
}  // namespace landlockc::parse
