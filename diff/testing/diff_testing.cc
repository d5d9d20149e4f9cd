// SPDX-License-Identifier: MIT
#include "diff/testing/diff_testing.h"

#include <gtest/gtest.h>

#include "compiler/check/check.h"
#include "diff/output.h"
#include "lint/target.h"
#include "llvm/Support/raw_ostream.h"

namespace landlockc::diff {

std::unique_ptr<CheckedPolicy> CheckText(llvm::StringRef name, llvm::StringRef text) {
  auto checked = std::make_unique<CheckedPolicy>();
  checked->policy = check::CheckSource(name, text, check::Options{}, checked->diags);
  if (!checked->policy) {
    std::string rendered;
    llvm::raw_string_ostream os(rendered);
    checked->diags.Render(os, /*colors=*/false);
    ADD_FAILURE() << "policy `" << name.str() << "` does not compile:\n" << os.str();
  }
  return checked;
}

Report CompareTexts(llvm::StringRef old_text, llvm::StringRef new_text, llvm::StringRef target) {
  std::unique_ptr<CheckedPolicy> before = CheckText("old.landlock", old_text);
  std::unique_ptr<CheckedPolicy> after = CheckText("new.landlock", new_text);
  llvm::Expected<lint::Target> parsed = lint::ParseTarget(target);
  if (!parsed) {
    ADD_FAILURE() << llvm::toString(parsed.takeError());
    return {};
  }
  if (!before->policy || !after->policy) return {};
  return Compare(*before->policy, *after->policy, *parsed);
}

std::string Text(const Report& report) {
  std::string text;
  llvm::raw_string_ostream os(text);
  WriteText(report, os);
  return os.str();
}

}  // namespace landlockc::diff
