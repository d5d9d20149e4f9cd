// SPDX-License-Identifier: MIT
#include "lint/suppression.h"

#include <optional>

#include "compiler/parse/lexer.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::lint {
namespace {

// The ids of `lint:ignore ID[,ID...] [reason]` (none when the comment names no id); nullopt when
// the comment is something else.
std::optional<std::vector<std::string>> ParseIgnoreIds(llvm::StringRef comment) {
  llvm::StringRef text = comment.drop_front().ltrim();
  if (!text.consume_front("lint:ignore")) return std::nullopt;
  if (!text.empty() && text.front() != ' ' && text.front() != '\t') return std::nullopt;
  text = text.ltrim();
  llvm::StringRef list = text.take_until([](char c) { return c == ' ' || c == '\t'; });
  llvm::SmallVector<llvm::StringRef, 4> parts;
  list.split(parts, ',', -1, /*KeepEmpty=*/false);
  std::vector<std::string> ids;
  for (llvm::StringRef part : parts) ids.push_back(part.trim().str());
  return ids;
}

}  // namespace

Suppressions::Suppressions(const llvm::SourceMgr& source_mgr) : source_mgr_(source_mgr) {
  for (unsigned buffer = 1; buffer <= source_mgr.getNumBuffers(); ++buffer) ScanBuffer(buffer);
}

void Suppressions::ScanBuffer(unsigned buffer) {
  llvm::StringRef text = source_mgr_.getMemoryBuffer(buffer)->getBuffer();
  // Only texts that mention the marker are worth lexing.
  if (text.find("lint:ignore") == llvm::StringRef::npos) return;
  parse::TokenBuffer tokens = parse::Lex(text);
  // The line of the last token that is not a comment.
  unsigned code_line = 0;
  for (const parse::Token& token : tokens.tokens) {
    if (token.kind != parse::TokenKind::kComment) {
      code_line = token.line;
      continue;
    }
    llvm::StringRef comment = tokens.Text(token).rtrim();
    std::optional<std::vector<std::string>> ids = ParseIgnoreIds(comment);
    if (!ids) continue;
    IgnoreComment ignore;
    ignore.buffer = buffer;
    ignore.line = token.line;
    ignore.standalone = code_line != token.line;
    ignore.used.assign(ids->size(), false);
    ignore.ids = std::move(*ids);
    ignore.range = {llvm::SMLoc::getFromPointer(comment.begin()),
                    llvm::SMLoc::getFromPointer(comment.end())};
    comments_.push_back(std::move(ignore));
  }
}

bool Suppressions::Silences(const Finding& finding) {
  if (comments_.empty()) return false;
  llvm::SMRange statement = finding.statement.Start.isValid() ? finding.statement : finding.range;
  if (!statement.Start.isValid()) return false;
  unsigned buffer = source_mgr_.FindBufferContainingLoc(statement.Start);
  if (buffer == 0) return false;
  unsigned first_line = source_mgr_.getLineAndColumn(statement.Start, buffer).first;
  llvm::SMLoc end = statement.End.isValid() ? statement.End : statement.Start;
  unsigned last_line = source_mgr_.getLineAndColumn(end, buffer).first;
  bool silenced = false;
  for (IgnoreComment& ignore : comments_) {
    if (ignore.buffer != buffer) continue;
    bool applies = ignore.standalone ? ignore.line + 1 == first_line
                                     : ignore.line >= first_line && ignore.line <= last_line;
    if (!applies) continue;
    for (size_t i = 0; i < ignore.ids.size(); ++i) {
      if (ignore.ids[i] != finding.id) continue;
      ignore.used[i] = true;
      silenced = true;
    }
  }
  return silenced;
}

}  // namespace landlockc::lint
