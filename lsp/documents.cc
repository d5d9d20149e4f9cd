// SPDX-License-Identifier: MIT
#include "lsp/documents.h"

#include "lint/docs_url.h"

namespace landlockc::lsp {
namespace {

// The length of the UTF-8 sequence a lead byte starts (1 for a stray byte).
size_t SequenceLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

// The offset where line `line` (0-based) starts, or the end of the text.
size_t LineStart(llvm::StringRef text, unsigned line) {
  size_t offset = 0;
  for (unsigned i = 0; i < line; ++i) {
    size_t newline = text.find('\n', offset);
    if (newline == llvm::StringRef::npos) return text.size();
    offset = newline + 1;
  }
  return offset;
}

}  // namespace

unsigned Utf16Length(llvm::StringRef text) {
  unsigned units = 0;
  for (size_t i = 0; i < text.size();) {
    size_t length = SequenceLength(static_cast<unsigned char>(text[i]));
    units += length == 4 ? 2 : 1;
    i += std::min(length, text.size() - i);
  }
  return units;
}

size_t OffsetAt(llvm::StringRef text, Position position) {
  size_t offset = LineStart(text, position.line);
  size_t line_end = std::min(text.find('\n', offset), text.size());
  unsigned units = 0;
  while (offset < line_end && units < position.character) {
    size_t length = SequenceLength(static_cast<unsigned char>(text[offset]));
    units += length == 4 ? 2 : 1;
    offset = std::min(offset + length, line_end);
  }
  return offset;
}

Position PositionAt(llvm::StringRef text, size_t offset) {
  llvm::StringRef before = text.take_front(offset);
  size_t line_start = before.rfind('\n');
  line_start = line_start == llvm::StringRef::npos ? 0 : line_start + 1;
  return {static_cast<unsigned>(before.count('\n')), Utf16Length(before.drop_front(line_start))};
}

std::optional<std::string> UriToPath(llvm::StringRef uri) {
  if (!uri.consume_front("file://")) return std::nullopt;
  std::string path;
  for (size_t i = 0; i < uri.size(); ++i) {
    unsigned value = 0;
    if (uri[i] == '%' && i + 2 < uri.size() && !uri.substr(i + 1, 2).getAsInteger(16, value)) {
      path += static_cast<char>(value);
      i += 2;
      continue;
    }
    path += uri[i];
  }
  return path;
}

std::string PathToUri(llvm::StringRef path) { return "file://" + lint::UriPath(path); }

const Document& DocumentStore::Open(llvm::StringRef uri, std::string text, int64_t version) {
  Document& document = documents_[uri.str()];
  document.uri = uri.str();
  document.path = UriToPath(uri).value_or(uri.str());
  document.text = std::move(text);
  document.version = version;
  return document;
}

const Document* DocumentStore::Change(llvm::StringRef uri, int64_t version,
                                      llvm::ArrayRef<TextChange> changes) {
  auto found = documents_.find(uri);
  if (found == documents_.end()) return nullptr;
  Document& document = found->second;
  for (const TextChange& change : changes) {
    if (!change.range) {
      document.text = change.text;
      continue;
    }
    size_t start = OffsetAt(document.text, change.range->start);
    size_t end = std::max(start, OffsetAt(document.text, change.range->end));
    document.text.replace(start, end - start, change.text);
  }
  document.version = version;
  return &document;
}

void DocumentStore::Close(llvm::StringRef uri) {
  auto found = documents_.find(uri);
  if (found != documents_.end()) documents_.erase(found);
}

const Document* DocumentStore::Find(llvm::StringRef uri) const {
  auto found = documents_.find(uri);
  return found == documents_.end() ? nullptr : &found->second;
}

std::vector<const Document*> DocumentStore::All() const {
  std::vector<const Document*> all;
  for (const auto& [uri, document] : documents_) all.push_back(&document);
  return all;
}

}  // namespace landlockc::lsp
