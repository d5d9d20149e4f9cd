// SPDX-License-Identifier: MIT
#include "compiler/parse/deceptive_text.h"

#include <string>

#include "compiler/diag/characters.h"

namespace landlockc::parse {

bool CheckDeceptiveText(const TokenBuffer& tokens, ErrorListener& listener) {
  using diag::CharacterKind;
  llvm::StringRef text = tokens.text;
  bool bidi_seen = false, invisible_seen = false, look_alike_seen = false;
  // The first token that does not end before the character at hand; every non-ASCII character
  // stands in a token (blanks are ASCII), so that token tells whether it is in a string.
  size_t token = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = text[i];
    if (byte < 0x80) {
      ++i;
      continue;
    }
    uint32_t code_point = 0;
    unsigned length = diag::DecodeUtf8(text, i, code_point);
    if (length == 0) return true;  // CheckEncoding reports it
    llvm::SMRange range(llvm::SMLoc::getFromPointer(text.data() + i),
                        llvm::SMLoc::getFromPointer(text.data() + i + length));
    std::string name = diag::CodePointName(code_point);
    switch (diag::Classify(code_point)) {
      case CharacterKind::kBidi:
        if (!bidi_seen)
          listener.Report(diag::DiagId::kBidiControl, range, name, diag::CharacterName(code_point));
        bidi_seen = true;
        break;
      case CharacterKind::kInvisible:
        if (code_point == 0xFEFF && i == 0) break;  // a byte-order mark
        if (!invisible_seen)
          listener.Report(diag::DiagId::kZeroWidthCharacter, range, name,
                          diag::CharacterName(code_point));
        invisible_seen = true;
        break;
      case CharacterKind::kLookAlike: {
        while (token < tokens.tokens.size() && tokens.tokens[token].end() <= i) ++token;
        TokenKind kind = token < tokens.tokens.size() ? tokens.tokens[token].kind : TokenKind::kEnd;
        if (kind != TokenKind::kString && kind != TokenKind::kUnterminatedString) break;
        if (!look_alike_seen)
          listener.Report(diag::DiagId::kConfusableCharacter, range, name,
                          std::string(1, diag::LookAlikeOf(code_point)));
        look_alike_seen = true;
        break;
      }
      default:
        break;
    }
    i += length;
  }
  return !bidi_seen && !invisible_seen && !look_alike_seen;
}

}  // namespace landlockc::parse
