// SPDX-License-Identifier: MIT
// The parse phase's full path: the ANTLR parser with error recovery and precise diagnostics. It
// runs for every file the fast parser (fast_parser.h) leaves to it, that is every file with
// something to report.
#ifndef LANDLOCKC_COMPILER_PARSE_RECOVERING_PARSER_H_
#define LANDLOCKC_COMPILER_PARSE_RECOVERING_PARSER_H_

#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/lexer.h"

namespace landlockc::parse {

/// Parses the tokens of `tokens` (of valid UTF-8 text without NUL bytes), reporting every
/// lexical, syntax and placement error to `listener`, and appends to `statements` the statements
/// that have none, their expressions built in `arena`. Throws ParseAborted, after reporting why,
/// when a limit is exceeded or errors pass the cap.
void ParseWithRecovery(const TokenBuffer& tokens, ErrorListener& listener,
                       std::vector<ast::TopStmt>& statements, ast::Arena& arena);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_RECOVERING_PARSER_H_
