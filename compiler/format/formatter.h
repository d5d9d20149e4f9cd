// SPDX-License-Identifier: MIT
// The format phase: the canonical layout of policy source, for `landlockc fmt` and the language
// server. One statement per line, four spaces per block level, single spaces between words,
// comments kept where they stand. It reads the tokens of the parse phase's lexer.
#ifndef LANDLOCKC_COMPILER_FORMAT_FORMATTER_H_
#define LANDLOCKC_COMPILER_FORMAT_FORMATTER_H_

#include <string>

#include "llvm/ADT/StringRef.h"

namespace landlockc::format {

/// Longest line the formatter makes when a statement can be wrapped (after a comma).
inline constexpr size_t kFormatColumnLimit = 100;

/// Lays `text` out canonically. Expects text the parser accepts (check that first): the result
/// then holds the same tokens in the same order, every comment, and at most one blank line where
/// the source had blank lines. Rules:
///  - each statement on its own line; `{` ends its block's first line, `}` stands alone;
///  - inside a block, four spaces of indentation per level;
///  - one space between tokens, none before `;` `,` `:` `)` or after `(`, none around `..`;
///  - a statement longer than the limit breaks after commas, continuation lines aligned with the
///    first item after `on` or `=` (else indented four more spaces);
///  - a comment on its own line stays on its own line, at the indentation of the code around it;
///    a comment after code stays at the end of that line, two spaces after it;
///  - the text ends with exactly one newline, and starts without a byte order mark.
/// Formatting formatted text changes nothing.
std::string FormatPolicy(llvm::StringRef text);

}  // namespace landlockc::format

#endif  // LANDLOCKC_COMPILER_FORMAT_FORMATTER_H_
