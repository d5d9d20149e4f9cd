// SPDX-License-Identifier: MIT
// The lexer's tokens as the ANTLR parser reads them, minus the ones that are errors on their own
// (invalid characters, unterminated strings), which are reported here with precise messages. Also
// stops the parser at the first limit the text exceeds (lexer.h), before the parse tree gets too
// deep for the recursive-descent parser and the AST passes.
#ifndef LANDLOCKC_COMPILER_PARSE_TOKEN_SOURCE_H_
#define LANDLOCKC_COMPILER_PARSE_TOKEN_SOURCE_H_

#include <memory>
#include <string>

#include "TokenSource.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/lexer.h"

namespace landlockc::parse {

/// The token type of `kind` in the vocabulary of the parser generated from grammar/Landlock.g4.
size_t AntlrTokenType(TokenKind kind);

/// A token source over a token buffer for the ANTLR parser, reporting lexical errors to the
/// listener. Comments go to the hidden channel. Throws ParseAborted, after reporting why, when
/// the parser reaches the token that exceeds a limit.
class BufferTokenSource : public antlr4::TokenSource {
 public:
  BufferTokenSource(const TokenBuffer& buffer, ErrorListener& listener);

  std::unique_ptr<antlr4::Token> nextToken() override;
  size_t getLine() const override { return buffer_.tokens[next_].line; }
  size_t getCharPositionInLine() override { return buffer_.Column(buffer_.tokens[next_]); }
  antlr4::CharStream* getInputStream() override { return nullptr; }
  std::string getSourceName() override { return "policy"; }
  antlr4::TokenFactory<antlr4::CommonToken>* getTokenFactory() override;

 private:
  std::unique_ptr<antlr4::Token> MakeToken(const Token& token);
  void ReportInvalidCharacters(const Token& first);
  void CheckEscapes(const Token& string);
  void ReportLimit(const Token& token);

  const TokenBuffer& buffer_;
  ErrorListener& listener_;
  /// Index in the buffer of the next token to hand out (the kEnd token stays next at the end).
  size_t next_ = 0;
  /// End of the last token handed to the parser: a lexical error damages the text from there on,
  /// so that a `;` found missing just before it is not reported as well.
  llvm::SMLoc previous_end_;
};

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_TOKEN_SOURCE_H_
