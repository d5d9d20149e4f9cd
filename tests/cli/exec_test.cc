// SPDX-License-Identifier: MIT
// `landlockc exec`: the policy really restricts the command, and every exit status of the contract
// (CMD's own, 125, 126, 127) comes out where it should.
#include <sys/stat.h>

#include "landlockc/runtime.h"
#include "llvm/Support/FileSystem.h"
#include "runtime/abi_table.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

using ExecTest = CatPolicyTest;

TEST_F(ExecTest, SourcePolicyAllowsWhatItGrantsAndDeniesTheRest) {
  Result allowed = Landlockc({"exec", policy_, "--", "cat", public_file_});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "hello\n");
  EXPECT_EQ(allowed.err, "");
  Result denied = Landlockc({"exec", policy_, "--", "cat", secret_file_});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_EQ(denied.out, "");
  EXPECT_EQ(denied.err, "cat: " + secret_file_ + ": Permission denied\n");
}

TEST_F(ExecTest, BlobPolicyAllowsWhatItGrantsAndDeniesTheRest) {
  std::string blob = Path("cat.llpb");
  ASSERT_EQ(Landlockc({"compile", policy_, "-o", blob}).exit_code, 0);
  Result allowed = Landlockc({"exec", blob, "--", "cat", public_file_});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "hello\n");
  Result denied = Landlockc({"exec", blob, "--", "cat", secret_file_});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_EQ(denied.err, "cat: " + secret_file_ + ": Permission denied\n");
}

TEST_F(ExecTest, PolicyFromStandardInput) {
  Result result = Landlockc({"exec", "-", "--", "cat", secret_file_}, CatPolicy(Path("public")));
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "cat: " + secret_file_ + ": Permission denied\n");
}

TEST_F(ExecTest, TheExitStatusIsTheCommandsOwn) {
  Result result = Landlockc({"exec", policy_, "--", "sh", "-c", "exit 7"});
  EXPECT_EQ(result.exit_code, 7) << result.err;
}

TEST_F(ExecTest, AMissingMandatoryPathExits125AndRunsNothing) {
  std::string policy =
      Write("missing.landlock",
            CatPolicy(Path("public"), "    allow read on \"" + Path("gone") + "\";\n"));
  Result result = Landlockc({"exec", policy, "--", "touch", Path("ran")});
  EXPECT_EQ(result.exit_code, 125);
  EXPECT_EQ(result.err.rfind("landlockc: error: cannot apply `" + policy + "`: ", 0), 0u)
      << result.err;
  EXPECT_NE(result.err.find(Path("gone")), std::string::npos) << result.err;
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

TEST_F(ExecTest, AMissingIncludeDirectoryExits125AndRunsNothing) {
  Result result =
      Landlockc({"exec", policy_, "-I", Path("no-such-dir"), "--", "touch", Path("ran")});
  EXPECT_EQ(result.exit_code, 125);
  EXPECT_EQ(result.err,
            "landlockc: error: include directory `" + Path("no-such-dir") + "` does not exist\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

// `--max-abi 1` stands for an older kernel, so the refusal is tested on every kernel.
TEST_F(ExecTest, ARequiredAbiAboveTheEffectiveAbiExits125) {
  std::string policy =
      Write("requires.landlock", "abi 2;\nrequires abi 2;\nallow read on \"/usr\";\n");
  Result result = Landlockc({"exec", "--max-abi", "1", policy, "--", "touch", Path("ran")});
  EXPECT_EQ(result.exit_code, 125);
  // The message names what set the limit: `--max-abi`, or the kernel when it offers no more.
  EXPECT_EQ(result.err, "landlockc: error: cannot apply `" + policy +
                            "`: the policy requires Landlock ABI 2, but " +
                            (landlockc_probe(nullptr) > 1 ? "max_abi limits it to ABI 1"
                                                          : "the kernel offers ABI 1") +
                            "\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

TEST_F(ExecTest, AnUnsetVariableExits125NamingItAndItsLayer) {
  std::string policy = Write(
      "unset.landlock",
      CatPolicy(Path("public"), "    allow read on \"${LANDLOCKC_TEST_NO_SUCH_VARIABLE}/x\";\n"));
  Result result = Landlockc({"exec", policy, "--", "touch", Path("ran")});
  EXPECT_EQ(result.exit_code, 125);
  EXPECT_EQ(result.err, "landlockc: error: cannot apply `" + policy +
                            "`: layer 0 `main`: variable `LANDLOCKC_TEST_NO_SUCH_VARIABLE` is "
                            "unset (in `${LANDLOCKC_TEST_NO_SUCH_VARIABLE}/x`)\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

TEST_F(ExecTest, ACorruptedBlobExits125AndRunsNothing) {
  std::string blob = Path("cat.llpb");
  ASSERT_EQ(Landlockc({"compile", policy_, "-o", blob}).exit_code, 0);
  std::string bytes = ReadFile(blob);
  bytes[bytes.size() / 2] ^= 0x20;
  Write("cat.llpb", bytes);
  Result result = Landlockc({"exec", blob, "--", "touch", Path("ran")});
  EXPECT_EQ(result.exit_code, 125);
  EXPECT_EQ(result.err, "landlockc: error: `" + blob +
                            "` is not a valid compiled policy: blob checksum mismatch (at byte "
                            "16)\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

TEST_F(ExecTest, APolicyWithErrorsExits125) {
  std::string policy = Write("bad.landlock", "abi 7;\nallow read on \"relative\";\n");
  Result result = Landlockc({"exec", policy, "--", "true"});
  EXPECT_EQ(result.exit_code, 125);
  EXPECT_NE(result.err.find("[relative-path]"), std::string::npos) << result.err;
  EXPECT_EQ(Landlockc({"exec", Path("missing.landlock"), "--", "true"}).exit_code, 125);
}

TEST_F(ExecTest, ANonExecutableFileExits126) {
  std::string script = Write("script.sh", "#!/bin/sh\necho ran\n");
  ASSERT_EQ(::chmod(script.c_str(), 0644), 0);
  Result result = Landlockc({"exec", policy_, "--", script});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "landlockc: error: cannot execute `" + script + "`: Permission denied\n");
}

TEST_F(ExecTest, ACommandThePolicyForbidsToExecuteExits126) {
  std::string script = Write("public/script.sh", "#!/bin/sh\necho ran\n");
  ASSERT_EQ(::chmod(script.c_str(), 0755), 0);
  Result result = Landlockc({"exec", policy_, "--", script});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.out, "");
  // The pre-flight names the right and the layer (tests/cli/exec_preflight_test.cc has the rest).
  EXPECT_EQ(result.err, "landlockc: error: the policy does not let `" + script +
                            "` run: `execute` on `" + script +
                            "` (as given) is denied by layer `main` (" + policy_ + ":2)\n");
}

TEST_F(ExecTest, AnUnknownCommandExits127) {
  Result result = Landlockc({"exec", policy_, "--", "landlockc-no-such-command"});
  EXPECT_EQ(result.exit_code, 127);
  EXPECT_EQ(result.err, "landlockc: error: `landlockc-no-such-command`: command not found\n");
}

TEST_F(ExecTest, UsageErrorsExit125) {
  EXPECT_EQ(Landlockc({"exec", policy_}).exit_code, 125);
  std::string above_newest = std::to_string(abi::kNewestAbi + 1);
  EXPECT_EQ(Landlockc({"exec", policy_, "--max-abi", above_newest, "--", "true"}).exit_code, 125);
  EXPECT_EQ(Landlockc({"exec", "--no-such-option", policy_, "--", "true"}).exit_code, 125);
}

TEST_F(ExecTest, AnExplicitRightTheOlderAbiLacksGivesOneWarningLine) {
  std::string policy =
      Write("net.landlock", CatPolicy(Path("public"), "    allow connect_tcp on port 443;\n"));
  Result result = Landlockc({"exec", policy, "--max-abi", "3", "--", "cat", public_file_});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "hello\n");
  EXPECT_EQ(result.err,
            "landlockc: warning: Landlock ABI 3 (limited by --max-abi; the kernel has "
            "ABI " +
                std::to_string(landlockc_probe(nullptr)) +
                ") cannot enforce "
                "connect_tcp named in `" +
                policy + "`; running without those restrictions\n");
}

TEST_F(ExecTest, DenyByDefaultRightsTheOlderAbiLacksGiveNoWarning) {
  Result result = Landlockc({"exec", policy_, "--max-abi", "3", "--", "cat", public_file_});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "hello\n");
  EXPECT_EQ(result.err, "");
  Result denied = Landlockc({"exec", policy_, "--max-abi", "3", "--", "cat", secret_file_});
  EXPECT_EQ(denied.exit_code, 1);
}

TEST_F(ExecTest, APolicyTheOlderAbiCannotEnforceAtAllGivesOneWarningLine) {
  std::string policy =
      Write("net-only.landlock", "abi 7;\nlayer network {\n    handle net: connect_tcp;\n}\n");
  Result result = Landlockc({"exec", policy, "--max-abi", "3", "--", "cat", secret_file_});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "secret\n");
  EXPECT_EQ(result.err, "landlockc: warning: policy `" + policy +
                            "` is not enforced: Landlock ABI 3 (limited by --max-abi; the kernel "
                            "has ABI " +
                            std::to_string(landlockc_probe(nullptr)) +
                            ") supports none of the rights the policy handles; running "
                            "unrestricted\n");
}

TEST_F(ExecTest, VerboseListsTheReportOnStderr) {
  Result result = Landlockc({"exec", policy_, "-v", "--max-abi", "3", "--", "cat", public_file_});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.out, "hello\n");
  EXPECT_EQ(result.err.rfind(
                "landlockc: policy `" + policy_ + "` applied:\n  status: partially enforced\n", 0),
            0u)
      << result.err;
  EXPECT_NE(result.err.find("  effective ABI: 3\n"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("  dropped, deny-by-default only: fs: ioctl_dev; net: bind_tcp, "
                            "connect_tcp; scope: abstract_unix_socket, signal\n"),
            std::string::npos)
      << result.err;
}

TEST_F(ExecTest, DryRunPrintsTheReportAndRunsNothing) {
  Result result = Landlockc({"exec", policy_, "--dry-run", "--", "touch", Path("ran")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(
      result.out.rfind(
          "policy `" + policy_ + "` (dry run, nothing restricted):\n  status: fully enforced\n", 0),
      0u)
      << result.out;
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
  Result without_command = Landlockc({"exec", policy_, "--dry-run"});
  EXPECT_EQ(without_command.exit_code, 0) << without_command.err;
}

}  // namespace
}  // namespace landlockc::e2e
