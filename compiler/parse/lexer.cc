// SPDX-License-Identifier: MIT
#include "compiler/parse/lexer.h"

#include "llvm/ADT/StringExtras.h"

namespace landlockc::parse {
namespace {

constexpr Keyword kKeywords[] = {
    {"abi", TokenKind::kAbi},         {"allow", TokenKind::kAllow},
    {"fs", TokenKind::kFs},           {"handle", TokenKind::kHandle},
    {"include", TokenKind::kInclude}, {"layer", TokenKind::kLayer},
    {"let", TokenKind::kLet},         {"log", TokenKind::kLog},
    {"net", TokenKind::kNet},         {"none", TokenKind::kNone},
    {"on", TokenKind::kOn},           {"optional", TokenKind::kOptional},
    {"port", TokenKind::kPort},       {"requires", TokenKind::kRequires},
    {"rules", TokenKind::kRules},     {"scope", TokenKind::kScope},
    {"threads", TokenKind::kThreads}, {"use", TokenKind::kUse},
};

// Keywords are whole words: the grammar's lexer prefers the longest match, so `abis` is a name.
TokenKind KeywordOrName(llvm::StringRef word) {
  for (const Keyword& keyword : kKeywords)
    if (keyword.spelling == word) return keyword.kind;
  return TokenKind::kIdent;
}

TokenKind Punctuation(char c) {
  switch (c) {
    case ';':
      return TokenKind::kSemi;
    case ':':
      return TokenKind::kColon;
    case ',':
      return TokenKind::kComma;
    case '=':
      return TokenKind::kAssign;
    case '+':
      return TokenKind::kPlus;
    case '-':
      return TokenKind::kMinus;
    case '(':
      return TokenKind::kLParen;
    case ')':
      return TokenKind::kRParen;
    case '{':
      return TokenKind::kLBrace;
    case '}':
      return TokenKind::kRBrace;
    default:
      return TokenKind::kInvalidCharacter;
  }
}

bool IsNameStart(char c) { return llvm::isAlpha(c) || c == '_'; }
bool IsNameChar(char c) { return llvm::isAlnum(c) || c == '_'; }
bool IsLineEnd(char c) { return c == '\r' || c == '\n'; }
bool IsDefinedEscape(char c) { return c == '"' || c == '\\' || c == 'n' || c == 't'; }

class Lexer {
 public:
  explicit Lexer(llvm::StringRef text) : text_(text.take_front(kMaxTextBytes)) {
    buffer_.text = text;
    // Policies average six to eight bytes per token, and about fifty per line.
    buffer_.tokens.reserve(text_.size() / 6 + 1);
    buffer_.line_starts.reserve(text_.size() / 32 + 1);
    buffer_.line_starts.push_back(0);
    if (text_.startswith(kByteOrderMark)) position_ = static_cast<uint32_t>(kByteOrderMark.size());
  }

  TokenBuffer Run();

 private:
  void SkipBlanks();
  TokenKind LexToken();
  TokenKind LexString();
  void CountForLimits(TokenKind kind);

  llvm::StringRef text_;
  TokenBuffer buffer_;
  uint32_t position_ = 0;
  uint32_t line_ = 1;
  unsigned nesting_ = 0;
  unsigned operators_ = 0;
};

TokenBuffer Lexer::Run() {
  while (true) {
    SkipBlanks();
    Token token;
    token.offset = position_;
    token.line = line_;
    token.kind = position_ == text_.size() ? TokenKind::kEnd : LexToken();
    token.length = position_ - token.offset;
    CountForLimits(token.kind);
    buffer_.tokens.push_back(token);
    if (token.kind == TokenKind::kEnd) return std::move(buffer_);
  }
}

void Lexer::SkipBlanks() {
  for (; position_ != text_.size(); ++position_) {
    char c = text_[position_];
    if (c == '\n') {
      ++line_;
      buffer_.line_starts.push_back(position_ + 1);
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return;
    }
  }
}

TokenKind Lexer::LexToken() {
  char c = text_[position_++];
  if (IsNameStart(c)) {
    size_t start = position_ - 1;
    while (position_ != text_.size() && IsNameChar(text_[position_])) ++position_;
    return KeywordOrName(text_.slice(start, position_));
  }
  if (llvm::isDigit(c)) {
    while (position_ != text_.size() && llvm::isDigit(text_[position_])) ++position_;
    return TokenKind::kInt;
  }
  if (c == '"') return LexString();
  if (c == '#') {
    while (position_ != text_.size() && !IsLineEnd(text_[position_])) ++position_;
    return TokenKind::kComment;
  }
  if (c == '.' && position_ != text_.size() && text_[position_] == '.') {
    ++position_;
    return TokenKind::kDotDot;
  }
  return Punctuation(c);
}

// Past the opening quote: up to and including the closing one, or up to the end of the line. Any
// escape is lexed; the parse phase reports the ones the language does not define.
TokenKind Lexer::LexString() {
  while (position_ != text_.size()) {
    char c = text_[position_];
    if (IsLineEnd(c)) break;
    ++position_;
    if (c == '"') return TokenKind::kString;
    // A backslash before the end of the line stays in the unterminated string.
    if (c == '\\' && position_ != text_.size() && !IsLineEnd(text_[position_])) ++position_;
  }
  return TokenKind::kUnterminatedString;
}

void Lexer::CountForLimits(TokenKind kind) {
  LimitExceeded exceeded = LimitExceeded::kNone;
  switch (kind) {
    case TokenKind::kLParen:
    case TokenKind::kLBrace:
      if (++nesting_ > kMaxNesting) exceeded = LimitExceeded::kNesting;
      if (kind == TokenKind::kLBrace) operators_ = 0;
      break;
    case TokenKind::kRParen:
      if (nesting_ > 0) --nesting_;
      break;
    case TokenKind::kRBrace:
      if (nesting_ > 0) --nesting_;
      operators_ = 0;
      break;
    case TokenKind::kSemi:
      operators_ = 0;
      break;
    case TokenKind::kPlus:
    case TokenKind::kMinus:
      if (++operators_ > kMaxOperators) exceeded = LimitExceeded::kOperators;
      break;
    default:
      break;
  }
  if (exceeded != LimitExceeded::kNone && buffer_.limit == LimitExceeded::kNone) {
    buffer_.limit = exceeded;
    buffer_.limit_token = buffer_.tokens.size();
  }
}

}  // namespace

llvm::ArrayRef<Keyword> Keywords() { return kKeywords; }

TokenBuffer Lex(llvm::StringRef text) { return Lexer(text).Run(); }

size_t NextUndefinedEscape(llvm::StringRef literal, size_t from) {
  for (size_t i = literal.find('\\', from); i != llvm::StringRef::npos;
       i = literal.find('\\', i + 2)) {
    // In a string literal, a backslash always has a character after it.
    if (i + 1 < literal.size() && !IsDefinedEscape(literal[i + 1])) return i;
  }
  return llvm::StringRef::npos;
}

std::string DecodeString(llvm::StringRef literal) {
  llvm::StringRef body = literal.drop_front().drop_back();
  std::string decoded;
  decoded.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      decoded += body[i];
      continue;
    }
    char escaped = body[++i];
    decoded += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
  }
  return decoded;
}

uint32_t ParseNumber(llvm::StringRef digits) {
  uint64_t value = 0;
  for (char digit : digits) {
    value = value * 10 + static_cast<uint64_t>(digit - '0');
    if (value > UINT32_MAX) return UINT32_MAX;
  }
  return static_cast<uint32_t>(value);
}

}  // namespace landlockc::parse
