// SPDX-License-Identifier: MIT
// The documents an editor has open: their text as the editor holds it (full and incremental
// changes applied), and LSP positions (lines and UTF-16 code units) mapped to byte offsets.
#ifndef LANDLOCKC_LSP_DOCUMENTS_H_
#define LANDLOCKC_LSP_DOCUMENTS_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace landlockc::lsp {

/// An LSP position: 0-based line, and character offset in UTF-16 code units.
struct Position {
  unsigned line = 0;
  unsigned character = 0;
  friend bool operator==(const Position& a, const Position& b) {
    return a.line == b.line && a.character == b.character;
  }
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range& a, const Range& b) {
    return a.start == b.start && a.end == b.end;
  }
};

/// The UTF-16 code units of UTF-8 `text` (a 4-byte sequence counts 2; a stray byte counts 1).
unsigned Utf16Length(llvm::StringRef text);

/// The byte offset of `position` in `text`; a line past the end gives the end of the text, a
/// character past the end of its line the end of that line.
size_t OffsetAt(llvm::StringRef text, Position position);

/// The position of byte `offset` of `text` (clamped to its end).
Position PositionAt(llvm::StringRef text, size_t offset);

/// The path of a `file:` URI, percent-decoded; nullopt for another scheme.
std::optional<std::string> UriToPath(llvm::StringRef uri);

/// The `file:` URI of absolute path `path`, percent-encoding what is not unreserved or `/`.
std::string PathToUri(llvm::StringRef path);

/// One `contentChanges` entry: `text` replaces `range`, or the whole text when there is none.
struct TextChange {
  std::optional<Range> range;
  std::string text;
};

/// One open document.
struct Document {
  std::string uri;
  /// The file the URI names (the URI itself for a scheme other than `file:`).
  std::string path;
  std::string text;
  int64_t version = 0;
};

/// The open documents, by URI.
class DocumentStore {
 public:
  /// `didOpen`: stores (or replaces) the document.
  const Document& Open(llvm::StringRef uri, std::string text, int64_t version);
  /// `didChange`: applies `changes` in order; nullptr when the document is not open.
  const Document* Change(llvm::StringRef uri, int64_t version, llvm::ArrayRef<TextChange> changes);
  /// `didClose`.
  void Close(llvm::StringRef uri);
  /// The open document `uri`, or nullptr.
  const Document* Find(llvm::StringRef uri) const;
  /// Every open document, by URI.
  std::vector<const Document*> All() const;

 private:
  std::map<std::string, Document, std::less<>> documents_;
};

}  // namespace landlockc::lsp

#endif  // LANDLOCKC_LSP_DOCUMENTS_H_
