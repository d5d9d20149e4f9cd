// SPDX-License-Identifier: MIT
// The text check run before lexing: policy files are UTF-8 text. Binary input (NUL bytes, invalid
// UTF-8) is reported once, at its first bad byte, instead of as a flood of syntax errors.
#ifndef LANDLOCKC_COMPILER_PARSE_ENCODING_H_
#define LANDLOCKC_COMPILER_PARSE_ENCODING_H_

#include "compiler/parse/error_listener.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::parse {

/// Reports `invalid-utf8` or `nul-byte` at the first offending byte of `text`, whichever comes
/// first. Returns whether `text` is clean and may be lexed.
bool CheckEncoding(llvm::StringRef text, ErrorListener& listener);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_ENCODING_H_
