// SPDX-License-Identifier: MIT
#include "compiler/parse/token_text.h"

#include <algorithm>

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::parse {
namespace {

// Clamps an ANTLR index into `text`: tokens the parser made up carry INVALID_INDEX.
size_t ClampOffset(llvm::StringRef text, size_t index) { return std::min(index, text.size()); }

}  // namespace

llvm::SMLoc TokenStart(llvm::StringRef text, const antlr4::Token& token) {
  return llvm::SMLoc::getFromPointer(text.data() + ClampOffset(text, token.getStartIndex()));
}

llvm::SMLoc TokenEnd(llvm::StringRef text, const antlr4::Token& token) {
  size_t start = ClampOffset(text, token.getStartIndex());
  size_t stop = token.getStopIndex();
  size_t end = stop == INVALID_INDEX || stop < start ? start : stop + 1;
  return llvm::SMLoc::getFromPointer(text.data() + ClampOffset(text, end));
}

llvm::SMRange TokenRange(llvm::StringRef text, const antlr4::Token& first,
                         const antlr4::Token& last) {
  return llvm::SMRange(TokenStart(text, first), TokenEnd(text, last));
}

llvm::StringRef TokenText(llvm::StringRef text, const antlr4::Token& token) {
  const char* start = TokenStart(text, token).getPointer();
  return llvm::StringRef(start, TokenEnd(text, token).getPointer() - start);
}

std::string QuoteSource(llvm::StringRef text) {
  static constexpr size_t kMaxQuotedBytes = 40;
  size_t cut = text.size();
  if (cut > kMaxQuotedBytes) {
    cut = kMaxQuotedBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xc0) == 0x80) --cut;
  }
  // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) about `"`" + std::string`.
  std::string quoted = "`";
  quoted += text.take_front(cut);
  if (cut < text.size()) quoted += "...";
  quoted += '`';
  return quoted;
}

size_t CharacterLength(llvm::StringRef text, size_t offset) {
  size_t length = llvm::getNumBytesForUTF8(static_cast<llvm::UTF8>(text[offset]));
  return std::clamp<size_t>(length, 1, text.size() - offset);
}

std::string DescribeCharacter(llvm::StringRef text, size_t offset) {
  unsigned char first = static_cast<unsigned char>(text[offset]);
  if (first > 0x20 && first < 0x7f) return "`" + std::string(1, static_cast<char>(first)) + "`";
  size_t length = CharacterLength(text, offset);
  const llvm::UTF8* source = reinterpret_cast<const llvm::UTF8*>(text.data() + offset);
  llvm::UTF32 code_point = first;
  llvm::UTF32* target = &code_point;
  llvm::ConvertUTF8toUTF32(&source, source + length, &target, target + 1, llvm::strictConversion);
  std::string code;
  llvm::raw_string_ostream(code) << "U+" << llvm::format_hex_no_prefix(code_point, 4, true);
  // Controls and spaces would be invisible inside backticks: show only their code point.
  if (code_point <= 0xa0) return code;
  return "`" + text.substr(offset, length).str() + "` (" + code + ")";
}

}  // namespace landlockc::parse
