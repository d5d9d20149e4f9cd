// SPDX-License-Identifier: MIT
#include "compiler/parse/ast_nodes.h"

#include <gtest/gtest.h>

#include <string>

#include "compiler/parse/lexer.h"

namespace landlockc::parse {
namespace {

TEST(AstNodesTest, StringsWithoutEscapesViewTheSource) {
  ast::Arena arena;
  std::string source = R"(allow read on "/srv/www";)";
  llvm::StringRef literal = llvm::StringRef(source).slice(14, 24);
  ASSERT_EQ(literal, R"("/srv/www")");
  llvm::StringRef text = DecodeStringInto(arena, literal);
  EXPECT_EQ(text, "/srv/www");
  EXPECT_EQ(text.data(), source.data() + 15);
  EXPECT_EQ(arena.getBytesAllocated(), 0u);
}

TEST(AstNodesTest, StringsWithEscapesAreDecodedIntoTheArena) {
  ast::Arena arena;
  std::string source = R"("/a\tb\"c")";
  llvm::StringRef text = DecodeStringInto(arena, source);
  EXPECT_EQ(text, DecodeString(source));
  EXPECT_EQ(text, "/a\tb\"c");
  EXPECT_FALSE(text.data() >= source.data() && text.data() < source.data() + source.size());
  EXPECT_GT(arena.getBytesAllocated(), 0u);
}

// Small slabs come from malloc, large ones are mapped from the system: a long string with an
// escape gets a mapped block of its own, and small nodes keep filling the current slab.
TEST(AstNodesTest, TheArenaHoldsItemsLargerThanASlab) {
  ast::Arena arena;
  std::string long_path = "/" + std::string(200 * 1024, 'x') + "\\t";  // decodes to a tab
  std::string source = "\"" + long_path + "\"";
  llvm::StringRef text = DecodeStringInto(arena, source);
  ast::Expr* node = NewExpr(arena, ast::Expr::Kind::kString, {});
  node->text = text;
  EXPECT_EQ(node->text.size(), long_path.size() - 1);
  EXPECT_EQ(node->text, DecodeString(source));
  EXPECT_GE(arena.getTotalMemory(), long_path.size());
}

// Nodes are built in the arena, linked by plain pointers, and all freed with it at once.
TEST(AstNodesTest, NodesLiveInTheArena) {
  ast::Arena arena;
  ast::Expr* lhs = NewExpr(arena, ast::Expr::Kind::kName, {});
  lhs->text = "read";
  ast::Expr* rhs = NewExpr(arena, ast::Expr::Kind::kName, {});
  rhs->text = "execute";
  ast::ExprPtr sum = NewBinary(arena, ast::Expr::Kind::kUnion, {}, lhs, rhs);
  ast::ExprPtr items[] = {sum, lhs};
  ast::Expr* list = NewExpr(arena, ast::Expr::Kind::kList, {});
  list->items = CopyItems(arena, items);
  items[0] = nullptr;  // the list holds its own copy
  ASSERT_EQ(list->items.size(), 2u);
  EXPECT_EQ(list->items[0], sum);
  EXPECT_EQ(list->items[0]->lhs()->text, "read");
  EXPECT_EQ(list->items[0]->rhs()->text, "execute");
  EXPECT_EQ(list->lhs(), nullptr);  // only `+` and `-` have operands
  EXPECT_EQ(list->items[1]->low, 0u);
  EXPECT_TRUE(CopyItems(arena, {}).empty());
  EXPECT_GE(arena.getBytesAllocated(), 4 * sizeof(ast::Expr) + 4 * sizeof(ast::ExprPtr));
}

// The File owns its arena: a moved File keeps its expressions valid.
TEST(AstNodesTest, MovedFileKeepsItsNodes) {
  ast::File file;
  ast::Expr* rights = NewExpr(file.arena, ast::Expr::Kind::kName, {});
  rights->text = "read";
  file.statements.push_back(ast::AllowStmt{rights, nullptr, false, {}});
  ast::File moved = std::move(file);
  EXPECT_EQ(std::get<ast::AllowStmt>(moved.statements[0]).rights->text, "read");
  EXPECT_GT(moved.arena.getBytesAllocated(), 0u);
}

}  // namespace
}  // namespace landlockc::parse
