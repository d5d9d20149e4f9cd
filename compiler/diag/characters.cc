// SPDX-License-Identifier: MIT
#include "compiler/diag/characters.h"

#include <iterator>

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::diag {
namespace {

struct Named {
  uint32_t code_point;
  const char* name;
};

// Every bidirectional formatting character of Unicode (UAX #9): embeddings, overrides, isolates
// and the implicit marks.
constexpr Named kBidi[] = {
    {0x061C, "arabic letter mark"},      {0x200E, "left-to-right mark"},
    {0x200F, "right-to-left mark"},      {0x202A, "left-to-right embedding"},
    {0x202B, "right-to-left embedding"}, {0x202C, "pop directional formatting"},
    {0x202D, "left-to-right override"},  {0x202E, "right-to-left override"},
    {0x2066, "left-to-right isolate"},   {0x2067, "right-to-left isolate"},
    {0x2068, "first strong isolate"},    {0x2069, "pop directional isolate"},
};

// Characters that print as nothing.
constexpr Named kInvisible[] = {
    {0x00AD, "soft hyphen"},
    {0x034F, "combining grapheme joiner"},
    {0x180E, "mongolian vowel separator"},
    {0x200B, "zero width space"},
    {0x200C, "zero width non-joiner"},
    {0x200D, "zero width joiner"},
    {0x2060, "word joiner"},
    {0x2061, "function application"},
    {0x2062, "invisible times"},
    {0x2063, "invisible separator"},
    {0x2064, "invisible plus"},
    {0xFEFF, "zero width no-break space"},
};

struct LookAlike {
  uint32_t code_point;
  char ascii;
};

// Non-ASCII letters and signs that render like ASCII ones in common fonts (after Unicode's
// confusables.txt): Greek and Cyrillic letters, and the slashes and dots paths are made of.
// Full-width forms (U+FF01..U+FF5E) are computed.
constexpr LookAlike kLookAlikes[] = {
    {0x0131, 'i'}, {0x0391, 'A'}, {0x0392, 'B'}, {0x0395, 'E'}, {0x0396, 'Z'}, {0x0397, 'H'},
    {0x0399, 'I'}, {0x039A, 'K'}, {0x039C, 'M'}, {0x039D, 'N'}, {0x039F, 'O'}, {0x03A1, 'P'},
    {0x03A4, 'T'}, {0x03A5, 'Y'}, {0x03A7, 'X'}, {0x03B9, 'i'}, {0x03BD, 'v'}, {0x03BF, 'o'},
    {0x03C1, 'p'}, {0x03F2, 'c'}, {0x03F3, 'j'}, {0x0405, 'S'}, {0x0406, 'I'}, {0x0408, 'J'},
    {0x0410, 'A'}, {0x0412, 'B'}, {0x0415, 'E'}, {0x041A, 'K'}, {0x041C, 'M'}, {0x041D, 'H'},
    {0x041E, 'O'}, {0x0420, 'P'}, {0x0421, 'C'}, {0x0422, 'T'}, {0x0425, 'X'}, {0x0430, 'a'},
    {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'}, {0x0445, 'x'},
    {0x0455, 's'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x04BB, 'h'}, {0x0501, 'd'}, {0x051B, 'q'},
    {0x051D, 'w'}, {0x2024, '.'}, {0x2044, '/'}, {0x2215, '/'}, {0x29F8, '/'},
};

template <size_t N>
const char* Find(const Named (&table)[N], uint32_t code_point) {
  for (const Named& entry : table)
    if (entry.code_point == code_point) return entry.name;
  return nullptr;
}

}  // namespace

CharacterKind Classify(uint32_t code_point) {
  if (code_point < 0x20 || (code_point >= 0x7F && code_point < 0xA0))
    return CharacterKind::kControl;
  if (code_point < 0x7F) return CharacterKind::kOrdinary;
  if (Find(kBidi, code_point)) return CharacterKind::kBidi;
  if (Find(kInvisible, code_point)) return CharacterKind::kInvisible;
  if (LookAlikeOf(code_point)) return CharacterKind::kLookAlike;
  return CharacterKind::kOrdinary;
}

llvm::StringRef CharacterName(uint32_t code_point) {
  if (const char* name = Find(kBidi, code_point)) return name;
  if (const char* name = Find(kInvisible, code_point)) return name;
  return "";
}

char LookAlikeOf(uint32_t code_point) {
  if (code_point >= 0xFF01 && code_point <= 0xFF5E) return static_cast<char>(code_point - 0xFEE0);
  for (const LookAlike& look_alike : kLookAlikes)
    if (look_alike.code_point == code_point) return look_alike.ascii;
  return 0;
}

std::string CodePointName(uint32_t code_point) {
  std::string name;
  llvm::raw_string_ostream(name) << "U+" << llvm::format_hex_no_prefix(code_point, 4, true);
  return name;
}

unsigned DecodeUtf8(llvm::StringRef text, size_t at, uint32_t& code_point) {
  unsigned length = llvm::getNumBytesForUTF8(static_cast<unsigned char>(text[at]));
  llvm::UTF32 decoded = 0;
  const auto* source = reinterpret_cast<const llvm::UTF8*>(text.data() + at);
  llvm::UTF32* target = &decoded;
  if (at + length > text.size() ||
      llvm::ConvertUTF8toUTF32(&source, source + length, &target, target + 1,
                               llvm::strictConversion) != llvm::conversionOK)
    return 0;
  code_point = decoded;
  return length;
}

namespace {

// `text` with each character written by `ordinary` when it is ordinary printable text, else by
// `escape` (given the code point, or the bad byte with `bad_byte` set).
template <typename OrdinaryFn, typename EscapeFn>
std::string Escape(llvm::StringRef text, OrdinaryFn ordinary, EscapeFn escape) {
  std::string out;
  llvm::raw_string_ostream os(out);
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = text[i];
    if (byte < 0x80) {
      if (Classify(byte) == CharacterKind::kOrdinary)
        ordinary(os, text.substr(i, 1));
      else
        escape(os, byte, /*bad_byte=*/false);
      ++i;
      continue;
    }
    uint32_t code_point = 0;
    unsigned length = DecodeUtf8(text, i, code_point);
    if (length == 0) {
      escape(os, byte, /*bad_byte=*/true);
      ++i;
      continue;
    }
    if (Classify(code_point) == CharacterKind::kOrdinary)
      ordinary(os, text.substr(i, length));
    else
      escape(os, code_point, /*bad_byte=*/false);
    i += length;
  }
  return out;
}

}  // namespace

std::string EscapeForMessage(llvm::StringRef text) {
  return Escape(
      text, [](llvm::raw_ostream& os, llvm::StringRef c) { os << c; },
      [](llvm::raw_ostream& os, uint32_t c, bool bad_byte) {
        if (c == '\t' || c == '\n')
          os << static_cast<char>(c);
        else if (bad_byte)
          os << '<' << llvm::format_hex_no_prefix(c, 2, true) << '>';
        else
          os << '<' << CodePointName(c) << '>';
      });
}

std::string EscapeForPolicyString(llvm::StringRef text) {
  return Escape(
      text,
      [](llvm::raw_ostream& os, llvm::StringRef c) {
        if (c == "\"" || c == "\\") os << '\\';
        os << c;
      },
      [](llvm::raw_ostream& os, uint32_t c, bool bad_byte) {
        if (c == '\t')
          os << "\\t";
        else if (c == '\n')
          os << "\\n";
        else if (bad_byte)
          os << "\\x{" << llvm::format_hex_no_prefix(c, 2, true) << '}';
        else
          os << "\\u{" << llvm::format_hex_no_prefix(c, 4, true) << '}';
      });
}

}  // namespace landlockc::diag
