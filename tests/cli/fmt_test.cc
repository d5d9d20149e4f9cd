// SPDX-License-Identifier: MIT
// `landlockc fmt`: printing, rewriting and checking the canonical layout, which never changes
// what a policy compiles to.
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

constexpr char kMessy[] = "abi 7;layer main{allow read on \"/usr\" ,\"/lib\";}\n";
constexpr char kFormatted[] =
    "abi 7;\n"
    "layer main {\n"
    "    allow read on \"/usr\", \"/lib\";\n"
    "}\n";

class FmtTest : public ScratchTest {};

TEST_F(FmtTest, PrintsTheCanonicalLayoutAndLeavesTheFile) {
  std::string policy = Write("p.landlock", kMessy);
  Result result = Landlockc({"fmt", policy});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, kFormatted);
  EXPECT_EQ(ReadFile(policy), kMessy);
  EXPECT_EQ(Landlockc({"fmt", "-"}, kMessy).out, kFormatted);
}

TEST_F(FmtTest, InPlaceRewritesTheFile) {
  std::string policy = Write("p.landlock", kMessy);
  Result result = Landlockc({"fmt", "-i", policy});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(ReadFile(policy), kFormatted);
}

TEST_F(FmtTest, CheckNamesUnformattedFilesAndExits1) {
  std::string messy = Write("messy.landlock", kMessy);
  std::string tidy = Write("tidy.landlock", kFormatted);
  EXPECT_EQ(Landlockc({"fmt", "--check", tidy}).exit_code, 0);
  Result result = Landlockc({"fmt", "--check", tidy, messy});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            "landlockc: error: `" + messy + "` is not formatted; `landlockc fmt -i` rewrites it\n");
  EXPECT_EQ(ReadFile(messy), kMessy);
}

TEST_F(FmtTest, SyntaxErrorsExit1AndLeaveTheFileAlone) {
  std::string policy = Write("bad.landlock", "abi 7;\nallow read on \"/usr\"\nlayer {\n");
  Result result = Landlockc({"fmt", "-i", policy});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("[missing-semicolon]"), std::string::npos) << result.err;
  EXPECT_EQ(ReadFile(policy), "abi 7;\nallow read on \"/usr\"\nlayer {\n");
}

// Some editors start UTF-8 files with a byte order mark: the formatted file drops it, and checks.
TEST_F(FmtTest, AByteOrderMarkIsDroppedAndTheResultChecks) {
  std::string policy = Write("bom.landlock", std::string("\xEF\xBB\xBF") + kMessy);
  Result result = Landlockc({"fmt", "-i", policy});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadFile(policy), kFormatted);
  Result check = Landlockc({"check", policy});
  EXPECT_EQ(check.exit_code, 0) << check.err;
}

TEST_F(FmtTest, UsageAndIoErrorsExit2) {
  std::string policy = Write("p.landlock", kMessy);
  EXPECT_EQ(Landlockc({"fmt", Path("missing.landlock")}).exit_code, 2);
  EXPECT_EQ(Landlockc({"fmt", "-i", "--check", policy}).exit_code, 2);
  EXPECT_EQ(Landlockc({"fmt", "-i", "-"}, kMessy).exit_code, 2);
  ASSERT_EQ(Landlockc({"compile", policy, "-o", Path("p.llpb")}).exit_code, 0);
  EXPECT_EQ(Landlockc({"fmt", Path("p.llpb")}).exit_code, 2);
}

// Every policy the project ships: the formatted text compiles to the same blob, and formatting it
// again changes nothing.
TEST_F(FmtTest, FormattingKeepsTheMeaningOfEveryShippedPolicy) {
  int count = 0;
  for (const char* folder : {"/examples", "/std"}) {
    std::error_code error;
    for (llvm::sys::fs::directory_iterator it(std::string(LANDLOCKC_SOURCE_DIR) + folder, error),
         end;
         it != end && !error; it.increment(error)) {
      if (llvm::sys::path::extension(it->path()) != ".landlock") continue;
      SCOPED_TRACE(it->path());
      ++count;
      std::string name = llvm::sys::path::filename(it->path()).str();
      Result once = Landlockc({"fmt", it->path()});
      ASSERT_EQ(once.exit_code, 0) << once.err;
      EXPECT_EQ(Landlockc({"fmt", "-"}, once.out).out, once.out);
      if (std::string(folder) == "/std") continue;  // rules only: compiled through a wrapper below
      std::string formatted = Write(name, once.out);
      ASSERT_EQ(Landlockc({"compile", it->path(), "-o", Path("original.llpb")}).exit_code, 0);
      ASSERT_EQ(
          Landlockc({"compile", formatted, "-I", std::string(LANDLOCKC_SOURCE_DIR) + "/examples",
                     "-o", Path("formatted.llpb")})
              .exit_code,
          0);
      EXPECT_EQ(ReadFile(Path("original.llpb")), ReadFile(Path("formatted.llpb")));
    }
  }
  EXPECT_GE(count, 4);
}

TEST_F(FmtTest, TheExamplesAreFormatted) {
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it(LANDLOCKC_SOURCE_DIR "/examples", error), end;
       it != end && !error; it.increment(error)) {
    if (llvm::sys::path::extension(it->path()) != ".landlock") continue;
    Result result = Landlockc({"fmt", "--check", it->path()});
    EXPECT_EQ(result.exit_code, 0) << result.err;
  }
}

}  // namespace
}  // namespace landlockc::e2e
