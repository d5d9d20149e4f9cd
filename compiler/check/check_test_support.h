// Shared by the check tests: a SourceMgr and a diagnostic engine, checking text in memory.
#ifndef LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_
#define LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "compiler/check/check.h"
#include "compiler/model/names.h"

namespace landlockc::check {

class CheckTest : public ::testing::Test {
 protected:
  std::optional<model::Policy> Check(llvm::StringRef text, const Options& options = {}) {
    return CheckSource("test.landlock", text, options, diags_);
  }

  /// Checks `text`, which must have no diagnostic at all, and returns its model.
  model::Policy CheckClean(llvm::StringRef text, const Options& options = {}) {
    std::optional<model::Policy> policy = Check(text, options);
    EXPECT_TRUE(diags_.diagnostics().empty()) << Rendered();
    EXPECT_TRUE(policy.has_value());
    return policy.value_or(model::Policy{});
  }

  /// The ids reported so far, in order.
  std::vector<std::string> Ids() const {
    std::vector<std::string> ids;
    for (const diag::Diagnostic& diagnostic : diags_.diagnostics()) ids.push_back(diagnostic.id);
    return ids;
  }

  /// The notes of diagnostic `index`, each as "file:line:col: message" (just the message when it
  /// has no location).
  std::vector<std::string> Notes(size_t index) const {
    std::vector<std::string> notes;
    for (const diag::Note& note : diags_.diagnostics().at(index).notes)
      notes.push_back(note.file.empty() ? note.message
                                        : note.file + ":" + std::to_string(note.line) + ":" +
                                              std::to_string(note.column) + ": " + note.message);
    return notes;
  }

  std::string Rendered() const {
    std::string text;
    llvm::raw_string_ostream os(text);
    diags_.Render(os, /*colors=*/false);
    return os.str();
  }

  static std::vector<llvm::StringRef> Names(abi::Category category, uint64_t mask) {
    return model::RightNames(category, mask);
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
};

}  // namespace landlockc::check

#endif  // LANDLOCKC_COMPILER_CHECK_CHECK_TEST_SUPPORT_H_
