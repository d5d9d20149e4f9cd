// SPDX-License-Identifier: MIT
#include "compiler/check/symbols.h"

#include <gtest/gtest.h>

#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::check {
namespace {

class SymbolsTest : public ::testing::Test {
 protected:
  SymbolsTest() {
    source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBuffer("let ro = read;\nlet ro = read;\n", "s.landlock"),
        llvm::SMLoc());
  }
  // The identifier `name` at offset `offset` of the buffer.
  ast::Ident At(std::string name, size_t offset) {
    const char* start = source_mgr_.getMemoryBuffer(1)->getBufferStart() + offset;
    return {std::move(name), llvm::SMRange(llvm::SMLoc::getFromPointer(start),
                                           llvm::SMLoc::getFromPointer(start + 2))};
  }
  Symbol Of(SymbolKind kind) {
    Symbol symbol;
    symbol.kind = kind;
    return symbol;
  }

  llvm::SourceMgr source_mgr_;
  diag::DiagnosticEngine diags_{source_mgr_};
  SymbolTable symbols_;
};

TEST_F(SymbolsTest, DefineAndFind) {
  EXPECT_TRUE(symbols_.Define(At("ro", 4), Of(SymbolKind::kPaths), diags_));
  const Symbol* found = symbols_.Find("ro");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->kind, SymbolKind::kPaths);
  EXPECT_EQ(symbols_.Find("rw"), nullptr);
}

TEST_F(SymbolsTest, RedefinitionNotesTheFirst) {
  EXPECT_TRUE(symbols_.Define(At("ro", 4), Of(SymbolKind::kRights), diags_));
  EXPECT_FALSE(symbols_.Define(At("ro", 19), Of(SymbolKind::kRules), diags_));
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  const diag::Diagnostic& error = diags_.diagnostics()[0];
  EXPECT_EQ(error.id, "redefinition");
  EXPECT_EQ(error.line, 2u);
  EXPECT_EQ(error.message, "`ro` is already defined");
  ASSERT_EQ(error.notes.size(), 1u);
  EXPECT_EQ(error.notes[0].message, "`ro` is first defined here");
  EXPECT_EQ(error.notes[0].file, "s.landlock");
  EXPECT_EQ(error.notes[0].line, 1u);
  EXPECT_EQ(error.notes[0].column, 5u);
  EXPECT_EQ(symbols_.Find("ro")->kind, SymbolKind::kRights);
}

TEST_F(SymbolsTest, PredefinedNamesCannotBeRedefined) {
  for (const char* name : {"read", "execute", "tcp", "all", "none", "signal"}) {
    EXPECT_TRUE(SymbolTable::IsPredefined(name)) << name;
    EXPECT_FALSE(symbols_.Define(At(name, 4), Of(SymbolKind::kRights), diags_));
  }
  EXPECT_FALSE(SymbolTable::IsPredefined("site"));
  ASSERT_EQ(diags_.diagnostics().size(), 6u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "predefined-redefinition");
  EXPECT_EQ(diags_.diagnostics()[0].message, "`read` is predefined and cannot be redefined");
}

TEST_F(SymbolsTest, UnknownSuggestsNamesOfTheKind) {
  symbols_.Define(At("sites", 4), Of(SymbolKind::kPaths), diags_);
  symbols_.Define(At("sitez", 4), Of(SymbolKind::kPorts), diags_);
  symbols_.ReportUnknown(diag::DiagId::kUnknownName, "sitex", At("sitex", 4).range,
                         SymbolKind::kPorts, {}, diags_);
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].message, "unknown name `sitex`; did you mean `sitez`?");
}

TEST_F(SymbolsTest, UnknownNotesALaterDefinition) {
  symbols_.Announce(At("ro", 19));
  symbols_.ReportUnknown(diag::DiagId::kUnknownName, "ro", At("ro", 4).range, SymbolKind::kRights,
                         {"read"}, diags_);
  ASSERT_EQ(diags_.diagnostics().size(), 1u);
  EXPECT_EQ(diags_.diagnostics()[0].message, "unknown name `ro`");
  const std::vector<diag::Note>& notes = diags_.diagnostics()[0].notes;
  ASSERT_EQ(notes.size(), 1u);
  EXPECT_EQ(notes[0].message, "`ro` is defined here, later in the file; define it before this use");
  EXPECT_EQ(notes[0].file, "s.landlock");
  EXPECT_EQ(notes[0].line, 2u);
  EXPECT_EQ(notes[0].column, 5u);
}

}  // namespace
}  // namespace landlockc::check
