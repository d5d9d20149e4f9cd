#include "compiler/parse/fast_parser.h"

#include <cstdint>
#include <utility>

#include "compiler/parse/limits.h"
#include "compiler/parse/literal.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

namespace landlockc::parse {
namespace {

// Thrown at the first construct the ANTLR path must report; caught by ParseWellFormed.
struct NotWellFormed {};

// The token types of grammar/Landlock.g4 (comments and blanks are skipped, error tokens refused).
enum class Tok : uint8_t {
  kEnd,
  kIdent,
  kInt,
  kString,
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

struct Token {
  Tok kind = Tok::kEnd;
  const char* start = nullptr;
  const char* end = nullptr;

  llvm::StringRef Text() const { return llvm::StringRef(start, static_cast<size_t>(end - start)); }
  llvm::SMRange Range() const {
    return llvm::SMRange(llvm::SMLoc::getFromPointer(start), llvm::SMLoc::getFromPointer(end));
  }
};

// Keywords are whole words: the grammar's lexer prefers the longest match, so `abis` is a name.
Tok KeywordOrName(llvm::StringRef word) {
  return llvm::StringSwitch<Tok>(word)
      .Case("abi", Tok::kAbi)
      .Case("allow", Tok::kAllow)
      .Case("fs", Tok::kFs)
      .Case("handle", Tok::kHandle)
      .Case("include", Tok::kInclude)
      .Case("layer", Tok::kLayer)
      .Case("let", Tok::kLet)
      .Case("log", Tok::kLog)
      .Case("net", Tok::kNet)
      .Case("none", Tok::kNone)
      .Case("on", Tok::kOn)
      .Case("optional", Tok::kOptional)
      .Case("port", Tok::kPort)
      .Case("requires", Tok::kRequires)
      .Case("rules", Tok::kRules)
      .Case("scope", Tok::kScope)
      .Case("threads", Tok::kThreads)
      .Case("use", Tok::kUse)
      .Default(Tok::kIdent);
}

bool IsNameStart(char c) { return llvm::isAlpha(c) || c == '_'; }
bool IsNameChar(char c) { return llvm::isAlnum(c) || c == '_'; }

// The grammar's lexer over the buffer itself. Refuses what it would turn into an error token or
// what the token filter reports (an unterminated string, an undefined escape, a stray character).
class Lexer {
 public:
  explicit Lexer(llvm::StringRef text) : position_(text.begin()), end_(text.end()) {
    // The ANTLR path lexes a leading byte order mark as blanks.
    if (text.startswith("\xEF\xBB\xBF")) position_ += 3;
  }

  Token Next();

 private:
  void SkipBlanksAndComments();
  void SkipString();
  Tok Punctuation(char c);

  const char* position_;
  const char* end_;
};

Token Lexer::Next() {
  SkipBlanksAndComments();
  Token token;
  token.start = position_;
  if (position_ != end_) {
    char c = *position_++;
    if (llvm::isDigit(c)) {
      while (position_ != end_ && llvm::isDigit(*position_)) ++position_;
      token.kind = Tok::kInt;
    } else if (IsNameStart(c)) {
      while (position_ != end_ && IsNameChar(*position_)) ++position_;
      token.kind = KeywordOrName(llvm::StringRef(token.start, position_ - token.start));
    } else if (c == '"') {
      SkipString();
      token.kind = Tok::kString;
    } else {
      token.kind = Punctuation(c);
    }
  }
  token.end = position_;
  return token;
}

void Lexer::SkipBlanksAndComments() {
  while (position_ != end_) {
    char c = *position_;
    if (c == '#') {
      while (position_ != end_ && *position_ != '\r' && *position_ != '\n') ++position_;
    } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++position_;
    } else {
      return;
    }
  }
}

// Past the opening quote, up to and including the closing one.
void Lexer::SkipString() {
  while (position_ != end_) {
    char c = *position_++;
    if (c == '"') return;
    if (c == '\r' || c == '\n') break;
    if (c == '\\') {
      if (position_ == end_) break;
      char escaped = *position_++;
      if (escaped != '"' && escaped != '\\' && escaped != 'n' && escaped != 't') break;
    }
  }
  throw NotWellFormed{};
}

Tok Lexer::Punctuation(char c) {
  switch (c) {
    case ';':
      return Tok::kSemi;
    case ':':
      return Tok::kColon;
    case ',':
      return Tok::kComma;
    case '=':
      return Tok::kAssign;
    case '+':
      return Tok::kPlus;
    case '-':
      return Tok::kMinus;
    case '(':
      return Tok::kLParen;
    case ')':
      return Tok::kRParen;
    case '{':
      return Tok::kLBrace;
    case '}':
      return Tok::kRBrace;
    case '.':
      if (position_ != end_ && *position_ == '.') {
        ++position_;
        return Tok::kDotDot;
      }
      break;
    default:
      break;
  }
  throw NotWellFormed{};
}

// One method per rule of the grammar, building the AST as the AST builder does.
class Parser {
 public:
  explicit Parser(llvm::StringRef text) : lexer_(text), previous_end_(text.begin()) { Lex(); }

  std::vector<ast::TopStmt> ParseFile();

 private:
  void Lex();
  void Advance();
  void CheckLimits();
  Token Expect(Tok kind);
  bool Accept(Tok kind);
  llvm::SMRange RangeFrom(const char* start) const {
    return llvm::SMRange(llvm::SMLoc::getFromPointer(start),
                         llvm::SMLoc::getFromPointer(previous_end_));
  }
  static ast::Ident MakeIdent(const Token& token) {
    return ast::Ident{token.Text().str(), token.Range()};
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
  ast::ExprPtr ParseValue(bool always_list);
  ast::ExprPtr ParsePortList();
  ast::ExprPtr ParsePortItem();
  ast::ExprPtr ParseExpr();
  ast::ExprPtr ParseTerm();

  Lexer lexer_;
  Token current_;
  /// End of the last token consumed: the end of the construct just parsed.
  const char* previous_end_;
  unsigned nesting_ = 0;
  unsigned operators_ = 0;
};

void Parser::Lex() {
  current_ = lexer_.Next();
  CheckLimits();
}

void Parser::Advance() {
  previous_end_ = current_.end;
  Lex();
}

// The token filter's counts, on the same tokens: past a limit, the ANTLR path reports it.
void Parser::CheckLimits() {
  switch (current_.kind) {
    case Tok::kLParen:
    case Tok::kLBrace:
      if (++nesting_ > kMaxNesting) throw NotWellFormed{};
      if (current_.kind == Tok::kLBrace) operators_ = 0;
      break;
    case Tok::kRParen:
      if (nesting_ > 0) --nesting_;
      break;
    case Tok::kRBrace:
      if (nesting_ > 0) --nesting_;
      operators_ = 0;
      break;
    case Tok::kSemi:
      operators_ = 0;
      break;
    case Tok::kPlus:
    case Tok::kMinus:
      if (++operators_ > kMaxOperators) throw NotWellFormed{};
      break;
    default:
      break;
  }
}

Token Parser::Expect(Tok kind) {
  if (current_.kind != kind) throw NotWellFormed{};
  Token token = current_;
  Advance();
  return token;
}

bool Parser::Accept(Tok kind) {
  if (current_.kind != kind) return false;
  Advance();
  return true;
}

std::vector<ast::TopStmt> Parser::ParseFile() {
  std::vector<ast::TopStmt> statements;
  while (current_.kind != Tok::kEnd) statements.push_back(ParseTop());
  return statements;
}

ast::TopStmt Parser::ParseTop() {
  switch (current_.kind) {
    case Tok::kAbi:
      return ParseAbi();
    case Tok::kRequires:
      return ParseRequires();
    case Tok::kInclude:
      return ParseInclude();
    case Tok::kLet:
      return ParseLet();
    case Tok::kThreads:
      return ParseThreads();
    case Tok::kRules:
      return ParseRules();
    case Tok::kLayer:
      return ParseLayer();
    default:
      // Rule statements at top level make the implicit layer `main`.
      return std::visit([](auto&& rule) { return ast::TopStmt(std::move(rule)); },
                        ParseBody(/*in_layer=*/true));
  }
}

ast::BodyStmt Parser::ParseBody(bool in_layer) {
  switch (current_.kind) {
    case Tok::kAllow:
      return ParseAllow();
    case Tok::kUse:
      return ParseUse();
    case Tok::kHandle:
      if (in_layer) return ParseHandle();
      break;
    case Tok::kLog:
      if (in_layer) return ParseLog();
      break;
    default:
      break;
  }
  throw NotWellFormed{};
}

std::vector<ast::BodyStmt> Parser::ParseBlock(bool in_layer) {
  Expect(Tok::kLBrace);
  std::vector<ast::BodyStmt> body;
  while (current_.kind != Tok::kRBrace) body.push_back(ParseBody(in_layer));
  Advance();
  return body;
}

ast::AbiStmt Parser::ParseAbi() {
  const char* start = Expect(Tok::kAbi).start;
  Token version = Expect(Tok::kInt);
  Expect(Tok::kSemi);
  return ast::AbiStmt{ParseNumber(version.Text()), RangeFrom(start), version.Range()};
}

ast::RequiresStmt Parser::ParseRequires() {
  const char* start = Expect(Tok::kRequires).start;
  Expect(Tok::kAbi);
  Token version = Expect(Tok::kInt);
  Expect(Tok::kSemi);
  return ast::RequiresStmt{ParseNumber(version.Text()), RangeFrom(start), version.Range()};
}

ast::IncludeStmt Parser::ParseInclude() {
  const char* start = Expect(Tok::kInclude).start;
  Token path = Expect(Tok::kString);
  Expect(Tok::kSemi);
  return ast::IncludeStmt{DecodeString(path.Text()), RangeFrom(start), path.Range()};
}

ast::LetStmt Parser::ParseLet() {
  const char* start = Expect(Tok::kLet).start;
  Token name = Expect(Tok::kIdent);
  Expect(Tok::kAssign);
  ast::ExprPtr value = ParseValue(/*always_list=*/false);
  Expect(Tok::kSemi);
  return ast::LetStmt{MakeIdent(name), std::move(value), RangeFrom(start)};
}

ast::ThreadsStmt Parser::ParseThreads() {
  const char* start = Expect(Tok::kThreads).start;
  if (Expect(Tok::kIdent).Text() != "all") throw NotWellFormed{};
  Expect(Tok::kSemi);
  return ast::ThreadsStmt{RangeFrom(start)};
}

ast::RulesBlock Parser::ParseRules() {
  const char* start = Expect(Tok::kRules).start;
  Token name = Expect(Tok::kIdent);
  std::vector<ast::BodyStmt> body = ParseBlock(/*in_layer=*/false);
  return ast::RulesBlock{MakeIdent(name), std::move(body), RangeFrom(start)};
}

ast::LayerBlock Parser::ParseLayer() {
  const char* start = Expect(Tok::kLayer).start;
  Token name = Expect(Tok::kIdent);
  std::vector<ast::BodyStmt> body = ParseBlock(/*in_layer=*/true);
  return ast::LayerBlock{MakeIdent(name), std::move(body), RangeFrom(start)};
}

ast::HandleStmt Parser::ParseHandle() {
  const char* start = Expect(Tok::kHandle).start;
  Token category = current_;
  if (category.kind != Tok::kFs && category.kind != Tok::kNet && category.kind != Tok::kScope)
    throw NotWellFormed{};
  Advance();
  Expect(Tok::kColon);
  ast::ExprPtr rights = ParseExpr();
  Expect(Tok::kSemi);
  return ast::HandleStmt{MakeIdent(category), std::move(rights), RangeFrom(start)};
}

ast::AllowStmt Parser::ParseAllow() {
  const char* start = Expect(Tok::kAllow).start;
  ast::ExprPtr rights = ParseExpr();
  Expect(Tok::kOn);
  ast::ExprPtr targets = ParseValue(/*always_list=*/true);
  bool optional = Accept(Tok::kOptional);
  Expect(Tok::kSemi);
  return ast::AllowStmt{std::move(rights), std::move(targets), optional, RangeFrom(start)};
}

ast::UseStmt Parser::ParseUse() {
  const char* start = Expect(Tok::kUse).start;
  Token name = Expect(Tok::kIdent);
  Expect(Tok::kSemi);
  return ast::UseStmt{MakeIdent(name), RangeFrom(start)};
}

ast::LogStmt Parser::ParseLog() {
  const char* start = Expect(Tok::kLog).start;
  ast::LogStmt log;
  do {
    log.settings.push_back(ParseLogSetting());
  } while (Accept(Tok::kComma));
  Expect(Tok::kSemi);
  log.range = RangeFrom(start);
  return log;
}

ast::LogSetting Parser::ParseLogSetting() {
  Token word = Expect(Tok::kIdent);
  llvm::StringRef name = word.Text();
  if (name != "same_exec" && name != "new_exec" && name != "subdomains") throw NotWellFormed{};
  bool on = current_.kind == Tok::kOn;
  if (!on && (current_.kind != Tok::kIdent || current_.Text() != "off")) throw NotWellFormed{};
  Advance();
  return ast::LogSetting{MakeIdent(word), on, RangeFrom(word.start)};
}

ast::ExprPtr Parser::ParseValue(bool always_list) {
  if (current_.kind == Tok::kPort) return ParsePortList();
  const char* start = current_.start;
  ast::ExprPtr first = ParseExpr();
  if (current_.kind != Tok::kComma && !always_list) return first;
  auto list = std::make_unique<ast::Expr>();
  list->kind = ast::Expr::Kind::kList;
  list->items.push_back(std::move(first));
  while (Accept(Tok::kComma)) list->items.push_back(ParseExpr());
  list->range = RangeFrom(start);
  return list;
}

ast::ExprPtr Parser::ParsePortList() {
  const char* start = Expect(Tok::kPort).start;
  auto list = std::make_unique<ast::Expr>();
  list->kind = ast::Expr::Kind::kPortList;
  do {
    list->items.push_back(ParsePortItem());
  } while (Accept(Tok::kComma));
  list->range = RangeFrom(start);
  return list;
}

ast::ExprPtr Parser::ParsePortItem() {
  auto port = std::make_unique<ast::Expr>();
  const char* start = current_.start;
  if (current_.kind == Tok::kIdent) {
    port->kind = ast::Expr::Kind::kName;
    port->text = Expect(Tok::kIdent).Text().str();
  } else {
    port->low = ParseNumber(Expect(Tok::kInt).Text());
    port->high = port->low;
    port->kind = ast::Expr::Kind::kPort;
    if (Accept(Tok::kDotDot)) {
      port->high = ParseNumber(Expect(Tok::kInt).Text());
      port->kind = ast::Expr::Kind::kPortRange;
    }
  }
  port->range = RangeFrom(start);
  return port;
}

ast::ExprPtr Parser::ParseExpr() {
  // Left to right: `a - b + c` is `(a - b) + c`, each node spanning from the first term.
  const char* start = current_.start;
  ast::ExprPtr result = ParseTerm();
  while (current_.kind == Tok::kPlus || current_.kind == Tok::kMinus) {
    auto combined = std::make_unique<ast::Expr>();
    combined->kind =
        current_.kind == Tok::kPlus ? ast::Expr::Kind::kUnion : ast::Expr::Kind::kDifference;
    Advance();
    combined->lhs = std::move(result);
    combined->rhs = ParseTerm();
    combined->range = RangeFrom(start);
    result = std::move(combined);
  }
  return result;
}

ast::ExprPtr Parser::ParseTerm() {
  if (Accept(Tok::kLParen)) {
    // The parentheses only group: the inner expression keeps its own range.
    ast::ExprPtr inner = ParseExpr();
    Expect(Tok::kRParen);
    return inner;
  }
  auto leaf = std::make_unique<ast::Expr>();
  Token token = current_;
  if (token.kind == Tok::kString) {
    leaf->kind = ast::Expr::Kind::kString;
    leaf->text = DecodeString(token.Text());
  } else if (token.kind == Tok::kIdent || token.kind == Tok::kNone) {
    leaf->kind = ast::Expr::Kind::kName;
    leaf->text = token.Text().str();
  } else {
    throw NotWellFormed{};
  }
  Advance();
  leaf->range = token.Range();
  return leaf;
}

}  // namespace

std::optional<std::vector<ast::TopStmt>> ParseWellFormed(llvm::StringRef text) {
  try {
    return Parser(text).ParseFile();
  } catch (const NotWellFormed&) {
    return std::nullopt;
  }
}

}  // namespace landlockc::parse
