// SPDX-License-Identifier: MIT
#include "compiler/parse/ast_nodes.h"

#include <algorithm>
#include <string>

#include "compiler/parse/lexer.h"

namespace landlockc::parse {

ast::Expr* NewExpr(ast::Arena& arena, ast::Expr::Kind kind, llvm::SMRange range) {
  auto* expr = new (arena.Allocate<ast::Expr>()) ast::Expr();
  expr->kind = kind;
  expr->range = range;
  return expr;
}

ast::Expr* NewBinary(ast::Arena& arena, ast::Expr::Kind kind, llvm::SMRange range, ast::ExprPtr lhs,
                     ast::ExprPtr rhs) {
  ast::Expr* expr = NewExpr(arena, kind, range);
  ast::ExprPtr operands[] = {lhs, rhs};
  expr->items = CopyItems(arena, operands);
  return expr;
}

llvm::ArrayRef<ast::ExprPtr> CopyItems(ast::Arena& arena, llvm::ArrayRef<ast::ExprPtr> items) {
  if (items.empty()) return {};
  ast::ExprPtr* copy = arena.Allocate<ast::ExprPtr>(items.size());
  std::copy(items.begin(), items.end(), copy);
  return {copy, items.size()};
}

llvm::StringRef DecodeStringInto(ast::Arena& arena, llvm::StringRef literal) {
  llvm::StringRef body = literal.drop_front().drop_back();
  if (!body.contains('\\')) return body;
  std::string decoded = DecodeString(literal);
  char* copy = arena.Allocate<char>(decoded.size());
  std::copy(decoded.begin(), decoded.end(), copy);
  return {copy, decoded.size()};
}

}  // namespace landlockc::parse
