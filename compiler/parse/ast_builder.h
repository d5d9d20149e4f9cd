// SPDX-License-Identifier: MIT
// Turns the parse tree of a `.landlock` file into its AST. The grammar is permissive on purpose;
// this is where statements in the wrong place and malformed `log` and `threads` words are
// reported, each with a precise message.
#ifndef LANDLOCKC_COMPILER_PARSE_AST_BUILDER_H_
#define LANDLOCKC_COMPILER_PARSE_AST_BUILDER_H_

#include <vector>

#include "LandlockParser.h"
#include "compiler/ast/ast.h"
#include "compiler/parse/error_listener.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::parse {

/// Appends to `statements` the AST of every statement of `file` (a parse of `text`) that parsed
/// without error, their expressions built in `arena`. Statements the language does not admit
/// where they stand are reported to `listener` and left out.
void BuildStatements(landlockc_grammar::LandlockParser::FileContext* file, llvm::StringRef text,
                     ErrorListener& listener, std::vector<ast::TopStmt>& statements,
                     ast::Arena& arena);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_AST_BUILDER_H_
