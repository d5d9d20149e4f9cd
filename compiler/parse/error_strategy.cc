// SPDX-License-Identifier: MIT
#include "compiler/parse/error_strategy.h"

#include <string>
#include <vector>

#include "LandlockParser.h"
#include "Parser.h"
#include "compiler/parse/token_text.h"

namespace landlockc::parse {
namespace {

using antlr4::misc::IntervalSet;
using landlockc_grammar::LandlockParser;

constexpr size_t kStatementKeywords[] = {
    LandlockParser::ABI,     LandlockParser::ALLOW,    LandlockParser::HANDLE,
    LandlockParser::INCLUDE, LandlockParser::LAYER,    LandlockParser::LET,
    LandlockParser::LOG,     LandlockParser::REQUIRES, LandlockParser::RULES,
    LandlockParser::THREADS, LandlockParser::USE};

bool Has(const IntervalSet& set, size_t type) { return set.contains(type); }

bool IsStatementStart(size_t type) {
  for (size_t keyword : kStatementKeywords)
    if (keyword == type) return true;
  return false;
}

bool IsKeyword(size_t type) { return type >= LandlockParser::ABI && type <= LandlockParser::USE; }

// Tokens that show where a statement with a missing `;` must have ended.
bool EndsStatement(size_t type) {
  return type == antlr4::Token::EOF || type == LandlockParser::RBRACE || IsStatementStart(type);
}

// What a name stands for where the parser is: "a `log` setting" reads better than "a name".
std::string DescribeName(size_t rule) {
  switch (rule) {
    case LandlockParser::RuleLogStmt:
    case LandlockParser::RuleLogSetting:
      return "a `log` setting";
    case LandlockParser::RuleThreadsStmt:
      return "`all`";
    case LandlockParser::RuleUseStmt:
      return "the name of a `rules` block";
    default:
      return "a name";
  }
}

std::string DescribeTokenType(size_t type, size_t rule, const antlr4::dfa::Vocabulary& vocabulary) {
  switch (type) {
    case antlr4::Token::EOF:
      return "end of file";
    case LandlockParser::IDENT:
      return DescribeName(rule);
    case LandlockParser::INT:
      return "a number";
    case LandlockParser::STRING:
      return "a string";
    default:
      return QuoteSource(llvm::StringRef(vocabulary.getLiteralName(type)).trim('\''));
  }
}

std::string JoinAlternatives(const std::vector<std::string>& parts) {
  std::string joined;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) joined += i + 1 == parts.size() ? " or " : ", ";
    joined += parts[i];
  }
  return joined;
}

// "a statement", "an expression", "`,` or `;`": what could have come instead of the bad token.
std::string DescribeExpected(IntervalSet expected, antlr4::Parser* parser) {
  if (expected.size() == 2 && Has(expected, LandlockParser::ON) &&
      Has(expected, LandlockParser::IDENT))
    return "`on` or `off`";
  std::vector<std::string> parts;
  bool all_statements = true;
  for (size_t keyword : kStatementKeywords) all_statements &= Has(expected, keyword);
  if (all_statements) {
    parts.push_back("a statement");
    for (size_t keyword : kStatementKeywords) expected.remove(static_cast<size_t>(keyword));
  }
  if (Has(expected, LandlockParser::LPAREN) && Has(expected, LandlockParser::IDENT) &&
      Has(expected, LandlockParser::STRING)) {
    parts.push_back("an expression");
    for (size_t type : {LandlockParser::LPAREN, LandlockParser::IDENT, LandlockParser::STRING,
                        LandlockParser::NONE})
      expected.remove(static_cast<size_t>(type));
  }
  for (ssize_t type : expected.toList())
    parts.push_back(DescribeTokenType(
        static_cast<size_t>(type), parser->getContext()->getRuleIndex(), parser->getVocabulary()));
  return JoinAlternatives(parts);
}

std::string DescribeToken(llvm::StringRef text, const antlr4::Token& token, bool expects_name) {
  if (token.getType() == antlr4::Token::EOF) return "end of file";
  std::string quoted = QuoteSource(TokenText(text, token));
  return IsKeyword(token.getType()) && expects_name ? "keyword " + quoted : quoted;
}

// The statement keyword `word` was probably meant to be, or empty. Words no longer than the
// allowed edits would match anything.
std::string SuggestKeyword(llvm::StringRef word, const antlr4::dfa::Vocabulary& vocabulary) {
  static constexpr unsigned kMaxEdits = 2;
  if (word.size() <= kMaxEdits) return {};
  for (size_t keyword : kStatementKeywords) {
    std::string name = llvm::StringRef(vocabulary.getLiteralName(keyword)).trim('\'').str();
    if (word.edit_distance(name, /*AllowReplacements=*/true, kMaxEdits) <= kMaxEdits) return name;
  }
  return {};
}

// The last token before `token` that the parser sees (comments are on a hidden channel).
antlr4::Token* PreviousToken(antlr4::Parser* parser, const antlr4::Token& token) {
  size_t index = token.getTokenIndex();
  if (index == INVALID_INDEX) return nullptr;
  while (index > 0) {
    antlr4::Token* previous = parser->getTokenStream()->get(--index);
    if (previous->getChannel() == antlr4::Token::DEFAULT_CHANNEL) return previous;
  }
  return nullptr;
}

}  // namespace

void RecoveryStrategy::ReportUnexpected(antlr4::Parser* parser, antlr4::Token* found,
                                        const IntervalSet& expected) {
  llvm::SMRange range = TokenRange(text_, *found, *found);
  // At the end of the file, point just past the last token rather than at an empty last line.
  if (found->getType() == antlr4::Token::EOF) {
    if (antlr4::Token* previous = PreviousToken(parser, *found)) {
      llvm::SMLoc end = TokenEnd(text_, *previous);
      range = llvm::SMRange(end, end);
    }
  }
  bool expects_name = Has(expected, LandlockParser::IDENT);
  listener_.ReportSyntax(diag::DiagId::kSyntaxError, range, DescribeExpected(expected, parser),
                         DescribeToken(text_, *found, expects_name));
}

void RecoveryStrategy::ReportMissing(antlr4::Parser* parser, antlr4::Token* found,
                                     const IntervalSet& expected) {
  antlr4::Token* previous = PreviousToken(parser, *found);
  if (Has(expected, LandlockParser::RBRACE) && expected.size() == 1 &&
      found->getType() == antlr4::Token::EOF) {
    antlr4::ParserRuleContext* block = parser->getContext();
    if (block->getRuleIndex() == LandlockParser::RuleBlock) {
      antlr4::Token* open = block->getStart();
      listener_.ReportSyntax(diag::DiagId::kUnclosedBlock, TokenRange(text_, *open, *open));
      return;
    }
  }
  if (previous == nullptr) {
    ReportUnexpected(parser, found, expected);
    return;
  }
  llvm::SMLoc end = TokenEnd(text_, *previous);
  std::string wanted = DescribeExpected(expected, parser);
  if (Has(expected, LandlockParser::SEMI) && expected.size() == 1)
    listener_.ReportSyntax(diag::DiagId::kMissingSemicolon, llvm::SMRange(end, end));
  else
    listener_.ReportSyntax(diag::DiagId::kMissingToken, llvm::SMRange(end, end), wanted,
                           QuoteSource(TokenText(text_, *previous)));
}

void RecoveryStrategy::ReportStrayToken(antlr4::Parser* parser, antlr4::Token* found) {
  size_t type = found->getType();
  llvm::SMRange range = TokenRange(text_, *found, *found);
  if (type == LandlockParser::RBRACE || type == LandlockParser::SEMI) {
    listener_.ReportSyntax(diag::DiagId::kUnexpectedToken, range,
                           QuoteSource(TokenText(text_, *found)));
    return;
  }
  llvm::StringRef text = TokenText(text_, *found);
  std::string suggestion;
  if (type == LandlockParser::IDENT) suggestion = SuggestKeyword(text, parser->getVocabulary());
  if (!suggestion.empty()) {
    listener_.ReportSyntax(diag::DiagId::kUnknownStatement, range, QuoteSource(text), suggestion);
    return;
  }
  listener_.ReportSyntax(diag::DiagId::kSyntaxError, range, "a statement",
                         DescribeToken(text_, *found, false));
}

void RecoveryStrategy::reportNoViableAlternative(antlr4::Parser* parser,
                                                 const antlr4::NoViableAltException& error) {
  ReportUnexpected(parser, error.getOffendingToken(), error.getExpectedTokens());
}

void RecoveryStrategy::reportInputMismatch(antlr4::Parser* parser,
                                           const antlr4::InputMismatchException& error) {
  antlr4::Token* found = error.getOffendingToken();
  IntervalSet expected = error.getExpectedTokens();
  antlr4::Token* previous = PreviousToken(parser, *found);
  bool semicolon_only = expected.size() == 1 && Has(expected, LandlockParser::SEMI);
  bool next_line = previous != nullptr && found->getLine() > previous->getLine();
  if ((semicolon_only && (EndsStatement(found->getType()) || next_line)) ||
      (expected.size() == 1 && Has(expected, LandlockParser::RBRACE) &&
       found->getType() == antlr4::Token::EOF)) {
    ReportMissing(parser, found, expected);
    return;
  }
  ReportUnexpected(parser, found, expected);
}

void RecoveryStrategy::reportUnwantedToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  ReportUnexpected(parser, parser->getCurrentToken(), getExpectedTokens(parser));
}

void RecoveryStrategy::reportMissingToken(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);
  ReportMissing(parser, parser->getCurrentToken(), getExpectedTokens(parser));
}

antlr4::Token* RecoveryStrategy::singleTokenDeletion(antlr4::Parser* parser) {
  // Dropping a statement keyword or a `}` to save one statement would wreck the next one.
  if (EndsStatement(parser->getCurrentToken()->getType())) return nullptr;
  return DefaultErrorStrategy::singleTokenDeletion(parser);
}

antlr4::Token* RecoveryStrategy::recoverInline(antlr4::Parser* parser) {
  if (inErrorRecoveryMode(parser)) return getMissingSymbol(parser);
  return DefaultErrorStrategy::recoverInline(parser);
}

void RecoveryStrategy::recover(antlr4::Parser* parser, std::exception_ptr /*error*/) {
  if (parser->getInputStream()->index() == recovered_at_) return;
  SkipStatement(parser);
  recovered_at_ = parser->getInputStream()->index();
}

void RecoveryStrategy::SkipStatement(antlr4::Parser* parser) {
  // Braces opened inside the broken statement are skipped with it.
  unsigned open_braces = 0;
  while (true) {
    size_t type = parser->getCurrentToken()->getType();
    if (type == antlr4::Token::EOF) return;
    if (type == LandlockParser::RBRACE) {
      if (open_braces == 0) return;
      --open_braces;
    }
    if (type == LandlockParser::LBRACE) ++open_braces;
    parser->consume();
    if (type == LandlockParser::SEMI && open_braces == 0) return;
  }
}

void RecoveryStrategy::sync(antlr4::Parser* parser) {
  size_t rule = parser->getContext()->getRuleIndex();
  if (rule != LandlockParser::RuleFile && rule != LandlockParser::RuleBlock) return;
  while (true) {
    antlr4::Token* token = parser->getCurrentToken();
    size_t type = token->getType();
    if (type == antlr4::Token::EOF || IsStatementStart(type)) return;
    if (type == LandlockParser::RBRACE && rule == LandlockParser::RuleBlock) return;
    // A recovery stops in front of a `}`; if that `}` is stray, the error that led to it already
    // pointed there.
    bool reported = type == LandlockParser::RBRACE && token->getTokenIndex() == recovered_at_ &&
                    inErrorRecoveryMode(parser);
    if (!reported) ReportStrayToken(parser, token);
    beginErrorCondition(parser);
    if (type == LandlockParser::RBRACE)
      parser->consume();
    else
      SkipStatement(parser);
    recovered_at_ = parser->getInputStream()->index();
  }
}

}  // namespace landlockc::parse
