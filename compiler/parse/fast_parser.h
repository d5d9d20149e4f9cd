// SPDX-License-Identifier: MIT
// The parse phase's fast path: a hand-written recursive-descent parser over the lexer's tokens
// for policies about which the parse phase has nothing to report, which is nearly every policy a
// build compiles. The ANTLR path spends most of its time allocating tokens and parse-tree nodes;
// this one reads the token buffer once and builds the AST directly.
//
// It accepts exactly what grammar/Landlock.g4 and the AST builder accept without a diagnostic and
// builds the same AST (fast_parser_test parses a corpus both ways and compares). At the first
// thing that would be reported (a lexical or syntax error, a misplaced statement, a bad `log` or
// `threads` word, a limit exceeded) it gives up, and the ANTLR path parses the file from the
// start and reports everything.
#ifndef LANDLOCKC_COMPILER_PARSE_FAST_PARSER_H_
#define LANDLOCKC_COMPILER_PARSE_FAST_PARSER_H_

#include <optional>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/parse/lexer.h"

namespace landlockc::parse {

/// The statements of the text of `tokens` (valid UTF-8 without NUL bytes) when the parse phase has
/// nothing to report about it, their expressions built in `arena`; nullopt otherwise.
std::optional<std::vector<ast::TopStmt>> ParseWellFormed(const TokenBuffer& tokens,
                                                         ast::Arena& arena);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_FAST_PARSER_H_
