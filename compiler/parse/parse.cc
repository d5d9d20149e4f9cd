// SPDX-License-Identifier: MIT
#include "compiler/parse/parse.h"

#include <optional>

#include "compiler/parse/deceptive_text.h"
#include "compiler/parse/encoding.h"
#include "compiler/parse/error_listener.h"
#include "compiler/parse/fast_parser.h"
#include "compiler/parse/lexer.h"
#include "compiler/parse/recovering_parser.h"

namespace landlockc::parse {

namespace {

// A file with nothing to report takes the fast path; any other is parsed again from the start by
// the ANTLR parser, whose recovery finds and words every error. The fast path builds into an arena
// of its own, so that what it built before giving up is freed at once.
void ParseTokens(const TokenBuffer& tokens, ErrorListener& listener, ast::File& file) {
  ast::Arena fast_arena;
  if (std::optional<std::vector<ast::TopStmt>> well_formed = ParseWellFormed(tokens, fast_arena)) {
    file.statements = std::move(*well_formed);
    file.arena = std::move(fast_arena);
    return;
  }
  try {
    ParseWithRecovery(tokens, listener, file.statements, file.arena);
  } catch (const ParseAborted&) {
    // The reason was reported; the statements built so far stay.
  }
}

}  // namespace

ast::File ParseFile(unsigned buffer_id, diag::DiagnosticEngine& diags) {
  const llvm::MemoryBuffer* buffer = diags.source_mgr().getMemoryBuffer(buffer_id);
  llvm::StringRef text = buffer->getBuffer();
  ast::File file;
  file.path = buffer->getBufferIdentifier().str();
  file.buffer_id = buffer_id;

  ErrorListener listener(text, buffer_id, diags);
  if (text.size() > kMaxTextBytes) {
    llvm::SMLoc start = llvm::SMLoc::getFromPointer(text.data());
    listener.Report(diag::DiagId::kIoError, llvm::SMRange(start, start), file.path,
                    "policy files are at most 4 GiB");
  } else if (CheckEncoding(text, listener)) {
    TokenBuffer tokens = Lex(text);
    // What a reviewer would read otherwise than the compiler is reported, and not parsed.
    if (CheckDeceptiveText(tokens, listener)) ParseTokens(tokens, listener, file);
  }
  listener.Flush();
  return file;
}

}  // namespace landlockc::parse
