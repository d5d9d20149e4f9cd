#include "compiler/parse/token_filter.h"

#include "compiler/parse/token_text.h"

namespace landlockc::parse {

using landlockc_grammar::LandlockLexer;

ByteStream::ByteStream(llvm::StringRef text) {
  _data.reserve(text.size());
  for (char byte : text) _data.push_back(static_cast<unsigned char>(byte));
  // Some editors start UTF-8 files with a byte order mark: lex it as blanks, keeping offsets.
  if (text.startswith("\xEF\xBB\xBF")) _data.replace(0, 3, 3, U' ');
}

TokenFilter::TokenFilter(llvm::StringRef text, ErrorListener& listener)
    : text_(text),
      listener_(listener),
      input_(text),
      lexer_(&input_),
      previous_end_(llvm::SMLoc::getFromPointer(text.data())) {
  lexer_.removeErrorListeners();
  lexer_.addErrorListener(&listener_);
}

std::unique_ptr<antlr4::Token> TokenFilter::Lex() {
  if (lookahead_ != nullptr) return std::move(lookahead_);
  return lexer_.nextToken();
}

std::unique_ptr<antlr4::Token> TokenFilter::nextToken() {
  while (true) {
    std::unique_ptr<antlr4::Token> token = Lex();
    switch (token->getType()) {
      case LandlockLexer::INVALID_CHARACTER:
        ReportInvalidCharacters(*token);
        continue;
      case LandlockLexer::UNTERMINATED_STRING:
        listener_.Report(diag::DiagId::kUnterminatedString, TokenRange(text_, *token, *token));
        listener_.BeginQuietSpan(previous_end_);
        continue;
      case LandlockLexer::STRING:
        CheckEscapes(*token);
        break;
      case LandlockLexer::SEMI:
      case LandlockLexer::RBRACE:
      case antlr4::Token::EOF:
        listener_.EndQuietSpan(TokenEnd(text_, *token));
        break;
      default:
        break;
    }
    CheckLimits(*token);
    previous_end_ = TokenEnd(text_, *token);
    return token;
  }
}

void TokenFilter::ReportInvalidCharacters(const antlr4::Token& first) {
  // One report per run of bad characters: a stray multi-byte character is several byte tokens.
  size_t end = first.getStopIndex() + 1;
  while (true) {
    lookahead_ = lexer_.nextToken();
    if (lookahead_->getType() != LandlockLexer::INVALID_CHARACTER ||
        lookahead_->getStartIndex() != end)
      break;
    end = lookahead_->getStopIndex() + 1;
  }
  size_t start = first.getStartIndex();
  llvm::SMRange range(llvm::SMLoc::getFromPointer(text_.data() + start),
                      llvm::SMLoc::getFromPointer(text_.data() + end));
  listener_.Report(diag::DiagId::kInvalidCharacter, range, DescribeCharacter(text_, start));
  listener_.BeginQuietSpan(previous_end_);
}

void TokenFilter::CheckEscapes(const antlr4::Token& string) {
  llvm::StringRef body = TokenText(text_, string).drop_front().drop_back();
  size_t body_offset = string.getStartIndex() + 1;
  for (size_t i = body.find('\\'); i != llvm::StringRef::npos; i = body.find('\\', i + 2)) {
    char escaped = body[i + 1];
    if (escaped == '"' || escaped == '\\' || escaped == 'n' || escaped == 't') continue;
    size_t offset = body_offset + i;
    size_t length = 1 + CharacterLength(text_, offset + 1);
    llvm::SMRange range(llvm::SMLoc::getFromPointer(text_.data() + offset),
                        llvm::SMLoc::getFromPointer(text_.data() + offset + length));
    unsigned char byte = static_cast<unsigned char>(escaped);
    std::string shown = byte > 0x20 && byte < 0x7f
                            ? "`\\" + std::string(1, escaped) + "`"
                            : "`\\` followed by " + DescribeCharacter(text_, offset + 1);
    listener_.Report(diag::DiagId::kInvalidEscape, range, shown);
  }
}

void TokenFilter::CheckLimits(const antlr4::Token& token) {
  switch (token.getType()) {
    case LandlockLexer::LPAREN:
    case LandlockLexer::LBRACE:
      if (++nesting_ > kMaxNesting) {
        listener_.Report(diag::DiagId::kNestingTooDeep, TokenRange(text_, token, token),
                         std::to_string(kMaxNesting));
        throw ParseAborted{};
      }
      if (token.getType() == LandlockLexer::LBRACE) operators_ = 0;
      break;
    case LandlockLexer::RPAREN:
      if (nesting_ > 0) --nesting_;
      break;
    case LandlockLexer::RBRACE:
      if (nesting_ > 0) --nesting_;
      operators_ = 0;
      break;
    case LandlockLexer::SEMI:
      operators_ = 0;
      break;
    case LandlockLexer::PLUS:
    case LandlockLexer::MINUS:
      if (++operators_ > kMaxOperators) {
        listener_.Report(diag::DiagId::kExpressionTooLong, TokenRange(text_, token, token),
                         std::to_string(kMaxOperators));
        throw ParseAborted{};
      }
      break;
    default:
      break;
  }
}

}  // namespace landlockc::parse
