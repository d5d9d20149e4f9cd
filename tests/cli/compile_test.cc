// SPDX-License-Identifier: MIT
// `landlockc compile`: blob, C header and JSON outputs, depfiles, and what happens on errors.
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

constexpr char kPolicy[] =
    "abi 7;\n"
    "layer main {\n"
    "    allow read on \"/usr\", \"/etc\";\n"
    "    allow connect_tcp on port 443;\n"
    "}\n";

class CompileTest : public ScratchTest {};

TEST_F(CompileTest, WritesABlobNamedAfterTheInputByDefault) {
  std::string policy = Write("web.landlock", kPolicy);
  Result result = Landlockc({"compile", policy});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
  std::string blob = ReadFile(Path("web.llpb"));
  ASSERT_GE(blob.size(), 24u);
  EXPECT_EQ(blob.substr(0, 4), "LLPB");
}

TEST_F(CompileTest, TheSamePolicyGivesTheSameBytes) {
  std::string policy = Write("web.landlock", kPolicy);
  ASSERT_EQ(Landlockc({"compile", policy, "-o", Path("first.llpb")}).exit_code, 0);
  ASSERT_EQ(Landlockc({"compile", policy, "-o", Path("second.llpb")}).exit_code, 0);
  Result to_stdout = Landlockc({"compile", policy, "-o", "-"});
  ASSERT_EQ(to_stdout.exit_code, 0);
  EXPECT_EQ(ReadFile(Path("first.llpb")), ReadFile(Path("second.llpb")));
  EXPECT_EQ(to_stdout.out, ReadFile(Path("first.llpb")));
}

TEST_F(CompileTest, ReadsStandardInputIntoAnExplicitOutput) {
  std::string policy = Write("web.landlock", kPolicy);
  ASSERT_EQ(Landlockc({"compile", policy, "-o", Path("file.llpb")}).exit_code, 0);
  Result result = Landlockc({"compile", "-", "-o", Path("stdin.llpb")}, kPolicy);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadFile(Path("stdin.llpb")), ReadFile(Path("file.llpb")));
  Result without_output = Landlockc({"compile", "-"}, kPolicy);
  EXPECT_EQ(without_output.exit_code, 2);
  EXPECT_EQ(without_output.err,
            "landlockc: error: reading the policy from standard input needs `-o FILE` (or `-o "
            "-`)\n");
}

TEST_F(CompileTest, PolicyErrorsExit1AndWriteNothing) {
  std::string policy = Write("bad.landlock", "abi 7;\nallow read on \"relative\";\n");
  Result result = Landlockc({"compile", policy, "--depfile", Path("bad.d")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("[relative-path]"), std::string::npos) << result.err;
  EXPECT_FALSE(llvm::sys::fs::exists(Path("bad.llpb")));
  EXPECT_FALSE(llvm::sys::fs::exists(Path("bad.d")));
}

TEST_F(CompileTest, AFailedCompileKeepsThePreviousOutput) {
  std::string policy = Write("p.landlock", kPolicy);
  ASSERT_EQ(Landlockc({"compile", policy}).exit_code, 0);
  std::string before = ReadFile(Path("p.llpb"));
  Write("p.landlock", "abi 7;\nallow read on \"relative\";\n");
  EXPECT_EQ(Landlockc({"compile", policy}).exit_code, 1);
  EXPECT_EQ(ReadFile(Path("p.llpb")), before);
}

TEST_F(CompileTest, IoAndUsageErrorsExit2) {
  Result missing = Landlockc({"compile", Path("missing.landlock")});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "landlockc: error: cannot read `" + Path("missing.landlock") +
                             "`: No such file or directory\n");
  std::string policy = Write("p.landlock", kPolicy);
  Result unwritable = Landlockc({"compile", policy, "-o", Path("no/such/dir/p.llpb")});
  EXPECT_EQ(unwritable.exit_code, 2);
  EXPECT_EQ(unwritable.err.rfind(
                "landlockc: error: cannot write `" + Path("no/such/dir/p.llpb") + "`: ", 0),
            0u)
      << unwritable.err;
  EXPECT_EQ(Landlockc({"compile", policy, "--emit=wasm"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"compile", policy, "--no-such-option"}).exit_code, 2);
  EXPECT_EQ(Landlockc({"compile", policy, "--name=x"}).exit_code, 2);
  Result bad_name = Landlockc({"compile", policy, "--emit=c", "--name=9bad", "-o", Path("b.h")});
  EXPECT_EQ(bad_name.exit_code, 2);
  EXPECT_EQ(bad_name.err,
            "landlockc: error: `--name 9bad` is not a C identifier: use letters, digits and `_`, "
            "not starting with a digit\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("b.h")));
  Result over_input = Landlockc({"compile", policy, "-o", policy});
  EXPECT_EQ(over_input.exit_code, 2);
  EXPECT_EQ(over_input.err,
            "landlockc: error: the output would overwrite the policy `" + policy + "`\n");
  EXPECT_EQ(ReadFile(policy), kPolicy);
}

TEST_F(CompileTest, AMissingIncludeDirectoryExits2AndWritesNothing) {
  std::string policy = Write("p.landlock", kPolicy);
  Result result = Landlockc({"compile", policy, "-I", Path("lib"), "-I", Path("no-such-dir")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "landlockc: error: include directory `" + Path("lib") + "` does not exist\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("p.llpb")));
  Write("lib/unused.landlock", "");
  Result second = Landlockc({"compile", policy, "-I", Path("lib"), "-I", Path("no-such-dir")});
  EXPECT_EQ(second.exit_code, 2);
  EXPECT_EQ(second.err,
            "landlockc: error: include directory `" + Path("no-such-dir") + "` does not exist\n");
  EXPECT_EQ(Landlockc({"compile", policy, "-I", Path("lib")}).exit_code, 0);
  EXPECT_NE(ReadFile(Path("p.llpb")), "");
}

TEST_F(CompileTest, EmitCWritesAHeaderThatCompilesWithCc) {
  std::string policy = Write("web-server.landlock", kPolicy);
  ASSERT_EQ(Landlockc({"compile", policy, "-o", Path("web.llpb")}).exit_code, 0);
  Result result = Landlockc({"compile", policy, "--emit=c"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  std::string header = ReadFile(Path("web-server.h"));
  EXPECT_NE(header.find("web_server_policy"), std::string::npos) << header;
  std::string program = Write("main.c",
                              "#include <stdio.h>\n"
                              "#include \"web-server.h\"\n"
                              "int main(void) {\n"
                              "  for (size_t i = 0; i < web_server_policy_size; ++i)\n"
                              "    putchar(web_server_policy[i]);\n"
                              "  return 0;\n"
                              "}\n");
  Result cc = RunProgram(LANDLOCKC_C_COMPILER,
                         {"-std=c99", "-Wall", "-Werror", program, "-o", Path("main")});
  ASSERT_EQ(cc.exit_code, 0) << cc.err;
  Result run = RunProgram(Path("main"), {});
  EXPECT_EQ(run.out, ReadFile(Path("web.llpb")));
}

TEST_F(CompileTest, EmitCTakesTheIdentifierFromName) {
  std::string policy = Write("p.landlock", kPolicy);
  ASSERT_EQ(
      Landlockc({"compile", policy, "--emit=c", "--name=sandbox", "-o", Path("s.h")}).exit_code, 0);
  std::string header = ReadFile(Path("s.h"));
  EXPECT_NE(header.find("extern const unsigned char sandbox[];"), std::string::npos) << header;
  EXPECT_NE(header.find("sandbox_size"), std::string::npos) << header;
}

TEST_F(CompileTest, EmitJsonWritesTheLayersAsJson) {
  std::string policy = Write("p.landlock", kPolicy);
  Result result = Landlockc({"compile", policy, "--emit=json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  llvm::Expected<llvm::json::Value> json = llvm::json::parse(ReadFile(Path("p.json")));
  ASSERT_TRUE(static_cast<bool>(json)) << llvm::toString(json.takeError());
  const llvm::json::Object* object = json->getAsObject();
  ASSERT_NE(object, nullptr);
  EXPECT_EQ(object->getInteger("abi").getValueOr(-1), 7);
  const llvm::json::Array* layers = object->getArray("layers");
  ASSERT_NE(layers, nullptr);
  ASSERT_EQ(layers->size(), 1u);
  EXPECT_EQ((*layers)[0].getAsObject()->getString("name").getValueOr("").str(), "main");
}

TEST_F(CompileTest, DepfileListsEveryFileRead) {
  Write("lib/common rules.landlock", "rules common { allow read on \"/usr\"; }\n");
  std::string policy = Write("main.landlock",
                             "abi 7;\n"
                             "include \"lib/common rules.landlock\";\n"
                             "layer main { use common; }\n");
  Result result =
      Landlockc({"compile", policy, "-o", Path("out.llpb"), "--depfile", Path("out.d")});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadFile(Path("out.d")),
            Path("out.llpb") + ": " + policy + " " + root() + "/lib/common\\ rules.landlock\n");
}

TEST_F(CompileTest, DepfileNeedsAnOutputFile) {
  std::string policy = Write("p.landlock", kPolicy);
  Result result = Landlockc({"compile", policy, "-o", "-", "--depfile", Path("p.d")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "landlockc: error: `--depfile` needs an output file: give `-o FILE`\n");
}

}  // namespace
}  // namespace landlockc::e2e
