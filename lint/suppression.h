// SPDX-License-Identifier: MIT
// Inline suppression: `# lint:ignore ID[,ID...] [reason]` at the end of a statement's line, or
// alone on the line directly above the statement, silences those ids for findings on it.
#ifndef LANDLOCKC_LINT_SUPPRESSION_H_
#define LANDLOCKC_LINT_SUPPRESSION_H_

#include <string>
#include <vector>

#include "lint/rule.h"
#include "llvm/Support/SMLoc.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::lint {

/// One `# lint:ignore` comment.
struct IgnoreComment {
  unsigned buffer = 0;
  unsigned line = 0;
  /// Alone on its line: applies to the statement that starts on the next line.
  bool standalone = false;
  /// The ids as written (none for a bare `# lint:ignore`), and whether each silenced a finding.
  std::vector<std::string> ids;
  std::vector<bool> used;
  /// The comment text, from `#` to the end of the line.
  llvm::SMRange range;
};

/// Every ignore comment of the sources, and which of them silenced something.
class Suppressions {
 public:
  /// Reads the comments of every buffer of `source_mgr`.
  explicit Suppressions(const llvm::SourceMgr& source_mgr);

  /// True when an ignore comment names the finding's id on its statement; marks that id used.
  bool Silences(const Finding& finding);

  const std::vector<IgnoreComment>& comments() const { return comments_; }

 private:
  void ScanBuffer(unsigned buffer);

  const llvm::SourceMgr& source_mgr_;
  std::vector<IgnoreComment> comments_;
};

}  // namespace landlockc::lint

#endif  // LANDLOCKC_LINT_SUPPRESSION_H_
