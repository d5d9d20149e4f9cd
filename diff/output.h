// SPDX-License-Identifier: MIT
// The forms of a diff report: text lines (as compilers print), a JSON document, a markdown table
// for a pull-request comment, and SARIF with the widenings as findings at NEW's grants.
#ifndef LANDLOCKC_DIFF_OUTPUT_H_
#define LANDLOCKC_DIFF_OUTPUT_H_

#include "diff/diff.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::diff {

enum class Format : uint8_t { kText, kJson, kMarkdown, kSarif };

/// `--fail-on`: the lowest difference that makes `diff` exit 1.
enum class FailOn : uint8_t { kWiden, kChange, kNever };

/// 1 when the report holds a difference at or above `fail_on` (narrowing counts as a change),
/// else 0.
int ExitCode(const Report& report, FailOn fail_on);

/// One line per difference (widened, then narrowed, then other changes) and, unless `quiet`, a
/// summary line; nothing at all when the policies allow the same.
void WriteText(const Report& report, llvm::raw_ostream& os, bool quiet = false);

/// The report as JSON, `"version": 1` (docs/diff.md documents every field).
llvm::json::Value ToJson(const Report& report);

/// A markdown table, one row per difference, under a one-line summary.
void WriteMarkdown(const Report& report, llvm::raw_ostream& os);

/// A SARIF 2.1.0 log: one `widened` result per widening, at the first grant in NEW that allows
/// it (the others as related locations), or at NEW's first line when no grant does. URIs are
/// relative to `base_dir` under %SRCROOT% when beneath it.
llvm::json::Value ToSarif(const Report& report, llvm::StringRef base_dir);

/// Writes the report in `format` on `os` (SARIF relative to the current directory); `quiet` drops
/// the text form's summary line.
void WriteReport(const Report& report, Format format, llvm::raw_ostream& os, bool quiet = false);

}  // namespace landlockc::diff

#endif  // LANDLOCKC_DIFF_OUTPUT_H_
