#include "compiler/parse/encoding.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::parse {
namespace {

// Offset of the first byte of `text` that does not start a valid UTF-8 sequence, or npos.
size_t FirstInvalidUtf8(llvm::StringRef text) {
  const auto* begin = reinterpret_cast<const llvm::UTF8*>(text.data());
  const llvm::UTF8* cursor = begin;
  if (llvm::isLegalUTF8String(&cursor, begin + text.size())) return llvm::StringRef::npos;
  return static_cast<size_t>(cursor - begin);
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
