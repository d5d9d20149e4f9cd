// SPDX-License-Identifier: MIT
// The parse phase: one buffer of policy text in, its AST out. ANTLR stays behind this header.
#ifndef LANDLOCKC_COMPILER_PARSE_PARSE_H_
#define LANDLOCKC_COMPILER_PARSE_PARSE_H_

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"

namespace landlockc::parse {

/// Parses buffer `buffer_id` of the engine's SourceMgr. Reports every syntax error (recovering at
/// the next `;` or `}`) and returns the statements it could build; never fails otherwise.
///
/// Statements with an error are left out of the AST, so callers stop when the engine counts an
/// error. Limits: text must be UTF-8 without NUL bytes (a leading byte order mark is ignored),
/// at most 4 GiB;
/// after 20 errors parsing stops with a `too-many-errors` note; parentheses and braces nest at
/// most 64 deep and a statement holds at most 256 `+`/`-` operators, so that no recursive pass
/// over the tree can exhaust the stack.
ast::File ParseFile(unsigned buffer_id, diag::DiagnosticEngine& diags);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_PARSE_H_
