// SPDX-License-Identifier: MIT
#include "compiler/parse/recovering_parser.h"

#include <memory>

#include "CommonTokenStream.h"
#include "LandlockParser.h"
#include "compiler/parse/ast_builder.h"
#include "compiler/parse/error_strategy.h"
#include "compiler/parse/token_source.h"

namespace landlockc::parse {

void ParseWithRecovery(const TokenBuffer& tokens, ErrorListener& listener,
                       std::vector<ast::TopStmt>& statements, ast::Arena& arena) {
  llvm::StringRef text = tokens.text;
  BufferTokenSource source(tokens, listener);
  antlr4::CommonTokenStream stream(&source);
  landlockc_grammar::LandlockParser parser(&stream);
  parser.removeErrorListeners();
  parser.addErrorListener(&listener);
  parser.setErrorHandler(std::make_shared<RecoveryStrategy>(text, listener));
  BuildStatements(parser.file(), text, listener, statements, arena);
}

}  // namespace landlockc::parse
