// SPDX-License-Identifier: MIT
#include "compiler/parse/token_source.h"

#include "CommonTokenFactory.h"
#include "LandlockLexer.h"
#include "compiler/parse/token_text.h"

namespace landlockc::parse {

using landlockc_grammar::LandlockLexer;

size_t AntlrTokenType(TokenKind kind) {
  switch (kind) {
    case TokenKind::kEnd:
      return antlr4::Token::EOF;
    case TokenKind::kComment:
      return LandlockLexer::COMMENT;
    case TokenKind::kIdent:
      return LandlockLexer::IDENT;
    case TokenKind::kInt:
      return LandlockLexer::INT;
    case TokenKind::kString:
      return LandlockLexer::STRING;
    case TokenKind::kUnterminatedString:
      return LandlockLexer::UNTERMINATED_STRING;
    case TokenKind::kInvalidCharacter:
      return LandlockLexer::INVALID_CHARACTER;
    case TokenKind::kAbi:
      return LandlockLexer::ABI;
    case TokenKind::kAllow:
      return LandlockLexer::ALLOW;
    case TokenKind::kFs:
      return LandlockLexer::FS;
    case TokenKind::kHandle:
      return LandlockLexer::HANDLE;
    case TokenKind::kInclude:
      return LandlockLexer::INCLUDE;
    case TokenKind::kLayer:
      return LandlockLexer::LAYER;
    case TokenKind::kLet:
      return LandlockLexer::LET;
    case TokenKind::kLog:
      return LandlockLexer::LOG;
    case TokenKind::kNet:
      return LandlockLexer::NET;
    case TokenKind::kNone:
      return LandlockLexer::NONE;
    case TokenKind::kOn:
      return LandlockLexer::ON;
    case TokenKind::kOptional:
      return LandlockLexer::OPTIONAL;
    case TokenKind::kPort:
      return LandlockLexer::PORT;
    case TokenKind::kRequires:
      return LandlockLexer::REQUIRES;
    case TokenKind::kRules:
      return LandlockLexer::RULES;
    case TokenKind::kScope:
      return LandlockLexer::SCOPE;
    case TokenKind::kThreads:
      return LandlockLexer::THREADS;
    case TokenKind::kUse:
      return LandlockLexer::USE;
    case TokenKind::kSemi:
      return LandlockLexer::SEMI;
    case TokenKind::kColon:
      return LandlockLexer::COLON;
    case TokenKind::kComma:
      return LandlockLexer::COMMA;
    case TokenKind::kAssign:
      return LandlockLexer::ASSIGN;
    case TokenKind::kPlus:
      return LandlockLexer::PLUS;
    case TokenKind::kMinus:
      return LandlockLexer::MINUS;
    case TokenKind::kLParen:
      return LandlockLexer::LPAREN;
    case TokenKind::kRParen:
      return LandlockLexer::RPAREN;
    case TokenKind::kLBrace:
      return LandlockLexer::LBRACE;
    case TokenKind::kRBrace:
      return LandlockLexer::RBRACE;
    case TokenKind::kDotDot:
      return LandlockLexer::DOTDOT;
  }
  return antlr4::Token::INVALID_TYPE;
}

BufferTokenSource::BufferTokenSource(const TokenBuffer& buffer, ErrorListener& listener)
    : buffer_(buffer),
      listener_(listener),
      previous_end_(llvm::SMLoc::getFromPointer(buffer.text.data())) {}

antlr4::TokenFactory<antlr4::CommonToken>* BufferTokenSource::getTokenFactory() {
  return antlr4::CommonTokenFactory::DEFAULT.get();
}

std::unique_ptr<antlr4::Token> BufferTokenSource::nextToken() {
  while (true) {
    size_t index = next_;
    const Token& token = buffer_.tokens[index];
    if (token.kind != TokenKind::kEnd) ++next_;
    switch (token.kind) {
      case TokenKind::kInvalidCharacter:
        ReportInvalidCharacters(token);
        continue;
      case TokenKind::kUnterminatedString:
        listener_.Report(diag::DiagId::kUnterminatedString, buffer_.Range(token));
        listener_.BeginQuietSpan(previous_end_);
        continue;
      case TokenKind::kString:
        CheckEscapes(token);
        break;
      case TokenKind::kSemi:
      case TokenKind::kRBrace:
      case TokenKind::kEnd:
        listener_.EndQuietSpan(buffer_.Range(token).End);
        break;
      default:
        break;
    }
    if (buffer_.limit != LimitExceeded::kNone && index == buffer_.limit_token) ReportLimit(token);
    previous_end_ = buffer_.Range(token).End;
    return MakeToken(token);
  }
}

std::unique_ptr<antlr4::Token> BufferTokenSource::MakeToken(const Token& token) {
  size_t type = AntlrTokenType(token.kind);
  size_t channel = token.kind == TokenKind::kComment ? antlr4::Token::HIDDEN_CHANNEL
                                                     : antlr4::Token::DEFAULT_CHANNEL;
  // As the ANTLR lexer does, the end of the file stops one before it starts.
  size_t stop = token.kind == TokenKind::kEnd ? size_t{token.offset} - 1 : token.end() - 1;
  return getTokenFactory()->create({this, nullptr}, type, buffer_.Text(token).str(), channel,
                                   token.offset, stop, token.line, buffer_.Column(token));
}

void BufferTokenSource::ReportInvalidCharacters(const Token& first) {
  // One report per run of bad characters: a stray multi-byte character is several byte tokens.
  size_t end = first.end();
  while (buffer_.tokens[next_].kind == TokenKind::kInvalidCharacter &&
         buffer_.tokens[next_].offset == end)
    end = buffer_.tokens[next_++].end();
  llvm::StringRef text = buffer_.text;
  llvm::SMRange range(llvm::SMLoc::getFromPointer(text.data() + first.offset),
                      llvm::SMLoc::getFromPointer(text.data() + end));
  listener_.Report(diag::DiagId::kInvalidCharacter, range, DescribeCharacter(text, first.offset));
  listener_.BeginQuietSpan(previous_end_);
}

void BufferTokenSource::CheckEscapes(const Token& string) {
  llvm::StringRef text = buffer_.text;
  llvm::StringRef literal = buffer_.Text(string);
  for (size_t i = NextUndefinedEscape(literal); i != llvm::StringRef::npos;
       i = NextUndefinedEscape(literal, i + 2)) {
    size_t offset = string.offset + i;
    size_t length = 1 + CharacterLength(text, offset + 1);
    llvm::SMRange range(llvm::SMLoc::getFromPointer(text.data() + offset),
                        llvm::SMLoc::getFromPointer(text.data() + offset + length));
    char escaped = literal[i + 1];
    unsigned char byte = static_cast<unsigned char>(escaped);
    std::string shown = byte > 0x20 && byte < 0x7f
                            ? "`\\" + std::string(1, escaped) + "`"
                            : "`\\` followed by " + DescribeCharacter(text, offset + 1);
    listener_.Report(diag::DiagId::kInvalidEscape, range, shown);
  }
}

void BufferTokenSource::ReportLimit(const Token& token) {
  if (buffer_.limit == LimitExceeded::kNesting)
    listener_.Report(diag::DiagId::kNestingTooDeep, buffer_.Range(token),
                     std::to_string(kMaxNesting));
  else
    listener_.Report(diag::DiagId::kExpressionTooLong, buffer_.Range(token),
                     std::to_string(kMaxOperators));
  throw ParseAborted{};
}

}  // namespace landlockc::parse
