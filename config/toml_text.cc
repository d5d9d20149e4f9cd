// SPDX-License-Identifier: MIT
#include "config/toml_text.h"

#include <algorithm>
#include <string_view>

namespace landlockc::config {
namespace {

// The length of the run of `quote` at the start of `text`.
size_t QuoteRun(llvm::StringRef text, char quote) {
  return std::min(text.find_first_not_of(quote), text.size());
}

}  // namespace

const char* NonAsciiOutsideStrings(llvm::StringRef text) {
  enum class In { kCode, kComment, kBasic, kLiteral, kMultiLineBasic, kMultiLineLiteral };
  In in = In::kCode;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const llvm::StringRef rest = text.substr(i);
    switch (in) {
      case In::kCode:
        if (static_cast<unsigned char>(c) >= 0x80) return text.data() + i;
        if (c == '#') {
          in = In::kComment;
        } else if (c == '"' || c == '\'') {
          const bool multi_line = QuoteRun(rest, c) >= 3;
          if (multi_line) i += 2;
          in = c == '"' ? (multi_line ? In::kMultiLineBasic : In::kBasic)
                        : (multi_line ? In::kMultiLineLiteral : In::kLiteral);
        }
        break;
      case In::kComment:
        if (c == '\n') in = In::kCode;
        break;
      case In::kBasic:
        if (c == '\\')
          ++i;
        else if (c == '"' || c == '\n')
          in = In::kCode;
        break;
      case In::kLiteral:
        if (c == '\'' || c == '\n') in = In::kCode;
        break;
      case In::kMultiLineBasic:
      case In::kMultiLineLiteral: {
        const char quote = in == In::kMultiLineBasic ? '"' : '\'';
        if (c == '\\' && in == In::kMultiLineBasic) {
          ++i;
        } else if (size_t run = QuoteRun(rest, quote); run >= 3) {
          // Up to two quotes before the closing three belong to the string.
          i += std::min<size_t>(run, 5) - 1;
          in = In::kCode;
        }
        break;
      }
    }
  }
  return nullptr;
}

namespace {

// toml++ 3.3 (Debian 12) reaches __builtin_unreachable() when it asks whether a character of
// U+00A1..U+0499 or U+FBA6..U+FEFE is whitespace, which it does outside strings and on the way to
// some syntax errors (found by tests/fuzz/landlockconfig_fuzzer.cc). So a copy of the text, with
// each of those replaced by a character of the same UTF-8 length that toml++ handles (U+05D0,
// U+4E00), is parsed first; the text itself only once the copy parses, which puts them in strings
// and comments, where toml++ reads them without asking. Offsets, lines and columns are the same.
std::string WithoutUnreachableCharacters(llvm::StringRef text) {
  std::string copy = text.str();
  auto continuation = [&](size_t at) {
    return at < copy.size() && (static_cast<unsigned char>(copy[at]) & 0xC0) == 0x80;
  };
  for (size_t i = 0; i < copy.size(); ++i) {
    const unsigned lead = static_cast<unsigned char>(copy[i]);
    if (lead >= 0xC2 && lead <= 0xDF && continuation(i + 1)) {
      const unsigned code = (lead & 0x1F) << 6 | (static_cast<unsigned char>(copy[i + 1]) & 0x3F);
      if (code >= 0xA1 && code <= 0x499) copy.replace(i, 2, "\xD7\x90");
      i += 1;
    } else if (lead == 0xEF && continuation(i + 1) && continuation(i + 2)) {
      const unsigned code = (static_cast<unsigned char>(copy[i + 1]) & 0x3F) << 6 |
                            (static_cast<unsigned char>(copy[i + 2]) & 0x3F) | 0xF000;
      if (code >= 0xFBA6 && code <= 0xFEFE) copy.replace(i, 3, "\xE4\xB8\x80");
      i += 2;
    }
  }
  return copy;
}

}  // namespace

toml::parse_result ParseToml(llvm::StringRef text, llvm::StringRef path) {
  const std::string checked = WithoutUnreachableCharacters(text);
  const std::string_view source_path(path.data(), path.size());
  toml::parse_result parsed = toml::parse(std::string_view(checked), source_path);
  if (parsed && checked != text)
    parsed = toml::parse(std::string_view(text.data(), text.size()), source_path);
  return parsed;
}

}  // namespace landlockc::config
