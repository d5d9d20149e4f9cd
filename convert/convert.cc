// SPDX-License-Identifier: MIT
#include "convert/convert.h"

#include <cassert>

#include "convert/from_policy.h"
#include "convert/read_landlockconfig.h"
#include "convert/to_source.h"
#include "convert/write_landlockconfig.h"
#include "llvm/Support/Regex.h"

namespace landlockc::convert {
namespace {

Syntax SyntaxOf(Target target) {
  return target == Target::kLandlockconfigToml ? Syntax::kToml : Syntax::kJson;
}

}  // namespace

Form DetectForm(llvm::StringRef contents) {
  // Both languages comment with `#`: the first line that is not a comment decides.
  static const llvm::Regex kTomlLine(
      "^(\\[|[A-Za-z0-9_\"'.-]+[[:space:]]*=|[A-Za-z0-9_-]+[[:space:]]*\\.)");
  llvm::StringRef rest = contents;
  while (!rest.empty()) {
    llvm::StringRef line;
    std::tie(line, rest) = rest.split('\n');
    line = line.trim();
    if (line.empty() || line.startswith("#")) continue;
    if (line.startswith("{")) return Form::kLandlockconfigJson;
    return kTomlLine.match(line) ? Form::kLandlockconfigToml : Form::kPolicySource;
  }
  return Form::kPolicySource;
}

std::optional<std::string> ConvertLandlockconfig(unsigned buffer_id, Form form, Target target,
                                                 bool lossy, diag::DiagnosticEngine& diags) {
  assert(form == Form::kLandlockconfigJson || form == Form::kLandlockconfigToml);
  std::optional<Document> document = ReadLandlockconfig(
      buffer_id, form == Form::kLandlockconfigToml ? Syntax::kToml : Syntax::kJson, diags);
  if (!document) return std::nullopt;
  if (target == Target::kLandlock) return LandlockconfigToSource(*document, lossy, diags);
  return WriteLandlockconfig(*document, SyntaxOf(target));
}

std::optional<std::string> ConvertPolicy(const model::Policy& policy, Target target, bool lossy,
                                         diag::DiagnosticEngine& diags) {
  assert(target != Target::kLandlock);
  std::optional<Document> document = PolicyToLandlockconfig(policy, lossy, diags);
  if (!document) return std::nullopt;
  return WriteLandlockconfig(*document, SyntaxOf(target));
}

}  // namespace landlockc::convert
