// SPDX-License-Identifier: MIT
// ErrorListener: source order, the error cap, quiet spans and damaged ranges.
#include "compiler/parse/error_listener.h"

#include <string>

#include "gtest/gtest.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

namespace landlockc::parse {
namespace {

class ErrorListenerTest : public ::testing::Test {
 protected:
  ErrorListenerTest() {
    unsigned id = source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(std::string(100, 'x'), "t.landlock"), llvm::SMLoc());
    text_ = source_mgr_.getMemoryBuffer(id)->getBuffer();
    listener_ = std::make_unique<ErrorListener>(text_, id, diags_);
  }

  llvm::SMLoc At(size_t offset) const { return llvm::SMLoc::getFromPointer(text_.data() + offset); }
  llvm::SMRange Range(size_t start, size_t end) const { return llvm::SMRange(At(start), At(end)); }
  // Reports "unexpected `what`" as a syntax error.
  void Syntax(size_t start, size_t end, const std::string& what) {
    listener_->ReportSyntax(diag::DiagId::kUnexpectedToken, Range(start, end), "`" + what + "`");
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
  llvm::StringRef text_;
  std::unique_ptr<ErrorListener> listener_;
};

TEST_F(ErrorListenerTest, FlushEmitsInSourceOrder) {
  Syntax(50, 51, "second");
  Syntax(10, 11, "first");
  EXPECT_TRUE(diags_.diagnostics().empty());
  listener_->Flush();
  ASSERT_EQ(diags_.diagnostics().size(), 2u);
  EXPECT_EQ(diags_.diagnostics()[0].message, "unexpected `first`");
  EXPECT_EQ(diags_.diagnostics()[0].column, 11u);
  EXPECT_EQ(diags_.diagnostics()[1].message, "unexpected `second`");
}

TEST_F(ErrorListenerTest, CapThrowsAndNotesLast) {
  for (unsigned i = 0; i < ErrorListener::kMaxErrors; ++i) Syntax(90 - i, 91 - i, "error");
  EXPECT_THROW(Syntax(95, 96, "one too many"), ParseAborted);
  EXPECT_EQ(listener_->error_count(), ErrorListener::kMaxErrors);
  listener_->Flush();
  ASSERT_EQ(diags_.diagnostics().size(), ErrorListener::kMaxErrors + 1);
  EXPECT_EQ(diags_.diagnostics().front().column, 91u - ErrorListener::kMaxErrors + 1);
  EXPECT_EQ(diags_.diagnostics().back().id, "too-many-errors");
  EXPECT_EQ(diags_.diagnostics().back().column, 96u);
}

TEST_F(ErrorListenerTest, QuietSpanDropsSyntaxErrorsOnly) {
  listener_->BeginQuietSpan(At(20));
  listener_->Report(diag::DiagId::kUnterminatedString, Range(21, 30));
  Syntax(25, 26, "consequence");
  listener_->EndQuietSpan(At(40));
  Syntax(41, 42, "independent");
  listener_->Flush();
  ASSERT_EQ(diags_.diagnostics().size(), 2u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "unterminated-string");
  EXPECT_EQ(diags_.diagnostics()[1].message, "unexpected `independent`");
}

TEST_F(ErrorListenerTest, OpenQuietSpanRunsToTheEnd) {
  listener_->BeginQuietSpan(At(20));
  Syntax(99, 100, "consequence");
  listener_->Flush();
  EXPECT_TRUE(diags_.diagnostics().empty());
}

TEST_F(ErrorListenerTest, DamageCoversErrorsInsideAndAMissingTokenAtTheEnd) {
  Syntax(15, 16, "inside");
  Syntax(30, 30, "missing `;`");
  Syntax(50, 51, "next token");
  EXPECT_TRUE(listener_->IsDamaged(Range(10, 20)));
  EXPECT_TRUE(listener_->IsDamaged(Range(25, 30)));
  EXPECT_FALSE(listener_->IsDamaged(Range(40, 50)));
  EXPECT_FALSE(listener_->IsDamaged(Range(0, 10)));
}

TEST_F(ErrorListenerTest, QuietErrorsStillDamage) {
  listener_->BeginQuietSpan(At(0));
  Syntax(5, 6, "consequence");
  EXPECT_TRUE(listener_->IsDamaged(Range(0, 10)));
}

}  // namespace
}  // namespace landlockc::parse
