#include "compiler/diag/diagnostics.h"

#include <cassert>

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
    rendered.print(nullptr, os, colors);
    for (const std::string& note : diagnostic.notes)
      llvm::SMDiagnostic(diagnostic.file, llvm::SourceMgr::DK_Note, note).print(nullptr, os, colors);
  }
}

}  // namespace landlockc::diag
