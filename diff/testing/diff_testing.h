// SPDX-License-Identifier: MIT
// Shared by the diff tests: policies written as source, checked with the real front end, compared
// on a target, and the report rendered.
#ifndef LANDLOCKC_DIFF_TESTING_DIFF_TESTING_H_
#define LANDLOCKC_DIFF_TESTING_DIFF_TESTING_H_

#include <memory>
#include <optional>
#include <string>

#include "compiler/diag/diagnostics.h"
#include "compiler/model/model.h"
#include "diff/diff.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::diff {

/// A checked policy and the sources its locations point into.
struct CheckedPolicy {
  llvm::SourceMgr sources;
  diag::DiagnosticEngine diags{sources};
  std::optional<model::Policy> policy;
};

/// Checks `text` as file `name`; a test failure (with the diagnostics) when it has errors.
std::unique_ptr<CheckedPolicy> CheckText(llvm::StringRef name, llvm::StringRef text);

/// Compares `old_text` (as `old.landlock`) with `new_text` (as `new.landlock`) on `target`.
Report CompareTexts(llvm::StringRef old_text, llvm::StringRef new_text,
                    llvm::StringRef target = "abi:10");

/// The text form of a report.
std::string Text(const Report& report);

}  // namespace landlockc::diff

#endif  // LANDLOCKC_DIFF_TESTING_DIFF_TESTING_H_
