// SPDX-License-Identifier: MIT
// Source positions and text of ANTLR tokens. The lexer reads the buffer byte by byte, so a token's
// ANTLR character indices are byte offsets into the SourceMgr buffer.
#ifndef LANDLOCKC_COMPILER_PARSE_TOKEN_TEXT_H_
#define LANDLOCKC_COMPILER_PARSE_TOKEN_TEXT_H_

#include <string>

#include "Token.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

namespace landlockc::parse {

/// The location of the first byte of `token` in `text` (the end of `text` for EOF).
llvm::SMLoc TokenStart(llvm::StringRef text, const antlr4::Token& token);

/// The location one past the last byte of `token` in `text`.
llvm::SMLoc TokenEnd(llvm::StringRef text, const antlr4::Token& token);

/// The range from the first byte of `first` to one past the last byte of `last`.
llvm::SMRange TokenRange(llvm::StringRef text, const antlr4::Token& first,
                         const antlr4::Token& last);

/// The bytes of `token` in `text` (empty for EOF and for tokens the parser made up).
llvm::StringRef TokenText(llvm::StringRef text, const antlr4::Token& token);

/// `text` in backticks for a diagnostic, cut after 40 bytes (at a character boundary) with "...":
/// a 5 MB string must not become the message.
std::string QuoteSource(llvm::StringRef text);

/// How a diagnostic shows the character at `offset` in `text`: "`@`" when printable ASCII, else
/// its code point, e.g. "`é` (U+00E9)" or "U+0007". `text` is valid UTF-8.
std::string DescribeCharacter(llvm::StringRef text, size_t offset);

/// The number of bytes of the UTF-8 sequence starting at `offset` (1 for ASCII).
size_t CharacterLength(llvm::StringRef text, size_t offset);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_TOKEN_TEXT_H_
