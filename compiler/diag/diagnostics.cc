#include "compiler/diag/diagnostics.h"

#include <cassert>

#include "llvm/ADT/STLExtras.h"
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

bool IsAscii(llvm::StringRef line) {
  return llvm::all_of(line, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The column at which byte `offset` of `line` is displayed: one per character (UTF-8 continuation
// bytes take none), a tab to the next multiple of 8, as LLVM expands it.
unsigned DisplayColumn(llvm::StringRef line, size_t offset) {
  unsigned column = 0;
  for (char c : line.take_front(offset)) {
    if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    column = c == '\t' ? (column / 8 + 1) * 8 : column + 1;
  }
  return column;
}

// LLVM prints no caret under a source line holding any non-ASCII byte (a comment with an accent
// or a dash would hide every caret on its line), so such a line is printed here, in the same
// layout, with its columns counted in characters.
void PrintNonAsciiLine(const llvm::SMDiagnostic& message, llvm::raw_ostream& os, bool colors) {
  std::string location = message.getFilename() == "-" ? "<stdin>" : message.getFilename().str();
  location +=
      ":" + std::to_string(message.getLineNo()) + ":" + std::to_string(message.getColumnNo() + 1);
  llvm::SMDiagnostic(location, message.getKind(), message.getMessage()).print(nullptr, os, colors);
  llvm::StringRef line = message.getLineContents();
  std::string shown;
  for (char c : line)
    shown += c == '\t' ? std::string(8 - DisplayColumn(shown, shown.size()) % 8, ' ')
                       : std::string(1, c);
  std::string carets(DisplayColumn(line, line.size()) + 1, ' ');
  for (const std::pair<unsigned, unsigned>& range : message.getRanges())
    for (unsigned column = DisplayColumn(line, range.first);
         column < DisplayColumn(line, range.second); ++column)
      carets[column] = '~';
  carets[DisplayColumn(line, message.getColumnNo())] = '^';
  carets.erase(carets.find_last_not_of(' ') + 1);
  os << shown << '\n';
  llvm::WithColor(os, llvm::raw_ostream::GREEN, /*Bold=*/true, /*BG=*/false,
                  colors ? llvm::ColorMode::Auto : llvm::ColorMode::Disable)
      << carets << '\n';
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
                            std::string message, std::vector<std::string> notes) {
  Diagnostic diagnostic;
  diagnostic.severity = severity;
  diagnostic.id = id.str();
  diagnostic.message = std::move(message);
  diagnostic.range = range;
  diagnostic.notes = std::move(notes);
  if (range.Start.isValid()) {
    unsigned buffer = source_mgr_.FindBufferContainingLoc(range.Start);
    if (buffer != 0) {
      diagnostic.file = source_mgr_.getMemoryBuffer(buffer)->getBufferIdentifier().str();
      std::tie(diagnostic.line, diagnostic.column) =
          source_mgr_.getLineAndColumn(range.Start, buffer);
      llvm::SMLoc end = range.End.isValid() ? range.End : range.Start;
      std::tie(diagnostic.end_line, diagnostic.end_column) =
          source_mgr_.getLineAndColumn(end, buffer);
    }
  }
  if (severity == Severity::kError) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
}

void DiagnosticEngine::Render(llvm::raw_ostream& os, bool colors) const {
  for (const Diagnostic& diagnostic : diagnostics_) {
    std::string text = diagnostic.message + " [" + diagnostic.id + "]";
    llvm::SMDiagnostic rendered =
        diagnostic.range.Start.isValid()
            ? source_mgr_.GetMessage(diagnostic.range.Start, KindOf(diagnostic.severity), text,
                                     diagnostic.range)
            : llvm::SMDiagnostic(diagnostic.file, KindOf(diagnostic.severity), text);
    if (rendered.getLineNo() > 0 && !IsAscii(rendered.getLineContents()))
      PrintNonAsciiLine(rendered, os, colors);
    else
      rendered.print(nullptr, os, colors);
    for (const std::string& note : diagnostic.notes)
      llvm::SMDiagnostic(diagnostic.file, llvm::SourceMgr::DK_Note, note)
          .print(nullptr, os, colors);
  }
}

}  // namespace landlockc::diag
