// SPDX-License-Identifier: MIT
#include "compiler/diag/diagnostics.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "compiler/diag/characters.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/WithColor.h"

namespace landlockc::diag {
namespace {

constexpr DiagInfo kRegistry[] = {
#define LANDLOCKC_DIAG(Enum, Id, Sev, Format) {DiagId::Enum, Id, Severity::Sev, Format},
#include "compiler/diag/diagnostics.def"
};

llvm::SourceMgr::DiagKind KindOf(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return llvm::SourceMgr::DK_Error;
    case Severity::kWarning:
      return llvm::SourceMgr::DK_Warning;
    case Severity::kNote:
      return llvm::SourceMgr::DK_Note;
  }
  return llvm::SourceMgr::DK_Error;
}

bool IsPrintableAscii(char c) { return c == '\t' || (c >= 0x20 && c < 0x7f); }

// The text shown for `bytes` bytes of a source line and the columns it takes.
struct ShownCharacter {
  std::string text;
  unsigned width;
  size_t bytes;
};

std::string Hex(unsigned value, unsigned digits) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << llvm::format_hex_no_prefix(value, digits, /*Upper=*/true);
  return os.str();
}

// The character at `offset` of `line`, shown at `column`: a tab as spaces up to the next multiple
// of 8 (as LLVM expands it), a UTF-8 character as itself in one column, and what a terminal would
// act on instead of showing, or a reader would misread, spelled out: control characters
// (`<U+001B>`), bidi, invisible and look-alike characters (`<U+202E>`), bytes that are not UTF-8
// (`<E9>`).
ShownCharacter ShowCharacter(llvm::StringRef line, size_t offset, unsigned column) {
  auto byte = static_cast<unsigned char>(line[offset]);
  if (byte == '\t') {
    unsigned width = 8 - column % 8;
    return {std::string(width, ' '), width, 1};
  }
  if (IsPrintableAscii(static_cast<char>(byte)))
    return {std::string(1, static_cast<char>(byte)), 1, 1};
  if (byte < 0x80) return {"<U+" + Hex(byte, 4) + ">", 8, 1};
  const auto* start = reinterpret_cast<const llvm::UTF8*>(line.data() + offset);
  size_t length = llvm::getNumBytesForUTF8(byte);
  if (offset + length > line.size() || !llvm::isLegalUTF8Sequence(start, start + length))
    return {"<" + Hex(byte, 2) + ">", 4, 1};
  llvm::UTF32 code_point = 0;
  llvm::UTF32* target = &code_point;
  llvm::ConvertUTF8toUTF32(&start, start + length, &target, target + 1, llvm::strictConversion);
  // C1 controls, and the characters that deceive a reader (characters.h): bidi controls,
  // invisible characters and look-alikes.
  if (Classify(code_point) != CharacterKind::kOrdinary) {
    std::string shown = "<" + CodePointName(code_point) + ">";
    auto width = static_cast<unsigned>(shown.size());
    return {std::move(shown), width, length};
  }
  return {line.substr(offset, length).str(), 1, length};
}

// LLVM prints no caret under a source line holding any non-ASCII byte (a comment with an accent
// or a dash would hide every caret on its line) and prints control characters raw, so such a line
// is printed here, in the same layout, with its columns counted in shown characters.
void PrintSpecialLine(const llvm::SMDiagnostic& message, llvm::raw_ostream& os, bool colors) {
  std::string location = message.getFilename() == "-" ? "<stdin>" : message.getFilename().str();
  location +=
      ":" + std::to_string(message.getLineNo()) + ":" + std::to_string(message.getColumnNo() + 1);
  llvm::SMDiagnostic(location, message.getKind(), message.getMessage()).print(nullptr, os, colors);
  llvm::StringRef line = message.getLineContents();
  std::string shown;
  // The column of each byte offset; the bytes inside a character share its column.
  std::vector<unsigned> columns(line.size() + 1, 0);
  unsigned column = 0;
  for (size_t offset = 0; offset < line.size();) {
    ShownCharacter character = ShowCharacter(line, offset, column);
    std::fill_n(columns.begin() + offset, character.bytes, column);
    shown += character.text;
    column += character.width;
    offset += character.bytes;
  }
  columns[line.size()] = column;
  std::string carets(column + 1, ' ');
  for (const std::pair<unsigned, unsigned>& range : message.getRanges())
    std::fill(carets.begin() + columns[range.first], carets.begin() + columns[range.second], '~');
  carets[columns[message.getColumnNo()]] = '^';
  carets.erase(carets.find_last_not_of(' ') + 1);
  os << shown << '\n';
  llvm::WithColor(os, llvm::raw_ostream::GREEN, /*Bold=*/true, /*BG=*/false,
                  colors ? llvm::ColorMode::Auto : llvm::ColorMode::Disable)
      << carets << '\n';
}

// Fills the file, line and column fields of `located` (a Diagnostic or a Note) from `range`.
template <typename Located>
void Resolve(const llvm::SourceMgr& source_mgr, llvm::SMRange range, Located& located) {
  if (!range.Start.isValid()) return;
  unsigned buffer = source_mgr.FindBufferContainingLoc(range.Start);
  if (buffer == 0) return;
  located.file = source_mgr.getMemoryBuffer(buffer)->getBufferIdentifier().str();
  std::tie(located.line, located.column) = source_mgr.getLineAndColumn(range.Start, buffer);
  llvm::SMLoc end = range.End.isValid() ? range.End : range.Start;
  std::tie(located.end_line, located.end_column) = source_mgr.getLineAndColumn(end, buffer);
}

// Prints one message the SourceMgr way: `file:line:col: kind: text`, the source line and a caret
// when `range` is in a buffer, else `file: kind: text` (no prefix when `file` is empty).
void PrintMessage(const llvm::SourceMgr& source_mgr, llvm::raw_ostream& os, bool colors,
                  llvm::SourceMgr::DiagKind kind, llvm::SMRange range, const std::string& file,
                  const std::string& text) {
  llvm::SMDiagnostic rendered = range.Start.isValid()
                                    ? source_mgr.GetMessage(range.Start, kind, text, range)
                                    : llvm::SMDiagnostic(file, kind, text);
  if (rendered.getLineNo() > 0 && !llvm::all_of(rendered.getLineContents(), IsPrintableAscii))
    PrintSpecialLine(rendered, os, colors);
  else
    rendered.print(nullptr, os, colors);
}

}  // namespace

const char* SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kNote:
      return "note";
  }
  return "error";
}

const DiagInfo& Info(DiagId id) {
  const DiagInfo& info = kRegistry[static_cast<size_t>(id)];
  assert(info.diag_id == id);
  return info;
}

llvm::ArrayRef<DiagInfo> AllDiagnostics() { return kRegistry; }

void DiagnosticEngine::Emit(Severity severity, llvm::StringRef id, llvm::SMRange range,
                            std::string message, std::vector<Note> notes) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.id = id.str();
  // Policy text quoted in a message is shown as source lines are: deceptive characters escaped.
  diagnostic.message = EscapeForMessage(message);
  diagnostic.range = range;
  diagnostic.notes = std::move(notes);
  for (Note& note : diagnostic.notes) note.message = EscapeForMessage(note.message);
  Resolve(source_mgr_, range, diagnostic);
  for (Note& note : diagnostic.notes) Resolve(source_mgr_, note.range, note);
  if (severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticEngine::AddNote(size_t index, Note note) {
  Resolve(source_mgr_, note.range, note);
  diagnostics_[index].notes.push_back(std::move(note));
}

void DiagnosticEngine::Render(llvm::raw_ostream& os, bool colors) const {
  for (const Diagnostic& diagnostic : diagnostics_) {
    PrintMessage(source_mgr_, os, colors, KindOf(diagnostic.severity), diagnostic.range,
                 diagnostic.file, diagnostic.message + " [" + diagnostic.id + "]");
    for (const Note& note : diagnostic.notes)
      PrintMessage(source_mgr_, os, colors, llvm::SourceMgr::DK_Note, note.range, note.file,
                   note.message);
  }
}

}  // namespace landlockc::diag
