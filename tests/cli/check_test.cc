// SPDX-License-Identifier: MIT
// `landlockc check`: diagnostics on stderr, nothing on stdout, exit 0 / 1 / 2.
#include <random>

#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

class CheckTest : public ScratchTest {};

TEST_F(CheckTest, CleanPolicyPrintsNothingAndExits0) {
  std::string policy = Write("ok.landlock", "abi 7;\nallow read on \"/usr\";\n");
  Result result = Landlockc({"check", policy});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST_F(CheckTest, ErrorsArePrintedWithLocationIdAndCaretAndExit1) {
  std::string policy = Write("bad.landlock",
                             "abi 7;\n"
                             "layer main {\n"
                             "    allow read_fle on \"/usr\";\n"
                             "    allow read on \"relative\";\n"
                             "}\n");
  Result result = Landlockc({"check", policy});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err,
            policy +
                ":3:11: error: unknown name `read_fle`; did you mean `read_file`? [unknown-name]\n"
                "    allow read_fle on \"/usr\";\n"
                "          ^~~~~~~~\n" +
                policy +
                ":4:19: error: path `relative` is not absolute; start it with `/` or a variable "
                "such as `$HOME` [relative-path]\n"
                "    allow read on \"relative\";\n"
                "                  ^~~~~~~~~~\n");
}

TEST_F(CheckTest, WarningsAloneExit0) {
  std::string policy = Write("warn.landlock",
                             "abi 7;\n"
                             "layer main {\n"
                             "    handle fs: read_file;\n"
                             "    allow write_file on \"/tmp\";\n"
                             "}\n");
  Result result = Landlockc({"check", policy});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.err, policy +
                            ":4:11: warning: layer `main` does not handle `write_file`, so "
                            "granting it has no effect [unhandled-grant]\n"
                            "    allow write_file on \"/tmp\";\n"
                            "          ^~~~~~~~~~\n");
}

TEST_F(CheckTest, UnreadableFileIsAnIoErrorExit2) {
  std::string missing = Path("missing.landlock");
  Result result = Landlockc({"check", missing});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "landlockc: error: cannot read `" + missing + "`: No such file or directory\n");
}

TEST_F(CheckTest, ADirectoryIsAnIoErrorExit2) {
  Result result = Landlockc({"check", root()});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err.rfind("landlockc: error: cannot read `" + root() + "`: ", 0), 0u)
      << result.err;
}

// A device or a pipe that never ends is read up to the size bound, then refused.
TEST_F(CheckTest, AnEndlessFileIsAnIoErrorExit2) {
  Result result = Landlockc({"check", "/dev/zero"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "landlockc: error: cannot read `/dev/zero`: File too large\n");
}

TEST_F(CheckTest, AnEndlessIncludeIsAnIoErrorExit1) {
  std::string policy = Write("zero.landlock", "include \"/dev/zero\";\nallow read on \"/usr\";\n");
  Result result = Landlockc({"check", policy});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, policy +
                            ":1:9: error: cannot read `/dev/zero`: File too large [io-error]\n"
                            "include \"/dev/zero\";\n"
                            "        ^~~~~~~~~~~\n");
}

// What the issue calls hostile: each input gets its error and exit 1 from the real binary (a
// crash would show as a signal, not an exit status).
TEST_F(CheckTest, HostileInputsExit1WithTheirError) {
  std::mt19937 random(7);
  std::string garbage;
  for (int i = 0; i < 64 * 1024; ++i) garbage += static_cast<char>(random());
  Write("b.landlock", "include \"a.landlock\";\n");
  const std::pair<std::string, std::string> cases[] = {
      {garbage, "[invalid-utf8]"},
      {"layer a {" + std::string(1, '\0') + " handle fs: read; }", "[nul-byte]"},
      {"allow read on \"/caf\xE9\";", "[invalid-utf8]"},
      {"let x = " + std::string(100000, '(') + "read" + std::string(100000, ')') + ";",
       "[nesting-too-deep]"},
      {"allow read on \"/" + std::string(5 << 20, 'a') + "\";", "[path-too-long]"},
      {"include \"b.landlock\";\nallow read on \"/usr\";", "[include-cycle]"},
  };
  for (const auto& [text, id] : cases) {
    std::string policy = Write("a.landlock", text);
    Result result = Landlockc({"check", policy});
    EXPECT_EQ(result.exit_code, 1) << id;
    EXPECT_NE(result.err.find(id), std::string::npos) << id;
  }
}

TEST_F(CheckTest, TheWorstFileDecidesTheExitStatus) {
  std::string ok = Write("ok.landlock", "abi 7;\nallow read on \"/usr\";\n");
  std::string bad = Write("bad.landlock", "abi 7;\nallow read on \"relative\";\n");
  EXPECT_EQ(Landlockc({"check", ok, bad}).exit_code, 1);
  Result with_missing = Landlockc({"check", bad, Path("missing.landlock"), ok});
  EXPECT_EQ(with_missing.exit_code, 2);
  EXPECT_NE(with_missing.err.find("[relative-path]"), std::string::npos) << with_missing.err;
}

TEST_F(CheckTest, DashReadsStandardInput) {
  Result ok = Landlockc({"check", "-"}, "abi 7;\nallow read on \"/usr\";\n");
  EXPECT_EQ(ok.exit_code, 0);
  EXPECT_EQ(ok.err, "");
  Result bad = Landlockc({"check", "-"}, "abi 7;\nallow read on \"\";\n");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err.rfind("<stdin>:2:15: error: empty path [empty-path]\n", 0), 0u) << bad.err;
}

TEST_F(CheckTest, IncludesAreFoundThroughDashI) {
  Write("lib/common.landlock", "rules common { allow read on \"/usr\"; }\n");
  std::string policy =
      Write("main.landlock", "abi 7;\ninclude \"common.landlock\";\nlayer main { use common; }\n");
  EXPECT_EQ(Landlockc({"check", policy}).exit_code, 1);
  Result result = Landlockc({"check", "-I", Path("lib"), policy});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(Landlockc({"check", "-I" + Path("lib"), policy}).exit_code, 0);
}

TEST_F(CheckTest, AMissingIncludeDirectoryIsAUsageErrorExit2) {
  std::string policy = Write("ok.landlock", "abi 7;\nallow read on \"/usr\";\n");
  Result missing = Landlockc({"check", "-I", Path("no-such-dir"), policy});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "");
  EXPECT_EQ(missing.err,
            "landlockc: error: include directory `" + Path("no-such-dir") + "` does not exist\n");
  Result file = Landlockc({"check", "-I" + policy, policy});
  EXPECT_EQ(file.exit_code, 2);
  EXPECT_EQ(file.err, "landlockc: error: include directory `" + policy + "` is not a directory\n");
}

TEST_F(CheckTest, ABlobIsRefusedWithAHintExit2) {
  std::string source = Write("p.landlock", "abi 7;\nallow read on \"/usr\";\n");
  std::string blob = Path("p.llpb");
  ASSERT_EQ(Landlockc({"compile", source, "-o", blob}).exit_code, 0);
  Result result = Landlockc({"check", blob});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "landlockc: error: `" + blob +
                            "` is a compiled policy; `check` needs policy source (`landlockc "
                            "inspect` turns a blob back into source)\n");
}

TEST_F(CheckTest, NoPolicyIsAUsageErrorExit2) {
  Result result = Landlockc({"check"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err.rfind("landlockc: error: ", 0), 0u) << result.err;
}

}  // namespace
}  // namespace landlockc::e2e
