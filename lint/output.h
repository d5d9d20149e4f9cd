// SPDX-License-Identifier: MIT
// Output formats of `lint` (and `check`): the SourceMgr text form, a JSON document, and SARIF
// 2.1.0 for GitHub code scanning.
#ifndef LANDLOCKC_LINT_OUTPUT_H_
#define LANDLOCKC_LINT_OUTPUT_H_

#include <string>

#include "compiler/diag/diagnostics.h"
#include "lint/docs_url.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::lint {

enum class Format { kText, kJson, kSarif };

/// Parses `text`, `json` or `sarif`.
llvm::Expected<Format> ParseFormat(llvm::StringRef text);

/// `{"version": 1, "findings": [...]}`: one object per diagnostic of every engine, in order, with
/// file, line, column, end_line, end_column, severity, id, message and notes.
llvm::json::Value ToJson(llvm::ArrayRef<const diag::DiagnosticEngine*> engines);

/// A SARIF 2.1.0 log with one run: the tool with every lint rule and compiler diagnostic as a
/// rule, and one result per diagnostic. Artifact URIs are relative to `base_dir` (the current
/// directory) under uriBaseId `%SRCROOT%` when the file lies beneath it, else absolute `file:`
/// URIs.
llvm::json::Value ToSarif(llvm::ArrayRef<const diag::DiagnosticEngine*> engines,
                          llvm::StringRef base_dir);

/// A SARIF 2.1.0 log of one run of landlockc with `rules` and `results`, URIs relative to
/// `base_dir` under %SRCROOT% (for the other SARIF writers, as ToSarif writes its own).
llvm::json::Object SarifLog(llvm::json::Array rules, llvm::json::Array results,
                            llvm::StringRef base_dir);

/// The SARIF artifactLocation of `file`, as ToSarif writes it (for the other SARIF writers).
llvm::json::Object SarifArtifactLocation(llvm::StringRef file, llvm::StringRef base_dir);

/// How text findings are written.
struct TextOptions {
  bool colors = false;
  /// Findings only: no documentation URL, no summary line.
  bool quiet = false;
};

/// Writes the diagnostics of every engine in `format`: text, or one JSON or SARIF document,
/// pretty-printed, relative to the current directory. Unless quiet, the first text finding of
/// each lint rule ends with a note giving its documentation URL, and a summary line
/// (`2 warnings, 1 note`) follows the findings when there are any.
void WriteDiagnostics(llvm::ArrayRef<const diag::DiagnosticEngine*> engines, Format format,
                      llvm::raw_ostream& os, TextOptions text = {});

/// `{"version": 1, "rules": [...]}`: each lint rule's id, severity, per_target, host_only,
/// summary and url.
llvm::json::Value RulesJson();

/// Every lint rule as a table: id, severity, documentation URL and summary, one rule a line
/// under a header line.
void WriteRuleTable(llvm::raw_ostream& os);

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_OUTPUT_H_
