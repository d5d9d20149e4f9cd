// SPDX-License-Identifier: MIT
// The check for text that deceives a reviewer, run after the encoding check, on the lexer's tokens
// and before parsing: policies are reviewed in pull requests, and some characters make a reviewer
// read another grant than the one the kernel gets. Which characters deceive is
// compiler/diag/characters.h.
#ifndef LANDLOCKC_COMPILER_PARSE_DECEPTIVE_TEXT_H_
#define LANDLOCKC_COMPILER_PARSE_DECEPTIVE_TEXT_H_

#include "compiler/parse/error_listener.h"
#include "compiler/parse/lexer.h"

namespace landlockc::parse {

/// Reports, each at the exact character of its first occurrence in the text of `tokens` (valid
/// UTF-8, as CheckEncoding ensures): `bidi-control` for a bidirectional control character anywhere
/// (the "Trojan Source" attack, CVE-2021-42574), `zero-width-character` for an invisible character
/// anywhere (a byte-order mark is allowed at the very start), and `confusable-character` for a
/// non-ASCII character that looks like an ASCII one inside a string (where paths are written), and
/// `control-character` for a control character (C0, DEL, C1) in a string or a comment, where the
/// lexer takes it as it is but a reviewer's screen shows it as nothing or obeys it (tab is allowed
/// in a comment).
/// Returns whether the text is free of them and may be parsed.
bool CheckDeceptiveText(const TokenBuffer& tokens, ErrorListener& listener);

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_DECEPTIVE_TEXT_H_
