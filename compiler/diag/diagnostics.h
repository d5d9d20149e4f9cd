// SPDX-License-Identifier: MIT
// Compiler diagnostics: the registry of ids and an engine that collects and renders them in the
// LLVM SourceMgr style (`file:line:col: error: message [id]`, source line, caret).
#ifndef LANDLOCKC_COMPILER_DIAG_DIAGNOSTICS_H_
#define LANDLOCKC_COMPILER_DIAG_DIAGNOSTICS_H_

#include <algorithm>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::diag {

enum class Severity : uint8_t { kError, kWarning, kNote };

/// The lower-case word a severity is printed as ("error", "warning", "note").
const char* SeverityName(Severity severity);

enum class DiagId : uint16_t {
#define LANDLOCKC_DIAG(Enum, Id, Severity, Format) Enum,
#include "compiler/diag/diagnostics.def"
};

/// A registry entry: stable id, severity and message format.
struct DiagInfo {
  DiagId diag_id;
  const char* id;
  Severity severity;
  const char* format;
};

/// The registry entry of `id`.
const DiagInfo& Info(DiagId id);

/// Every registered compiler diagnostic, in registry order.
llvm::ArrayRef<DiagInfo> AllDiagnostics();

/// A note attached to a diagnostic, pointing at a related place (`range`) or, with an invalid
/// range, at none. The engine resolves the location fields when the note is reported.
struct Note {
  /// A note without a location converts from its text (a string, literal or formatv result).
  // enable_if, not a C++20 constraint: this header stays C++17 for the units that include LLVM 14's
  // JSON.h (convert/CMakeLists.txt), which clang cannot compile as C++20.
  template <typename Text, std::enable_if_t<std::is_constructible_v<std::string, Text>, int> = 0>
  Note(Text&& text, llvm::SMRange where = llvm::SMRange())
      : message(std::forward<Text>(text)), range(where) {}

  std::string message;
  llvm::SMRange range;
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  unsigned end_line = 0;
  unsigned end_column = 0;

  /// Same message at the same place (the resolved fields follow from the range).
  friend bool operator==(const Note& a, const Note& b) {
    return a.message == b.message && a.range.Start == b.range.Start && a.range.End == b.range.End;
  }
};

/// One reported finding, with its location resolved to file, line and column (1-based).
struct Diagnostic {
  Severity severity = Severity::kError;
  std::string id;
  std::string message;
  llvm::SMRange range;
  /// Printed after the message, each as `file:line:col: note: ...` with its source line and caret,
  /// or as `note: ...` when it has no location.
  std::vector<Note> notes;
  std::string file;
  unsigned line = 0;
  unsigned column = 0;
  unsigned end_line = 0;
  unsigned end_column = 0;
};

/// Collects diagnostics for the buffers of one SourceMgr, in the order reported.
class DiagnosticEngine {
 public:
  explicit DiagnosticEngine(llvm::SourceMgr& source_mgr) : source_mgr_(source_mgr) {}

  /// Reports registered diagnostic `id` at `range`, formatting `args` into its message.
  template <typename... Args>
  void Report(DiagId id, llvm::SMRange range, Args&&... args) {
    const DiagInfo& info = Info(id);
    Emit(info.severity, info.id, range,
         llvm::formatv(info.format, std::forward<Args>(args)...).str());
  }

  /// Reports like Report, but places the diagnostic before the `index`th one reported so far (at
  /// the end when `index` is their count): a step that runs later reporting what belongs at an
  /// earlier point of the order.
  template <typename... Args>
  void ReportAt(size_t index, DiagId id, llvm::SMRange range, Args&&... args) {
    Report(id, range, std::forward<Args>(args)...);
    std::rotate(diagnostics_.begin() + static_cast<std::ptrdiff_t>(index),
                std::prev(diagnostics_.end()), diagnostics_.end());
  }

  /// Reports a finding whose id is not in the compiler registry (lint rules use this).
  void Emit(Severity severity, llvm::StringRef id, llvm::SMRange range, std::string message,
            std::vector<Note> notes = {});

  /// Attaches `note` to the `index`th diagnostic reported (a later phase adding a hint to what an
  /// earlier one found).
  void AddNote(size_t index, Note note);

  /// Number of errors reported so far.
  unsigned error_count() const { return error_count_; }

  /// Every diagnostic reported, in order.
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }

  /// Prints every diagnostic in the SourceMgr text form, with colors when `colors`.
  void Render(llvm::raw_ostream& os, bool colors) const;

  llvm::SourceMgr& source_mgr() const { return source_mgr_; }

 private:
  llvm::SourceMgr& source_mgr_;
  std::vector<Diagnostic> diagnostics_;
  unsigned error_count_ = 0;
};

}  // namespace landlockc::diag

#endif  // LANDLOCKC_COMPILER_DIAG_DIAGNOSTICS_H_
