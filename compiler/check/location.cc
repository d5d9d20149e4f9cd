// SPDX-License-Identifier: MIT
#include "compiler/check/location.h"

#include "compiler/model/file_names.h"
#include "llvm/ADT/StringExtras.h"

namespace landlockc::check {

model::Location ResolveLocation(const llvm::SourceMgr& source_mgr, llvm::SMRange range) {
  model::Location location;
  location.range = range;
  if (!range.Start.isValid()) return location;
  unsigned buffer = source_mgr.FindBufferContainingLoc(range.Start);
  if (buffer == 0) return location;
  location.file = model::InternFileName(source_mgr.getMemoryBuffer(buffer)->getBufferIdentifier());
  std::tie(location.line, location.column) = source_mgr.getLineAndColumn(range.Start, buffer);
  llvm::SMLoc end = range.End.isValid() ? range.End : range.Start;
  std::tie(location.end_line, location.end_column) = source_mgr.getLineAndColumn(end, buffer);
  return location;
}

llvm::StringRef SourceText(llvm::SMRange range) {
  if (!range.Start.isValid() || !range.End.isValid() ||
      range.End.getPointer() < range.Start.getPointer())
    return {};
  return llvm::StringRef(range.Start.getPointer(),
                         range.End.getPointer() - range.Start.getPointer());
}

std::string Excerpt(llvm::StringRef text) {
  constexpr size_t kMaxExcerpt = 64;
  std::string excerpt;
  for (char c : text.take_front(kMaxExcerpt)) {
    if (static_cast<unsigned char>(c) < 0x20) {
      excerpt += "\\x";
      excerpt += llvm::hexdigit((c >> 4) & 0xf, /*LowerCase=*/true);
      excerpt += llvm::hexdigit(c & 0xf, /*LowerCase=*/true);
    } else {
      excerpt += c;
    }
  }
  if (text.size() > kMaxExcerpt) excerpt += "...";
  return excerpt;
}

}  // namespace landlockc::check
