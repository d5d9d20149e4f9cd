#include "lint/rule.h"

namespace landlockc::lint {

void RuleContext::Report(diag::Severity severity, llvm::SMRange range, llvm::SMRange statement,
                         std::string message, std::vector<diag::Note> notes) const {
  Finding finding;
  finding.id = rule.id;
  finding.severity = severity;
  finding.range = range;
  finding.statement = statement;
  finding.message = std::move(message);
  finding.notes = std::move(notes);
  sink(std::move(finding));
}

}  // namespace landlockc::lint
