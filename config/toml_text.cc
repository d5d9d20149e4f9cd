// SPDX-License-Identifier: MIT
#include "config/toml_text.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FormatVariadic.h"

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

// toml++ 3.3 (Debian 12) asks whether a character is whitespace outside strings, after a
// line-ending backslash in a multi-line string and on the way to some errors, and for U+00A1 to
// U+0499, U+2C5E to U+3057 (but U+3000) and U+FB26 to U+FEFE its generated answer reaches
// `__builtin_unreachable()` (the landlockconfig and config fuzz targets found it). It answers
// characters past the BMP at its first comparison. So toml++ reads a copy of the text in which
// each distinct character of the BMP outside ASCII is a stand-in past the BMP that the text does
// not otherwise hold: none is whitespace to toml++, as none is to TOML, whose whitespace is the
// space and the tab. Lines and columns count characters, so they stay the same. The strings, keys
// and error read from the copy get the characters back.
class StandIns {
 public:
  /// Chooses stand-ins for the characters of `text`; false when the text holds so many characters
  /// past the BMP that too few are left.
  bool Choose(llvm::StringRef text);
  bool empty() const { return stand_in_of_.empty(); }
  /// `text` with each character replaced by its stand-in (a leading byte order mark kept: toml++
  /// skips it before reading).
  std::string Substitute(llvm::StringRef text) const;
  /// `text` read from the copy, with each stand-in replaced by its character.
  std::string Restore(llvm::StringRef text) const;
  /// The same for an error's description, which toml++ may also spell `\UXXXXXXXX`.
  std::string RestoreDescription(llvm::StringRef description) const;
  /// Restores every key and string of `table`, at any depth.
  void RestoreIn(toml::table& table) const;

 private:
  // Calls `on(at, code_point, length)` for each character of `text` outside ASCII, and
  // `on(at, 0, 1)` for every other byte (ASCII, or ill-formed UTF-8, which toml++ refuses).
  template <typename OnCharacter>
  static void ForEachCharacter(llvm::StringRef text, OnCharacter on);
  // Whether `at` starts the byte order mark that toml++ skips before reading.
  static bool IsLeadingByteOrderMark(llvm::StringRef text, size_t at);
  static void AppendUtf8(uint32_t code_point, std::string& out);
  void RestoreIn(toml::node& node) const;

  llvm::DenseMap<uint32_t, uint32_t> stand_in_of_;
  llvm::DenseMap<uint32_t, uint32_t> character_of_;
};

constexpr uint32_t kFirstPastTheBmp = 0x10000, kLastCodePoint = 0x10FFFF;
constexpr llvm::StringLiteral kByteOrderMark = "\xEF\xBB\xBF";

template <typename OnCharacter>
void StandIns::ForEachCharacter(llvm::StringRef text, OnCharacter on) {
  for (size_t at = 0; at < text.size();) {
    auto* begin = reinterpret_cast<const llvm::UTF8*>(text.data() + at);
    const llvm::UTF8* end = begin;
    llvm::UTF32 code_point = 0;
    const unsigned length = llvm::getNumBytesForUTF8(*begin);
    if (length > 1 && length <= text.size() - at &&
        llvm::convertUTF8Sequence(&end, begin + length, &code_point, llvm::strictConversion) ==
            llvm::conversionOK) {
      on(at, code_point, length);
      at += length;
    } else {
      on(at, 0, 1);
      ++at;
    }
  }
}

bool StandIns::IsLeadingByteOrderMark(llvm::StringRef text, size_t at) {
  return at == 0 && text.startswith(kByteOrderMark);
}

void StandIns::AppendUtf8(uint32_t code_point, std::string& out) {
  char bytes[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
  char* end = bytes;
  llvm::ConvertCodePointToUTF8(code_point, end);
  out.append(bytes, end);
}

bool StandIns::Choose(llvm::StringRef text) {
  // The characters past the BMP that the text holds, and those its `\U` escapes name (a stand-in
  // must not be one of them, or the restored strings would change them too).
  llvm::DenseSet<uint32_t> taken;
  llvm::SetVector<uint32_t> to_replace;
  ForEachCharacter(text, [&](size_t at, uint32_t code_point, unsigned) {
    if (code_point >= kFirstPastTheBmp)
      taken.insert(code_point);
    else if (code_point != 0 && !IsLeadingByteOrderMark(text, at))
      to_replace.insert(code_point);
  });
  if (to_replace.empty()) return true;
  for (size_t at = text.find("\\U"); at != llvm::StringRef::npos; at = text.find("\\U", at + 1)) {
    uint32_t named = 0;
    if (!text.substr(at + 2, 8).getAsInteger(16, named)) taken.insert(named);
  }
  uint32_t next = kFirstPastTheBmp;
  for (uint32_t character : to_replace) {
    while (next <= kLastCodePoint && taken.contains(next)) ++next;
    if (next > kLastCodePoint) return false;
    stand_in_of_[character] = next;
    character_of_[next] = character;
    ++next;
  }
  return true;
}

std::string StandIns::Substitute(llvm::StringRef text) const {
  std::string copy;
  copy.reserve(text.size() + text.size() / 2);
  ForEachCharacter(text, [&](size_t at, uint32_t code_point, unsigned length) {
    auto found = stand_in_of_.find(code_point);
    if (found != stand_in_of_.end() && !IsLeadingByteOrderMark(text, at))
      AppendUtf8(found->second, copy);
    else
      copy += text.substr(at, length);
  });
  return copy;
}

std::string StandIns::Restore(llvm::StringRef text) const {
  std::string restored;
  restored.reserve(text.size());
  ForEachCharacter(text, [&](size_t at, uint32_t code_point, unsigned length) {
    auto found = character_of_.find(code_point);
    if (found != character_of_.end())
      AppendUtf8(found->second, restored);
    else
      restored += text.substr(at, length);
  });
  return restored;
}

std::string StandIns::RestoreDescription(llvm::StringRef description) const {
  // toml++ spells a character outside ASCII `\uXXXX` or `\UXXXXXXXX`, in upper-case hexadecimal.
  std::string restored = Restore(description);
  for (const auto& [stand_in, character] : character_of_) {
    const std::string spelt = llvm::formatv("\\U{0:X-8}", stand_in).str();
    const std::string original = llvm::formatv("\\u{0:X-4}", character).str();
    for (size_t at = restored.find(spelt); at != std::string::npos;
         at = restored.find(spelt, at + original.size()))
      restored.replace(at, spelt.size(), original);
  }
  return restored;
}

void StandIns::RestoreIn(toml::node& node) const {
  if (toml::value<std::string>* string = node.as_string())
    string->get() = Restore(string->get());
  else if (toml::array* array = node.as_array())
    for (toml::node& element : *array) RestoreIn(element);
  else if (toml::table* table = node.as_table())
    RestoreIn(*table);
}

void StandIns::RestoreIn(toml::table& table) const {
  std::vector<toml::key> renamed;
  for (auto&& [key, value] : table) {
    RestoreIn(value);
    if (Restore(key.str()) != key.str()) renamed.push_back(key);
  }
  // A key cannot change in place (the table is a map ordered by key): its value moves to the
  // restored key, which keeps the key's place in the source. No two meet: distinct keys stay
  // distinct, and only the renamed ones held stand-ins.
  for (const toml::key& key : renamed) {
    table.insert(toml::key(Restore(key.str()), key.source()), std::move(*table.get(key.str())));
    table.erase(key.str());
  }
}

}  // namespace

toml::parse_result ParseToml(llvm::StringRef text, llvm::StringRef path) {
  const std::string_view source_path(path.data(), path.size());
  StandIns stand_ins;
  if (!stand_ins.Choose(text))
    return toml::parse_result(toml::parse_error(
        "the text holds too many distinct characters past U+FFFF for toml++ 3.3 to read it",
        toml::source_position{1, 1}, std::make_shared<const std::string>(source_path)));
  if (stand_ins.empty())
    return toml::parse(std::string_view(text.data(), text.size()), source_path);
  const std::string copy = stand_ins.Substitute(text);
  toml::parse_result parsed = toml::parse(std::string_view(copy), source_path);
  if (!parsed)
    return toml::parse_result(toml::parse_error(
        stand_ins.RestoreDescription(parsed.error().description()), parsed.error().source()));
  stand_ins.RestoreIn(parsed.table());
  return parsed;
}

}  // namespace landlockc::config
