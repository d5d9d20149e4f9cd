// The parse phase: one buffer of policy text in, its AST out. ANTLR stays behind this header.
#ifndef LANDLOCKC_COMPILER_PARSE_PARSE_H_
#define LANDLOCKC_COMPILER_PARSE_PARSE_H_

#include "compiler/ast/ast.h"
#include "compiler/diag/diagnostics.h"

namespace landlockc::parse {

/// Parses buffer `buffer_id` of the engine's SourceMgr. Reports every syntax error (recovering at
/// the next `;` or `}`) and returns the statements it could build; never fails otherwise.
ast::File ParseFile(unsigned buffer_id, diag::DiagnosticEngine& diags);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_PARSE_H_
