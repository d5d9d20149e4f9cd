// SPDX-License-Identifier: MIT
#include "compiler/parse/encoding.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::parse {
namespace {

// Offset of the first byte of `text` that does not start a valid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(llvm::StringRef text) {
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(text.data());
  const llvm::UTF8* end = begin + text.size();
  for (const llvm::UTF8* cursor = begin; cursor != end;) {
    // Policies are nearly all ASCII: only multi-byte sequences go through LLVM's validator, which
    // costs several times more per byte.
    if (*cursor < 0x80) {
      ++cursor;
      continue;
    }
    if (!llvm::isLegalUTF8Sequence(cursor, end)) return static_cast<size_t>(cursor - begin);
    cursor += llvm::getNumBytesForUTF8(*cursor);
  }
  return llvm::StringRef::npos;
}

llvm::SMRange ByteRange(llvm::StringRef text, size_t offset) {
  return llvm::SMRange(llvm::SMLoc::getFromPointer(text.data() + offset),
                       llvm::SMLoc::getFromPointer(text.data() + offset + 1));
}

}  // namespace

bool CheckEncoding(llvm::StringRef text, ErrorListener& listener) {
  size_t invalid = FirstInvalidUtf8(text);
  size_t nul = text.find('\0');
  if (invalid == llvm::StringRef::npos && nul == llvm::StringRef::npos) return true;
  if (invalid < nul) {
    std::string byte;
    llvm::raw_string_ostream(byte)
        << llvm::format_hex_no_prefix(static_cast<unsigned char>(text[invalid]), 2, /*Upper=*/true);
    listener.Report(diag::DiagId::kInvalidUtf8, ByteRange(text, invalid), byte);
  } else {
    listener.Report(diag::DiagId::kNulByte, ByteRange(text, nul));
  }
  return false;
}

}  // namespace landlockc::parse
