#include "compiler/parse/parse.h"

#include <memory>

#include "CommonTokenStream.h"
#include "LandlockParser.h"
#include "compiler/parse/ast_builder.h"
#include "compiler/parse/encoding.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/error_strategy.h"
#include "compiler/parse/token_filter.h"

namespace landlockc::parse {

ast::File ParseFile(unsigned buffer_id, diag::DiagnosticEngine& diags) {
  const llvm::MemoryBuffer* buffer = diags.source_mgr().getMemoryBuffer(buffer_id);
  llvm::StringRef text = buffer->getBuffer();
  ast::File file;
  file.path = buffer->getBufferIdentifier().str();
  file.buffer_id = buffer_id;

  ErrorListener listener(text, buffer_id, diags);
  if (CheckEncoding(text, listener)) {
    try {
      TokenFilter tokens(text, listener);
      antlr4::CommonTokenStream stream(&tokens);
      landlockc_grammar::LandlockParser parser(&stream);
      parser.removeErrorListeners();
      parser.addErrorListener(&listener);
      parser.setErrorHandler(std::make_shared<RecoveryStrategy>(text, listener));
      BuildStatements(parser.file(), text, listener, file.statements);
    } catch (const ParseAborted&) {
      // The reason was reported; the statements built so far stay.
    }
  }
  listener.Flush();
  return file;
}

}  // namespace landlockc::parse
