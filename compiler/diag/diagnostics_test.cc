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

}  // namespace
}  // namespace landlockc::diag
