// SPDX-License-Identifier: MIT
#include "compiler/check/paths.h"

#include "compiler/check/location.h"
#include "compiler/model/path_template.h"
#include "llvm/Support/FormatVariadic.h"

namespace landlockc::check {

std::optional<std::string> NormalizePath(llvm::StringRef text, llvm::SMRange range,
                                         diag::DiagnosticEngine& diags) {
  model::NormalizedPath normalized = model::NormalizePathTemplate(text);
  switch (normalized.problem) {
    case model::PathProblem::kNone:
      return std::move(normalized.path);
    case model::PathProblem::kEmpty:
      diags.Report(diag::DiagId::kEmptyPath, range);
      break;
    case model::PathProblem::kRelative: {
      std::vector<diag::Note> notes;
      // The shell expands `~`; a policy path is not seen by a shell.
      if (text == "~" || text.startswith("~/"))
        notes.push_back(
            llvm::formatv("`~` is not expanded here: write `$HOME{0}`", text.drop_front(1)).str());
      const diag::DiagInfo& info = diag::Info(diag::DiagId::kRelativePath);
      diags.Emit(info.severity, info.id, range, llvm::formatv(info.format, Excerpt(text)).str(),
                 std::move(notes));
      break;
    }
    case model::PathProblem::kDotDot:
      diags.Report(diag::DiagId::kDotDotPath, range, Excerpt(text));
      break;
    case model::PathProblem::kInvalid:
      diags.Report(diag::DiagId::kInvalidPath, range, Excerpt(text), normalized.reason);
      break;
    case model::PathProblem::kTooLong:
      diags.Report(diag::DiagId::kPathTooLong, range, std::to_string(normalized.path.size()),
                   std::to_string(model::kMaxPathLength));
      break;
  }
  return std::nullopt;
}

}  // namespace landlockc::check
