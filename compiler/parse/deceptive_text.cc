// SPDX-License-Identifier: MIT
#include "compiler/parse/deceptive_text.h"

#include <string>

#include "compiler/diag/characters.h"

namespace landlockc::parse {

bool CheckDeceptiveText(const TokenBuffer& tokens, ErrorListener& listener) {
  using diag::CharacterKind;
  llvm::StringRef text = tokens.text;
  bool bidi_seen = false, invisible_seen = false, look_alike_seen = false, control_seen = false;
  // The first token that does not end before the character at hand; every character this check
  // looks at stands in a token (blanks are ` `, tab and line ends), so that token tells whether it
  // is in a string or a comment.
  size_t token = 0;
  auto kind_at = [&](size_t at) {
    while (token < tokens.tokens.size() && tokens.tokens[token].end() <= at) ++token;
    return token < tokens.tokens.size() ? tokens.tokens[token].kind : TokenKind::kEnd;
  };
  for (size_t i = 0; i < text.size();) {
    unsigned char byte = text[i];
    uint32_t code_point = byte;
    unsigned length = 1;
    if (byte >= 0x80) {
      length = diag::DecodeUtf8(text, i, code_point);
      if (length == 0) return true;  // CheckEncoding reports it
    } else if (diag::Classify(byte) != CharacterKind::kControl || byte == '\n' || byte == '\r') {
      ++i;
      continue;
    }
    llvm::SMRange range(llvm::SMLoc::getFromPointer(text.data() + i),
                        llvm::SMLoc::getFromPointer(text.data() + i + length));
    std::string name = diag::CodePointName(code_point);
    switch (diag::Classify(code_point)) {
      case CharacterKind::kControl: {
        // Elsewhere a control character is an `invalid-character` (or a blank, for tab). In a
        // string a tab is written `\t`; in a comment it is only a blank.
        TokenKind kind = kind_at(i);
        bool in_string = kind == TokenKind::kString || kind == TokenKind::kUnterminatedString;
        if (!in_string && (kind != TokenKind::kComment || code_point == '\t')) break;
        if (!control_seen)
          listener.Report(diag::DiagId::kControlCharacter, range, name,
                          in_string ? "string" : "comment");
        control_seen = true;
        break;
      }
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
        TokenKind kind = kind_at(i);
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
  return !bidi_seen && !invisible_seen && !look_alike_seen && !control_seen;
}

}  // namespace landlockc::parse
