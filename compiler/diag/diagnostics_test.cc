// SPDX-License-Identifier: MIT
#include "compiler/diag/diagnostics.h"

#include <gtest/gtest.h>

#include "llvm/Support/MemoryBuffer.h"

namespace landlockc::diag {
namespace {

class RenderTest : public ::testing::Test {
 protected:
  // Reports `id` over bytes [begin, end) of `text` and returns the rendering without colors.
  std::string Render(llvm::StringRef text, size_t begin, size_t end, DiagId id,
                     llvm::StringRef argument) {
    unsigned buffer = source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(text, "p.landlock"), llvm::SMLoc());
    const char* start = source_mgr_.getMemoryBuffer(buffer)->getBufferStart();
    diags_.Report(id,
                  llvm::SMRange(llvm::SMLoc::getFromPointer(start + begin),
                                llvm::SMLoc::getFromPointer(start + end)),
                  argument);
    std::string rendered;
    llvm::raw_string_ostream os(rendered);
    diags_.Render(os, /*colors=*/false);
    return os.str();
  }

  llvm::SourceMgr source_mgr_;
  DiagnosticEngine diags_{source_mgr_};
};

TEST_F(RenderTest, AsciiLineHasCaretAndRange) {
  EXPECT_EQ(Render("let x = raed;\n", 8, 12, DiagId::kRedefinition, "raed"),
            "p.landlock:1:9: error: `raed` is already defined [redefinition]\n"
            "let x = raed;\n"
            "        ^~~~\n");
}

// Columns in the header stay bytes (as in the JSON output); the caret counts characters.
TEST_F(RenderTest, NonAsciiLineKeepsItsCaret) {
  EXPECT_EQ(
      Render("allow read on \"/café\", raed; # ok — yes\n", 24, 28, DiagId::kRedefinition, "raed"),
      "p.landlock:1:25: error: `raed` is already defined [redefinition]\n"
      "allow read on \"/café\", raed; # ok — yes\n"
      "                       ^~~~\n");
}

TEST_F(RenderTest, NonAsciiCharacterIsUnderlinedOnce) {
  EXPECT_EQ(Render("let café = read;\n", 7, 9, DiagId::kInvalidCharacter, "`é` (U+00E9)"),
            "p.landlock:1:8: error: unexpected character `é` (U+00E9) [invalid-character]\n"
            "let café = read;\n"
            "       ^\n");
}

TEST_F(RenderTest, TabsExpandLikeLlvm) {
  EXPECT_EQ(Render("\tallow é, raed;\n", 11, 15, DiagId::kRedefinition, "raed"),
            "p.landlock:1:12: error: `raed` is already defined [redefinition]\n"
            "        allow é, raed;\n"
            "                 ^~~~\n");
}

// A policy could otherwise drive the terminal it is checked in: control characters and bytes
// that are not UTF-8 are spelled out, and the caret still lines up.
TEST_F(RenderTest, ControlCharactersAndBadBytesAreShownNotSent) {
  EXPECT_EQ(Render("let \x1b[2J = \xE9\xC2\x9B raed;\n", 15, 19, DiagId::kRedefinition, "raed"),
            "p.landlock:1:16: error: `raed` is already defined [redefinition]\n"
            "let <U+001B>[2J = <E9><U+009B> raed;\n"
            "                               ^~~~\n");
}

class NoteTest : public ::testing::Test {
 protected:
  NoteTest() {
    unsigned buffer = source_mgr_.AddNewSourceBuffer(
        llvm::MemoryBuffer::getMemBufferCopy(kText, "p.landlock"), llvm::SMLoc());
    start_ = source_mgr_.getMemoryBuffer(buffer)->getBufferStart();
  }

  llvm::SMRange Range(size_t begin, size_t end) const {
    return {llvm::SMLoc::getFromPointer(start_ + begin), llvm::SMLoc::getFromPointer(start_ + end)};
  }

  std::string Rendered() const {
    std::string rendered;
    llvm::raw_string_ostream os(rendered);
    diags_.Render(os, /*colors=*/false);
    return os.str();
  }

  static constexpr llvm::StringLiteral kText = "let ro = read;\n# café\tro\nlet ro = write;\n";
  llvm::SourceMgr source_mgr_;
  DiagnosticEngine diags_{source_mgr_};
  const char* start_ = nullptr;
};

TEST_F(NoteTest, LocatedNoteHasItsOwnLineAndCaret) {
  diags_.Emit(Severity::kError, "redefinition", Range(30, 32), "`ro` is already defined",
              {{"`ro` is first defined here", Range(4, 6)}});
  EXPECT_EQ(Rendered(),
            "p.landlock:3:5: error: `ro` is already defined [redefinition]\n"
            "let ro = write;\n"
            "    ^~\n"
            "p.landlock:1:5: note: `ro` is first defined here\n"
            "let ro = read;\n"
            "    ^~\n");
  const Note& note = diags_.diagnostics()[0].notes[0];
  EXPECT_EQ(note.file, "p.landlock");
  EXPECT_EQ(note.line, 1u);
  EXPECT_EQ(note.column, 5u);
  EXPECT_EQ(note.end_line, 1u);
  EXPECT_EQ(note.end_column, 7u);
}

// A note on a line with non-ASCII text goes through the same renderer as the diagnostics do.
TEST_F(NoteTest, LocatedNoteOnNonAsciiLineKeepsItsCaret) {
  diags_.Emit(Severity::kWarning, "w", Range(30, 32), "warned", {{"see here", Range(23, 25)}});
  EXPECT_EQ(Rendered(),
            "p.landlock:3:5: warning: warned [w]\n"
            "let ro = write;\n"
            "    ^~\n"
            "p.landlock:2:9: note: see here\n"
            "# café  ro\n"
            "        ^~\n");
}

TEST_F(NoteTest, UnlocatedNoteHasNoPrefix) {
  diags_.Emit(Severity::kWarning, "w", Range(30, 32), "warned", {"write it once"});
  EXPECT_EQ(Rendered(),
            "p.landlock:3:5: warning: warned [w]\n"
            "let ro = write;\n"
            "    ^~\n"
            "note: write it once\n");
  EXPECT_TRUE(diags_.diagnostics()[0].notes[0].file.empty());
  EXPECT_EQ(diags_.diagnostics()[0].notes[0].line, 0u);
}

TEST_F(NoteTest, ReportAtPlacesTheDiagnosticInTheOrder) {
  diags_.Emit(Severity::kWarning, "first", Range(30, 32), "one");
  diags_.Emit(Severity::kWarning, "third", Range(30, 32), "three");
  diags_.ReportAt(1, DiagId::kRedefinition, Range(30, 32), "ro");
  diags_.ReportAt(3, DiagId::kRedefinition, Range(30, 32), "last");
  ASSERT_EQ(diags_.diagnostics().size(), 4u);
  EXPECT_EQ(diags_.diagnostics()[0].id, "first");
  EXPECT_EQ(diags_.diagnostics()[1].message, "`ro` is already defined");
  EXPECT_EQ(diags_.diagnostics()[2].id, "third");
  EXPECT_EQ(diags_.diagnostics()[3].message, "`last` is already defined");
  EXPECT_EQ(diags_.error_count(), 2u);
}

}  // namespace
}  // namespace landlockc::diag
