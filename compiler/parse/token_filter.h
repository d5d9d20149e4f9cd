// The tokens the parser sees: the lexer's, minus the ones that are errors on their own (invalid
// characters, unterminated strings), which are reported here with precise messages. Also refuses
// input whose parse tree would be too deep for the recursive-descent parser and the AST passes.
#ifndef LANDLOCKC_COMPILER_PARSE_TOKEN_FILTER_H_
#define LANDLOCKC_COMPILER_PARSE_TOKEN_FILTER_H_

#include <memory>
#include <string>

#include "ANTLRInputStream.h"
#include "LandlockLexer.h"
#include "TokenSource.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/limits.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::parse {

/// Feeds the lexer one byte per character, so that ANTLR's character indices are byte offsets
/// into the buffer (the grammar only needs ASCII; other bytes appear in strings and comments).
class ByteStream : public antlr4::ANTLRInputStream {
 public:
  explicit ByteStream(llvm::StringRef text);
};

/// A token source over `text` for the parser, reporting lexical errors to the listener. Throws
/// ParseAborted, after reporting why, on nesting deeper than kMaxNesting or more than
/// kMaxOperators operators in one statement.
class TokenFilter : public antlr4::TokenSource {
 public:
  TokenFilter(llvm::StringRef text, ErrorListener& listener);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return lexer_.getLine(); }
  size_t getCharPositionInLine() override { return lexer_.getCharPositionInLine(); }
  antlr4::CharStream* getInputStream() override { return lexer_.getInputStream(); }
  std::string getSourceName() override { return lexer_.getSourceName(); }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override {
    return lexer_.getTokenFactory();
  }

 private:
  std::unique_ptr<antlr4::Token> Lex();
  void ReportInvalidCharacters(const antlr4::Token& first);
  void CheckEscapes(const antlr4::Token& string);
  void CheckLimits(const antlr4::Token& token);

  llvm::StringRef text_;
  ErrorListener& listener_;
  ByteStream input_;
  landlockc_grammar::LandlockLexer lexer_;
  /// A token read ahead while looking for the end of a run of invalid characters.
  std::unique_ptr<antlr4::Token> lookahead_;
  /// End of the last token handed to the parser: a lexical error damages the text from there on,
  /// so that a `;` found missing just before it is not reported as well.
  llvm::SMLoc previous_end_;
  unsigned nesting_ = 0;
  unsigned operators_ = 0;
};

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_TOKEN_FILTER_H_
