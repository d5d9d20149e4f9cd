// SPDX-License-Identifier: MIT
// Characters that deceive a reader of policy text, and how every tool shows them: as `<U+XXXX>`
// in messages and as `\u{XXXX}` in policy text that `inspect` prints (an escape the language
// refuses, so such text cannot silently compile to another path). Shared by the parse phase's
// check (compiler/parse/deceptive_text.h), the diagnostic engine and the blob decoder.
#ifndef LANDLOCKC_COMPILER_DIAG_CHARACTERS_H_
#define LANDLOCKC_COMPILER_DIAG_CHARACTERS_H_

#include <cstdint>
#include <string>

#include "llvm/ADT/StringRef.h"

namespace landlockc::diag {

enum class CharacterKind {
  kOrdinary,
  kControl,    // C0 and C1 controls and DEL (tab and newline included)
  kBidi,       // a bidirectional formatting character (Trojan Source, CVE-2021-42574)
  kInvisible,  // prints as nothing (zero width space, soft hyphen, ...)
  kLookAlike,  // a non-ASCII character that looks like an ASCII one
};

/// Decodes the UTF-8 character that starts at byte `at` of `text` (a byte of at least 0x80) into
/// `code_point`; returns its length in bytes, or 0 when the bytes there are not valid UTF-8.
unsigned DecodeUtf8(llvm::StringRef text, size_t at, uint32_t& code_point);

/// The kind of `code_point`.
CharacterKind Classify(uint32_t code_point);

/// The Unicode name, in lower case, of a bidi or invisible character; "" for others.
llvm::StringRef CharacterName(uint32_t code_point);

/// The ASCII character a look-alike resembles, or 0.
char LookAlikeOf(uint32_t code_point);

/// `U+XXXX` (at least four hex digits): how messages name a code point.
std::string CodePointName(uint32_t code_point);

/// `text` with every character that is not ordinary (and every byte that is not valid UTF-8)
/// shown as `<U+XXXX>` (a bad byte as `<XX>`), as the source lines of diagnostics show them. Tab
/// and newline are kept.
std::string EscapeForMessage(llvm::StringRef text);

/// The body of a policy string literal holding `text`: `"` and `\` escaped, newline and tab as
/// `\n` and `\t`, every other character that is not ordinary as `\u{XXXX}` (a bad byte as
/// `\x{XX}`): escapes the language refuses (`invalid-escape`), so such text never compiles
/// to a path other than the one shown.
std::string EscapeForPolicyString(llvm::StringRef text);

}  // namespace landlockc::diag

#endif  // LANDLOCKC_COMPILER_DIAG_CHARACTERS_H_
