// SPDX-License-Identifier: MIT
// The lexer of the policy language: policy text in, a buffer of tokens out, comments included.
// Every reader of policy text reads this buffer: the fast parser, the ANTLR parser (through
// token_source.h), the formatter and lint's comment scanner. It owns the lexical facts of the
// language: the keywords, the string escapes, the byte order mark and the nesting and operator
// limits.
//
// grammar/Landlock.g4 stays the reference: lexer_differential_test runs the generated ANTLR lexer
// and this one over every policy of the repository and thousands of random inputs, and checks that
// the token kinds and ranges are identical.
#ifndef LANDLOCKC_COMPILER_PARSE_LEXER_H_
#define LANDLOCKC_COMPILER_PARSE_LEXER_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"

namespace landlockc::parse {

/// Deepest nesting of parentheses and braces accepted: keeps hostile input from exhausting the
/// stack of the recursive-descent parsers and of the passes over the AST.
inline constexpr unsigned kMaxNesting = 64;
/// Most `+`/`-` operators accepted in one statement (each adds a level to the expression tree).
inline constexpr unsigned kMaxOperators = 256;

/// Some editors start UTF-8 files with a byte order mark; it is skipped like blanks.
inline constexpr llvm::StringLiteral kByteOrderMark = "\xEF\xBB\xBF";

/// The token kinds of grammar/Landlock.g4. Blanks make no token; comments do.
enum class TokenKind : uint8_t {
  kEnd,
  /// `#` up to the end of the line; the parsers skip it.
  kComment,
  kIdent,
  kInt,
  kString,
  /// A string cut by the end of the line or of the file.
  kUnterminatedString,
  /// One byte that starts no token.
  kInvalidCharacter,
  // Keywords.
  kAbi,
  kAllow,
  kFs,
  kHandle,
  kInclude,
  kLayer,
  kLet,
  kLog,
  kNet,
  kNone,
  kOn,
  kOptional,
  kPort,
  kRequires,
  kRules,
  kScope,
  kThreads,
  kUse,
  // Punctuation.
  kSemi,
  kColon,
  kComma,
  kAssign,
  kPlus,
  kMinus,
  kLParen,
  kRParen,
  kLBrace,
  kRBrace,
  kDotDot,
};

/// A keyword of the language and its token kind.
struct Keyword {
  llvm::StringLiteral spelling;
  TokenKind kind;
};

/// Every keyword, alphabetically (the language server completes them).
llvm::ArrayRef<Keyword> Keywords();

/// Longest text lexed: token positions are 32 bits, which keeps a token in 16 bytes.
inline constexpr size_t kMaxTextBytes = UINT32_MAX;

/// One token: its kind and where it stands. Tokens never span lines.
struct Token {
  /// Byte offset of the token's first byte in the text.
  uint32_t offset = 0;
  /// Length in bytes (0 for kEnd).
  uint32_t length = 0;
  /// Line of the first byte, from 1; lines end at `\n`.
  uint32_t line = 1;
  TokenKind kind = TokenKind::kEnd;

  size_t end() const { return size_t{offset} + length; }
};

/// A limit of the language that the text exceeds.
enum class LimitExceeded : uint8_t { kNone, kNesting, kOperators };

/// The tokens of one text.
struct TokenBuffer {
  /// The text the tokens point into.
  llvm::StringRef text;
  /// Every token in source order, comments included, ending with one kEnd token.
  std::vector<Token> tokens;
  /// The offset of the first byte of each line: line N starts at line_starts[N - 1].
  std::vector<uint32_t> line_starts;
  /// The first limit exceeded, and the index of the token that exceeds it: an opening
  /// parenthesis or brace beyond kMaxNesting, or an operator beyond kMaxOperators.
  LimitExceeded limit = LimitExceeded::kNone;
  size_t limit_token = 0;

  /// The bytes of `token`.
  llvm::StringRef Text(const Token& token) const { return text.substr(token.offset, token.length); }
  /// Bytes between the start of the line and `token`, from 0 (a leading byte order mark counts).
  unsigned Column(const Token& token) const { return token.offset - line_starts[token.line - 1]; }
  /// The source range of `token`.
  llvm::SMRange Range(const Token& token) const {
    return llvm::SMRange(llvm::SMLoc::getFromPointer(text.data() + token.offset),
                         llvm::SMLoc::getFromPointer(text.data() + token.end()));
  }
};

/// Splits `text` into tokens. Never fails: bytes that start no token become kInvalidCharacter
/// tokens, one per byte, and strings cut short kUnterminatedString tokens. Bytes past
/// kMaxTextBytes are not lexed (the parse phase refuses such text).
TokenBuffer Lex(llvm::StringRef text);

/// The offset in string literal `literal` (quotes included) of the first backslash from `from` on
/// whose escape the language does not define (only `\"`, `\\`, `\n` and `\t` are); npos if none.
size_t NextUndefinedEscape(llvm::StringRef literal, size_t from = 0);

/// The text of string literal `literal` (quotes included) without its quotes, escapes decoded.
/// An undefined escape (reported by the parse phase) keeps the escaped character.
std::string DecodeString(llvm::StringRef literal);

/// The value of decimal `digits`, saturating at UINT32_MAX (the checker reports the range error).
uint32_t ParseNumber(llvm::StringRef digits);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_LEXER_H_
