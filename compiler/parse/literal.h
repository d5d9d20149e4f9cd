// The values of number and string literals, shared by the AST builder and the fast parser so
// that both paths decode them the same way.
#ifndef LANDLOCKC_COMPILER_PARSE_LITERAL_H_
#define LANDLOCKC_COMPILER_PARSE_LITERAL_H_

#include <cstdint>
#include <string>

#include "llvm/ADT/StringRef.h"

namespace landlockc::parse {

/// The value of decimal `digits`, saturating at UINT32_MAX (the checker reports the range error).
uint32_t ParseNumber(llvm::StringRef digits);

/// The text of string literal `literal` (quotes included) without its quotes, escapes decoded.
/// Escapes the language does not define were reported by the lexing phase; they keep the escaped
/// character.
std::string DecodeString(llvm::StringRef literal);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_LITERAL_H_
