// SPDX-License-Identifier: MIT
#include "compiler/parse/fast_parser.h"

#include <utility>

#include "compiler/parse/ast_nodes.h"
#include "llvm/ADT/SmallVector.h"
#include "runtime/abi_table.h"

namespace landlockc::parse {
namespace {

// Thrown at the first construct the ANTLR path must report; caught by ParseWellFormed.
struct NotWellFormed {};

// How many statements there are from `token` to the `}` closing the block it is in (or to the end
// of the text): each ends with a `;`, or a block with its `}`. The statement lists are sized by it
// once: grown by doubling, a list would hold its old and new buffers at once, and leave the old
// ones behind in the heap (a million-statement layer's list is 64 MB).
size_t CountStatements(const Token* token) {
  size_t count = 0;
  int depth = 0;
  for (; token->kind != TokenKind::kEnd; ++token) {
    if (token->kind == TokenKind::kLBrace) {
      ++depth;
    } else if (token->kind == TokenKind::kRBrace) {
      if (depth == 0) break;
      if (--depth == 0) ++count;
    } else if (token->kind == TokenKind::kSemi && depth == 0) {
      ++count;
    }
  }
  return count;
}

// One method per rule of the grammar, building the AST as the AST builder does.
class Parser {
 public:
  Parser(const TokenBuffer& tokens, ast::Arena& arena)
      : tokens_(tokens),
        arena_(arena),
        next_(tokens.tokens.data()),
        previous_end_(tokens.text.begin()) {
    Lex();
  }

  std::vector<ast::TopStmt> ParseFile();

 private:
  void Lex();
  void Advance();
  Token Expect(TokenKind kind);
  bool Accept(TokenKind kind);
  const char* Start(const Token& token) const { return tokens_.text.data() + token.offset; }
  /// Where current_ stands in the buffer.
  const Token* Here() const { return current_.kind == TokenKind::kEnd ? next_ : next_ - 1; }
  llvm::StringRef Text(const Token& token) const { return tokens_.Text(token); }
  llvm::SMRange RangeFrom(const char* start) const {
    return llvm::SMRange(llvm::SMLoc::getFromPointer(start),
                         llvm::SMLoc::getFromPointer(previous_end_));
  }
  ast::Ident MakeIdent(const Token& token) const {
    return ast::Ident{Text(token), tokens_.Range(token)};
  }

  ast::TopStmt ParseTop();
  ast::BodyStmt ParseBody(bool in_layer);
  std::vector<ast::BodyStmt> ParseBlock(bool in_layer);
  ast::AbiStmt ParseAbi();
  ast::RequiresStmt ParseRequires();
  ast::IncludeStmt ParseInclude();
  ast::LetStmt ParseLet();
  ast::ThreadsStmt ParseThreads();
  ast::RulesBlock ParseRules();
  ast::LayerBlock ParseLayer();
  ast::HandleStmt ParseHandle();
  ast::AllowStmt ParseAllow();
  ast::UseStmt ParseUse();
  ast::LogStmt ParseLog();
  ast::LogSetting ParseLogSetting();
  ast::ExprPtr ParseValue();
  ast::ExprPtr ParsePortList();
  ast::ExprPtr ParsePortItem();
  ast::ExprPtr ParseExpr();
  ast::ExprPtr ParseTerm();

  const TokenBuffer& tokens_;
  ast::Arena& arena_;
  /// The token after current_ in the buffer.
  const Token* next_;
  Token current_;
  /// End of the last token consumed: the end of the construct just parsed.
  const char* previous_end_;
};

// The next token the grammar sees, refusing what the ANTLR path reports: a stray character, an
// unterminated string, an undefined escape.
void Parser::Lex() {
  while (next_->kind == TokenKind::kComment) ++next_;
  current_ = *next_;
  if (current_.kind != TokenKind::kEnd) ++next_;
  if (current_.kind == TokenKind::kInvalidCharacter ||
      current_.kind == TokenKind::kUnterminatedString ||
      (current_.kind == TokenKind::kString &&
       NextUndefinedEscape(Text(current_)) != llvm::StringRef::npos))
    throw NotWellFormed{};
}

void Parser::Advance() {
  previous_end_ = Start(current_) + current_.length;
  Lex();
}

Token Parser::Expect(TokenKind kind) {
  if (current_.kind != kind) throw NotWellFormed{};
  Token token = current_;
  Advance();
  return token;
}

bool Parser::Accept(TokenKind kind) {
  if (current_.kind != kind) return false;
  Advance();
  return true;
}

std::vector<ast::TopStmt> Parser::ParseFile() {
  std::vector<ast::TopStmt> statements;
  statements.reserve(CountStatements(Here()));
  while (current_.kind != TokenKind::kEnd) statements.push_back(ParseTop());
  return statements;
}

ast::TopStmt Parser::ParseTop() {
  switch (current_.kind) {
    case TokenKind::kAbi:
      return ParseAbi();
    case TokenKind::kRequires:
      return ParseRequires();
    case TokenKind::kInclude:
      return ParseInclude();
    case TokenKind::kLet:
      return ParseLet();
    case TokenKind::kThreads:
      return ParseThreads();
    case TokenKind::kRules:
      return ParseRules();
    case TokenKind::kLayer:
      return ParseLayer();
    default:
      // Rule statements at top level make the implicit layer `main`.
      return std::visit([](auto&& rule) { return ast::TopStmt(std::move(rule)); },
                        ParseBody(/*in_layer=*/true));
  }
}

ast::BodyStmt Parser::ParseBody(bool in_layer) {
  switch (current_.kind) {
    case TokenKind::kAllow:
      return ParseAllow();
    case TokenKind::kUse:
      return ParseUse();
    case TokenKind::kHandle:
      if (in_layer) return ParseHandle();
      break;
    case TokenKind::kLog:
      if (in_layer) return ParseLog();
      break;
    default:
      break;
  }
  throw NotWellFormed{};
}

std::vector<ast::BodyStmt> Parser::ParseBlock(bool in_layer) {
  Expect(TokenKind::kLBrace);
  std::vector<ast::BodyStmt> body;
  body.reserve(CountStatements(Here()));
  while (current_.kind != TokenKind::kRBrace) body.push_back(ParseBody(in_layer));
  Advance();
  return body;
}

ast::AbiStmt Parser::ParseAbi() {
  const char* start = Start(Expect(TokenKind::kAbi));
  Token version = Expect(TokenKind::kInt);
  Expect(TokenKind::kSemi);
  return ast::AbiStmt{ParseNumber(Text(version)), RangeFrom(start), tokens_.Range(version)};
}

ast::RequiresStmt Parser::ParseRequires() {
  const char* start = Start(Expect(TokenKind::kRequires));
  Expect(TokenKind::kAbi);
  Token version = Expect(TokenKind::kInt);
  Expect(TokenKind::kSemi);
  return ast::RequiresStmt{ParseNumber(Text(version)), RangeFrom(start), tokens_.Range(version)};
}

ast::IncludeStmt Parser::ParseInclude() {
  const char* start = Start(Expect(TokenKind::kInclude));
  Token path = Expect(TokenKind::kString);
  Expect(TokenKind::kSemi);
  return ast::IncludeStmt{DecodeString(Text(path)), RangeFrom(start), tokens_.Range(path)};
}

ast::LetStmt Parser::ParseLet() {
  const char* start = Start(Expect(TokenKind::kLet));
  Token name = Expect(TokenKind::kIdent);
  Expect(TokenKind::kAssign);
  ast::ExprPtr value = ParseValue();
  Expect(TokenKind::kSemi);
  return ast::LetStmt{MakeIdent(name), std::move(value), RangeFrom(start)};
}

ast::ThreadsStmt Parser::ParseThreads() {
  const char* start = Start(Expect(TokenKind::kThreads));
  if (Text(Expect(TokenKind::kIdent)) != "all") throw NotWellFormed{};
  Expect(TokenKind::kSemi);
  return ast::ThreadsStmt{RangeFrom(start)};
}

ast::RulesBlock Parser::ParseRules() {
  const char* start = Start(Expect(TokenKind::kRules));
  Token name = Expect(TokenKind::kIdent);
  std::vector<ast::BodyStmt> body = ParseBlock(/*in_layer=*/false);
  return ast::RulesBlock{MakeIdent(name), std::move(body), RangeFrom(start)};
}

ast::LayerBlock Parser::ParseLayer() {
  const char* start = Start(Expect(TokenKind::kLayer));
  Token name = Expect(TokenKind::kIdent);
  std::vector<ast::BodyStmt> body = ParseBlock(/*in_layer=*/true);
  return ast::LayerBlock{MakeIdent(name), std::move(body), RangeFrom(start)};
}

ast::HandleStmt Parser::ParseHandle() {
  const char* start = Start(Expect(TokenKind::kHandle));
  Token category = current_;
  if (category.kind != TokenKind::kFs && category.kind != TokenKind::kNet &&
      category.kind != TokenKind::kScope)
    throw NotWellFormed{};
  Advance();
  Expect(TokenKind::kColon);
  ast::ExprPtr rights = ParseExpr();
  Expect(TokenKind::kSemi);
  return ast::HandleStmt{MakeIdent(category), std::move(rights), RangeFrom(start)};
}

ast::AllowStmt Parser::ParseAllow() {
  const char* start = Start(Expect(TokenKind::kAllow));
  ast::ExprPtr rights = ParseExpr();
  Expect(TokenKind::kOn);
  ast::ExprPtr targets = ParseValue();
  bool optional = Accept(TokenKind::kOptional);
  Expect(TokenKind::kSemi);
  return ast::AllowStmt{std::move(rights), std::move(targets), optional, RangeFrom(start)};
}

ast::UseStmt Parser::ParseUse() {
  const char* start = Start(Expect(TokenKind::kUse));
  Token name = Expect(TokenKind::kIdent);
  Expect(TokenKind::kSemi);
  return ast::UseStmt{MakeIdent(name), RangeFrom(start)};
}

ast::LogStmt Parser::ParseLog() {
  const char* start = Start(Expect(TokenKind::kLog));
  ast::LogStmt log;
  do {
    log.settings.push_back(ParseLogSetting());
  } while (Accept(TokenKind::kComma));
  Expect(TokenKind::kSemi);
  log.range = RangeFrom(start);
  return log;
}

ast::LogSetting Parser::ParseLogSetting() {
  Token word = Expect(TokenKind::kIdent);
  llvm::StringRef name = Text(word);
  if (abi::FindLogFlag(name.data(), name.size()) == nullptr) throw NotWellFormed{};
  bool on = current_.kind == TokenKind::kOn;
  if (!on && (current_.kind != TokenKind::kIdent || Text(current_) != "off")) throw NotWellFormed{};
  Advance();
  return ast::LogSetting{MakeIdent(word), on, RangeFrom(Start(word))};
}

ast::ExprPtr Parser::ParseValue() {
  if (current_.kind == TokenKind::kPort) return ParsePortList();
  const char* start = Start(current_);
  ast::ExprPtr first = ParseExpr();
  if (current_.kind != TokenKind::kComma) return first;
  llvm::SmallVector<ast::ExprPtr, 8> items = {first};
  while (Accept(TokenKind::kComma)) items.push_back(ParseExpr());
  ast::Expr* list = NewExpr(arena_, ast::Expr::Kind::kList, RangeFrom(start));
  list->items = CopyItems(arena_, items);
  return list;
}

ast::ExprPtr Parser::ParsePortList() {
  const char* start = Start(Expect(TokenKind::kPort));
  llvm::SmallVector<ast::ExprPtr, 8> items;
  do {
    items.push_back(ParsePortItem());
  } while (Accept(TokenKind::kComma));
  ast::Expr* list = NewExpr(arena_, ast::Expr::Kind::kPortList, RangeFrom(start));
  list->items = CopyItems(arena_, items);
  return list;
}

ast::ExprPtr Parser::ParsePortItem() {
  ast::Expr* port = NewExpr(arena_, ast::Expr::Kind::kName, {});
  const char* start = Start(current_);
  if (current_.kind == TokenKind::kIdent) {
    port->text = Text(Expect(TokenKind::kIdent));
  } else {
    port->low = ParseNumber(Text(Expect(TokenKind::kInt)));
    port->high = port->low;
    port->kind = ast::Expr::Kind::kPort;
    if (Accept(TokenKind::kDotDot)) {
      port->high = ParseNumber(Text(Expect(TokenKind::kInt)));
      port->kind = ast::Expr::Kind::kPortRange;
    }
  }
  port->range = RangeFrom(start);
  return port;
}

ast::ExprPtr Parser::ParseExpr() {
  // Left to right: `a - b + c` is `(a - b) + c`, each node spanning from the first term.
  const char* start = Start(current_);
  ast::ExprPtr result = ParseTerm();
  while (current_.kind == TokenKind::kPlus || current_.kind == TokenKind::kMinus) {
    ast::Expr::Kind kind =
        current_.kind == TokenKind::kPlus ? ast::Expr::Kind::kUnion : ast::Expr::Kind::kDifference;
    Advance();
    ast::ExprPtr rhs = ParseTerm();
    result = NewBinary(arena_, kind, RangeFrom(start), result, rhs);
  }
  return result;
}

ast::ExprPtr Parser::ParseTerm() {
  if (Accept(TokenKind::kLParen)) {
    // The parentheses only group: the inner expression keeps its own range.
    ast::ExprPtr inner = ParseExpr();
    Expect(TokenKind::kRParen);
    return inner;
  }
  Token token = current_;
  ast::Expr* leaf = NewExpr(arena_, ast::Expr::Kind::kName, tokens_.Range(token));
  if (token.kind == TokenKind::kString) {
    leaf->kind = ast::Expr::Kind::kString;
    leaf->text = DecodeStringInto(arena_, Text(token));
  } else if (token.kind == TokenKind::kIdent || token.kind == TokenKind::kNone) {
    leaf->text = Text(token);
  } else {
    throw NotWellFormed{};
  }
  Advance();
  return leaf;
}

}  // namespace

std::optional<std::vector<ast::TopStmt>> ParseWellFormed(const TokenBuffer& tokens,
                                                         ast::Arena& arena) {
  // Past a limit, the ANTLR path reports it.
  if (tokens.limit != LimitExceeded::kNone) return std::nullopt;
  try {
    return Parser(tokens, arena).ParseFile();
  } catch (const NotWellFormed&) {
    return std::nullopt;
  }
}

}  // namespace landlockc::parse
