// The limits that keep hostile input from exhausting the stack of the recursive-descent parsers
// and of the passes over the AST. Both parse paths enforce them on the same token counts.
#ifndef LANDLOCKC_COMPILER_PARSE_LIMITS_H_
#define LANDLOCKC_COMPILER_PARSE_LIMITS_H_

namespace landlockc::parse {

/// Deepest nesting of parentheses and braces accepted.
inline constexpr unsigned kMaxNesting = 64;
/// Most `+`/`-` operators accepted in one statement (each adds a level to the expression tree).
inline constexpr unsigned kMaxOperators = 256;

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_LIMITS_H_
