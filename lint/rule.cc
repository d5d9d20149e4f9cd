// SPDX-License-Identifier: MIT
#include "lint/rule.h"

#include <algorithm>
#include <string_view>

namespace landlockc::lint {

static_assert(std::string_view(TextWithAbi("(ABI # and later)", 4).text) == "(ABI 4 and later)");
static_assert(std::string_view(TextWithAbi("ABI #", 10).text) == "ABI 10");

int RuleContext::ConsideredAbi() const { return std::min(target.abi, policy.abi); }

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
