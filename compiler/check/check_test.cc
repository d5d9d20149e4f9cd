// SPDX-License-Identifier: MIT
// The entry points end to end: many errors in one run, hostile input, standard input.
#include "compiler/check/check.h"

#include "compiler/check/check_test_support.h"
#include "tests/support/scratch_dir.h"

namespace landlockc::check {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

TEST_F(CheckTest, ReportsEveryErrorInOneRun) {
  EXPECT_FALSE(
      Check("abi 5;\n"
            "layer a {\n"
            "  allow reed on \"/a\";\n"
            "  allow read on \"relative\";\n"
            "  allow read on \"/x/../y\";\n"
            "  allow bind_tcp on port 70000, 9..8;\n"
            "  allow signal on \"/a\";\n"
            "  use nothing;\n"
            "}\n"
            "layer a { handle fs: resolve_unix; }\n"));
  EXPECT_THAT(Ids(), ElementsAre("unknown-name", "relative-path", "dotdot-path",
                                 "port-out-of-range", "reversed-port-range", "right-newer-than-abi",
                                 "unknown-rules", "duplicate-layer", "right-newer-than-abi"));
  EXPECT_EQ(diags_.diagnostics()[0].message, "unknown name `reed`; did you mean `read`?");
}

TEST_F(CheckTest, CaretsAndColumnsWithTabs) {
  EXPECT_FALSE(Check("layer a {\n\tallow read on \"/a\", \"x\";\n}\n"));
  EXPECT_EQ(Rendered(),
            "test.landlock:2:22: error: path `x` is not absolute; start it with `/` or a "
            "variable such as `$HOME` [relative-path]\n"
            "        allow read on \"/a\", \"x\";\n"
            "                            ^~~\n");
  EXPECT_EQ(diags_.diagnostics()[0].end_column, 25u);
}

TEST_F(CheckTest, AKernelVersionForAnAbiGetsTheTable) {
  EXPECT_FALSE(Check("abi 6.15;\nallow read on \"/usr\";\n"));
  ASSERT_FALSE(diags_.diagnostics().empty());
  const diag::Diagnostic& error = diags_.diagnostics()[0];
  EXPECT_EQ(error.id, "invalid-character");
  ASSERT_EQ(error.notes.size(), 1u);
  EXPECT_EQ(error.notes[0].message,
            "`abi` takes a Landlock ABI number, not a kernel version; Linux 6.15 has ABI 7: write "
            "`abi 7;` (ABIs by kernel: 5.13: 1, 5.19: 2, 6.2: 3, 6.7: 4, 6.10: 5, 6.12: 6, 6.15: "
            "7, 7.0: 8, 7.1: 9, 7.2: 10)");
  // Elsewhere a `.` gets no such note.
  EXPECT_FALSE(Check("abi 7;\nallow read on port 1.5;\n"));
  int dots = 0;
  for (const diag::Diagnostic& diagnostic : diags_.diagnostics()) {
    if (diagnostic.id != "invalid-character" || diagnostic.line != 2) continue;
    ++dots;
    EXPECT_TRUE(diagnostic.notes.empty());
  }
  EXPECT_EQ(dots, 1);
}

class HostileTest : public CheckTest {
 protected:
  // Checks the file and expects errors (and, by getting here, no crash).
  void ExpectErrors(const std::string& text) {
    EXPECT_FALSE(CheckFile(scratch_.Write("hostile.landlock", text), {}, diags_));
    EXPECT_GT(diags_.error_count(), 0u);
  }

  test_support::ScratchDir scratch_;
};

TEST_F(HostileTest, HugeString) {
  ExpectErrors("allow read on \"/" + std::string(5 << 20, 'a') + "\";");
  EXPECT_THAT(Ids(), ElementsAre("path-too-long"));
}

TEST_F(HostileTest, HugeRelativeStringIsQuotedShortly) {
  ExpectErrors("allow read on \"" + std::string(5 << 20, 'a') + "\";");
  EXPECT_THAT(Ids(), ElementsAre("relative-path"));
  EXPECT_LT(diags_.diagnostics()[0].message.size(), 200u);
}

TEST_F(HostileTest, DeepParentheses) {
  ExpectErrors("allow " + std::string(100000, '(') + "read" + std::string(100000, ')') +
               " on \"/a\";");
}

TEST_F(HostileTest, LongSums) {
  std::string sum = "read";
  for (int i = 0; i < 100000; ++i) sum += " + execute";
  ExpectErrors("allow " + sum + " on \"/a\"; allow nosuch on \"/b\";");
}

TEST_F(HostileTest, NulByte) { ExpectErrors(std::string("allow read on \"/a\0b\";", 21)); }

TEST_F(HostileTest, InvalidUtf8) { ExpectErrors("allow read on \"/a\xff\xfe\";\n\xc3("); }

TEST_F(HostileTest, BinaryGarbage) {
  std::string garbage;
  for (int i = 0; i < 65536; ++i) garbage += static_cast<char>((i * 7919) & 0xff);
  ExpectErrors(garbage);
}

TEST_F(HostileTest, IncludeCycle) {
  scratch_.Write("a.landlock", "include \"b.landlock\";");
  scratch_.Write("b.landlock", "include \"hostile.landlock\";");
  ExpectErrors("include \"a.landlock\";\nallow read on \"/x\";");
  EXPECT_THAT(Ids(), ElementsAre("include-cycle"));
}

TEST_F(HostileTest, ManyErrorsStayBounded) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "allow nosuch on \"/a\";\n";
  ExpectErrors(text);
  EXPECT_EQ(diags_.error_count(), 10000u);
}

}  // namespace
}  // namespace landlockc::check
