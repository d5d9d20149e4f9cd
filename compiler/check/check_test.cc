// The entry points end to end: many errors in one run, hostile input, standard input.
#include "compiler/check/check.h"

#include <fstream>

#include "compiler/check/check_test_support.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

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

class HostileTest : public CheckTest {
 protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("landlockc-hostile", root_));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(root_); }

  std::string Write(llvm::StringRef name, llvm::StringRef text) {
    llvm::SmallString<256> path(root_);
    llvm::sys::path::append(path, name);
    std::ofstream(std::string(path), std::ios::binary) << text.str();
    return std::string(path);
  }
  // Checks the file and expects errors (and, by getting here, no crash).
  void ExpectErrors(llvm::StringRef text) {
    EXPECT_FALSE(CheckFile(Write("hostile.landlock", text), {}, diags_));
    EXPECT_GT(diags_.error_count(), 0u);
  }

  llvm::SmallString<256> root_;
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
  Write("a.landlock", "include \"b.landlock\";");
  Write("b.landlock", "include \"hostile.landlock\";");
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
