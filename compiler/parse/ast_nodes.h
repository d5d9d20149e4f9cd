// SPDX-License-Identifier: MIT
// Building the AST's expressions into a file's arena (ast::File::arena): what both parsers, the
// fast one and the ANTLR one, allocate with.
#ifndef LANDLOCKC_COMPILER_PARSE_AST_NODES_H_
#define LANDLOCKC_COMPILER_PARSE_AST_NODES_H_

#include "compiler/ast/ast.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::parse {

/// A new expression of `kind` over `range` in `arena`.
ast::Expr* NewExpr(ast::Arena& arena, ast::Expr::Kind kind, llvm::SMRange range);

/// `lhs + rhs` (kUnion) or `lhs - rhs` (kDifference) over `range` in `arena`.
ast::Expr* NewBinary(ast::Arena& arena, ast::Expr::Kind kind, llvm::SMRange range, ast::ExprPtr lhs,
                     ast::ExprPtr rhs);

/// `items` copied into `arena`.
llvm::ArrayRef<ast::ExprPtr> CopyItems(ast::Arena& arena, llvm::ArrayRef<ast::ExprPtr> items);

/// The text of string literal `literal` (quotes included, a view of the source) as
/// DecodeString decodes it: a view of the source between the quotes when it has no escape (nearly
/// every string), its decoding copied into `arena` otherwise.
llvm::StringRef DecodeStringInto(ast::Arena& arena, llvm::StringRef literal);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_AST_NODES_H_
