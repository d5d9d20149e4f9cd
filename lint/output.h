// Output formats of `lint` (and `check`): the SourceMgr text form, a JSON document, and SARIF
// 2.1.0 for GitHub code scanning.
#ifndef LANDLOCKC_LINT_OUTPUT_H_
#define LANDLOCKC_LINT_OUTPUT_H_

#include <string>

#include "compiler/diag/diagnostics.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::lint {

enum class Format { kText, kJson, kSarif };

/// Parses `text`, `json` or `sarif`.
llvm::Expected<Format> ParseFormat(llvm::StringRef text);

/// `{"findings": [...]}`: one object per diagnostic of every engine, in order, with file, line,
/// column, end_line, end_column, severity, id, message and notes.
llvm::json::Value ToJson(llvm::ArrayRef<const diag::DiagnosticEngine*> engines);

/// A SARIF 2.1.0 log with one run: the tool with every lint rule and compiler diagnostic as a
/// rule, and one result per diagnostic. Artifact URIs are relative to `base_dir` (the current
/// directory) under uriBaseId `%SRCROOT%` when the file lies beneath it, else absolute `file:`
/// URIs.
llvm::json::Value ToSarif(llvm::ArrayRef<const diag::DiagnosticEngine*> engines,
                          llvm::StringRef base_dir);

/// Writes the diagnostics of every engine in `format`: text (with colors when `colors`), or one
/// JSON or SARIF document, pretty-printed, relative to the current directory.
void WriteDiagnostics(llvm::ArrayRef<const diag::DiagnosticEngine*> engines, Format format,
                      llvm::raw_ostream& os, bool colors);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_OUTPUT_H_
