// SPDX-License-Identifier: MIT
// Collects the diagnostics of the parse phase (lexical, syntax and placement errors) and hands them
// to the DiagnosticEngine in source order, with a cap so garbage input cannot flood the user.
#ifndef LANDLOCKC_COMPILER_PARSE_ERROR_LISTENER_H_
#define LANDLOCKC_COMPILER_PARSE_ERROR_LISTENER_H_

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "BaseErrorListener.h"
#include "compiler/diag/diagnostics.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SMLoc.h"

namespace landlockc::parse {

/// Thrown (after the reason was reported) to stop parsing a file: too many errors, or input the
/// parser must not descend into.
struct ParseAborted {};

/// Receives every parse-phase diagnostic. Also an ANTLR error listener, so anything ANTLR reports
/// on its own arrives here instead of on the console.
class ErrorListener : public antlr4::BaseErrorListener {
 public:
  /// Errors reported for one file before parsing stops.
  static constexpr unsigned kMaxErrors = 20;

  /// Collects diagnostics about `text`, which is buffer `buffer_id` of `diags`' SourceMgr.
  ErrorListener(llvm::StringRef text, unsigned buffer_id, diag::DiagnosticEngine& diags)
      : text_(text), buffer_id_(buffer_id), diags_(diags) {}

  /// Records registered diagnostic `id` at `range`. Throws ParseAborted, after noting it, when
  /// this is one error more than kMaxErrors.
  template <typename... Args>
  void Report(diag::DiagId id, llvm::SMRange range, Args&&... args) {
    Add(id, range, llvm::formatv(diag::Info(id).format, std::forward<Args>(args)...).str(),
        /*syntax=*/false);
  }

  /// Like Report, for a syntax error: dropped when it starts in a quiet span (it is then a
  /// consequence of the lexical error that opened the span).
  template <typename... Args>
  void ReportSyntax(diag::DiagId id, llvm::SMRange range, Args&&... args) {
    Add(id, range, llvm::formatv(diag::Info(id).format, std::forward<Args>(args)...).str(),
        /*syntax=*/true);
  }

  /// Marks text from `start` on as damaged by a lexical error, up to the end of its statement
  /// (set by EndQuietSpan): syntax errors there are its consequences and are not reported.
  void BeginQuietSpan(llvm::SMLoc start);

  /// Ends the open quiet span, if any, at `end` (one past the `;` or `}` ending the statement).
  void EndQuietSpan(llvm::SMLoc end);

  /// Whether an error (reported, or dropped as the consequence of another) lies anywhere from
  /// the start of `range` to its end, inclusive: a missing `;` is reported just past a
  /// statement's last token. Token-set matches such as `fs | net | scope` leave no error node in
  /// the parse tree for a token the parser made up, so the AST builder asks this as well.
  bool IsDamaged(llvm::SMRange range) const;

  /// Number of errors recorded so far.
  unsigned error_count() const { return error_count_; }

  /// Hands the recorded diagnostics to the engine, in source order (the cap note last).
  void Flush();

  /// ANTLR's own reports (the grammar's strategy reports through Report instead).
  void syntaxError(antlr4::Recognizer* recognizer, antlr4::Token* offending_symbol, size_t line,
                   size_t char_position_in_line, const std::string& message,
                   std::exception_ptr error) override;

 private:
  struct Pending {
    diag::DiagId id;
    llvm::SMRange range;
    std::string message;
  };

  void Add(diag::DiagId id, llvm::SMRange range, std::string message, bool syntax);
  bool IsQuiet(llvm::SMLoc loc) const;

  llvm::StringRef text_;
  unsigned buffer_id_;
  diag::DiagnosticEngine& diags_;
  std::vector<Pending> pending_;
  std::vector<std::pair<const char*, const char*>> quiet_spans_;
  /// Ranges of every error, by start.
  std::set<std::pair<const char*, const char*>> damaged_;
  bool quiet_span_open_ = false;
  unsigned error_count_ = 0;
  bool aborted_ = false;
};

}  // namespace landlockc::parse

#endif  // LANDLOCKC_COMPILER_PARSE_ERROR_LISTENER_H_
