// SPDX-License-Identifier: MIT
// How the parser reports and recovers from syntax errors: messages in the language's style
// ("expected `;` after the statement", "unexpected `}`") instead of ANTLR's token-set dumps, and
// recovery at the next `;` or `}` so that one run reports every broken statement of a file.
#ifndef LANDLOCKC_COMPILER_PARSE_ERROR_STRATEGY_H_
#define LANDLOCKC_COMPILER_PARSE_ERROR_STRATEGY_H_

#include <cstddef>
#include <exception>
#include <string>

#include "DefaultErrorStrategy.h"
#include "compiler/parse/error_listener.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::parse {

/// The error strategy of the Landlock parser. Reports through an ErrorListener.
class RecoveryStrategy : public antlr4::DefaultErrorStrategy {
 public:
  /// Reports errors about `text` (the parsed buffer) to `listener`.
  RecoveryStrategy(llvm::StringRef text, ErrorListener& listener)
      : text_(text), listener_(listener) {}

  /// Skips the rest of the broken statement: up to and including its `;`, or up to the `}` that
  /// closes the enclosing block. Does nothing while the same error unwinds through outer rules.
  void recover(antlr4::Parser* parser, std::exception_ptr error) override;

  /// At the statement loops of a file or block, reports and skips anything that cannot start a
  /// statement (a stray `}` at top level, a misspelled keyword); elsewhere lets the rules decide.
  void sync(antlr4::Parser* parser) override;

  /// While unwinding an error already reported, pretends the expected token is there instead of
  /// consuming the next statement's tokens.
  antlr4::Token* recoverInline(antlr4::Parser* parser) override;

 protected:
  void reportNoViableAlternative(antlr4::Parser* parser,
                                 const antlr4::NoViableAltException& error) override;
  void reportInputMismatch(antlr4::Parser* parser,
                           const antlr4::InputMismatchException& error) override;
  void reportUnwantedToken(antlr4::Parser* parser) override;
  void reportMissingToken(antlr4::Parser* parser) override;
  antlr4::Token* singleTokenDeletion(antlr4::Parser* parser) override;

 private:
  void ReportUnexpected(antlr4::Parser* parser, antlr4::Token* found,
                        const antlr4::misc::IntervalSet& expected);
  void ReportMissing(antlr4::Parser* parser, antlr4::Token* found,
                     const antlr4::misc::IntervalSet& expected);
  void ReportStrayToken(antlr4::Parser* parser, antlr4::Token* found);
  void SkipStatement(antlr4::Parser* parser);

  llvm::StringRef text_;
  ErrorListener& listener_;
  /// Token index where the last recovery stopped: an error there is the same one unwinding.
  size_t recovered_at_ = static_cast<size_t>(-1);
};

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_ERROR_STRATEGY_H_
