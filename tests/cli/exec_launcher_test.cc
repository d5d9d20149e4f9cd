// SPDX-License-Identifier: MIT
// `landlockc-exec BLOB [--] CMD...` does what `landlockc exec` does, byte for byte: the same
// stdout, stderr and exit status for every outcome (the command's own, its denials inside the
// sandbox, 125, 126 with the pre-flight's explanation, 127, usage errors, options and source
// policies handed over); and its fast path needs no `landlockc` at all.
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "llvm/Support/FileSystem.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

constexpr const char* kLauncher = LANDLOCKC_EXEC_BINARY;

std::string Real(const std::string& path) {
  char buffer[PATH_MAX];
  return realpath(path.c_str(), buffer) != nullptr ? buffer : path;
}

class ExecLauncherTest : public CatPolicyTest {
 protected:
  void SetUp() override {
    CatPolicyTest::SetUp();
    if (IsSkipped()) return;
    blob_ = Compile(policy_, "cat.llpb");
  }

  std::string Compile(const std::string& policy, const std::string& name) {
    std::string blob = Path(name);
    Result compiled = Landlockc({"compile", policy, "-o", blob});
    EXPECT_EQ(compiled.exit_code, 0) << compiled.err;
    return blob;
  }

  // Runs `landlockc exec ARGUMENTS` and `landlockc-exec ARGUMENTS`; expects the same outcome,
  // with `exit_code` as the status. Returns the launcher's.
  Result ExpectSameAsExec(const std::vector<std::string>& arguments, int exit_code) {
    std::vector<std::string> exec_arguments = {"exec"};
    exec_arguments.insert(exec_arguments.end(), arguments.begin(), arguments.end());
    Result driver = Landlockc(exec_arguments);
    Result launcher = RunProgram(kLauncher, arguments);
    EXPECT_EQ(driver.exit_code, exit_code) << driver.err;
    EXPECT_EQ(launcher.exit_code, driver.exit_code);
    EXPECT_EQ(launcher.out, driver.out);
    EXPECT_EQ(launcher.err, driver.err);
    return launcher;
  }

  std::string blob_;
};

TEST_F(ExecLauncherTest, AllowsWhatTheBlobGrants) {
  EXPECT_EQ(ExpectSameAsExec({blob_, "--", "cat", public_file_}, 0).out, "hello\n");
  EXPECT_EQ(ExpectSameAsExec({blob_, "cat", public_file_}, 0).out, "hello\n");
  ExpectSameAsExec({blob_, "--", "/bin/sh", "-c", "exit 7"}, 7);
}

TEST_F(ExecLauncherTest, DeniesWhatTheBlobDoesNotGrant) {
  EXPECT_EQ(ExpectSameAsExec({blob_, "--", "cat", secret_file_}, 1).err,
            "cat: " + secret_file_ + ": Permission denied\n");
}

TEST_F(ExecLauncherTest, CommandsNotFoundOrNotExecutable) {
  EXPECT_EQ(ExpectSameAsExec({blob_, "--", "landlockc-no-such-command"}, 127).err,
            "landlockc: error: `landlockc-no-such-command`: command not found\n");
  ExpectSameAsExec({blob_, "--", Path("missing/tool")}, 127);
  ExpectSameAsExec({blob_, "--", public_file_}, 126);
  ExpectSameAsExec({blob_, "--", Path("public")}, 126);
  ExpectSameAsExec({blob_, "--", ""}, 127);
}

TEST_F(ExecLauncherTest, APreflightDenialIsExplainedAndNothingRuns) {
  std::string policy =
      Write("p.landlock", "abi 7;\nlayer main {\n    allow read on \"/usr\";\n}\n");
  std::string blob = Compile(policy, "p.llpb");
  Result result = ExpectSameAsExec({blob, "--", "/usr/bin/touch", Path("ran")}, 126);
  EXPECT_EQ(result.err.rfind("landlockc: error: the policy does not let `/usr/bin/touch` run: "
                             "`execute` on ",
                             0),
            0u)
      << result.err;
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
  // A script the policy lets execute but not read: the kernel refuses the interpreter's open
  // only after execve, so this denial is the pre-flight's alone.
  std::string script = Write("bin/job.sh", "#!/bin/sh\ntouch " + Path("ran") + "\n");
  chmod(script.c_str(), 0755);
  std::string shell = Write("shell.landlock",
                            "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n"
                            "    use shell;\n    allow execute on \"" +
                                script + "\";\n}\n");
  ExpectSameAsExec({Compile(shell, "shell.llpb"), "--", script}, 126);
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

TEST_F(ExecLauncherTest, AnUnreadableLibraryIsExplainedAndNothingRuns) {
  // The program and its ELF interpreter (resolved, so the launcher could prove them) are granted,
  // the C library is not: the launcher cannot prove the start and hands over, and the pre-flight
  // names the library instead of the loader failing with "cannot open shared object file".
  std::string loader = Real(ElfInterpreterOf(Real("/usr/bin/touch")));
  ASSERT_FALSE(loader.empty());
  std::string policy = Write(
      "lib.landlock", "abi 7;\nlayer main {\n    allow read + execute on \"/usr/bin\", \"" +
                          loader + "\";\n    allow read on \"/etc\";\n    allow read_write on \"" +
                          root() + "\";\n}\n");
  Result result =
      ExpectSameAsExec({Compile(policy, "lib.llpb"), "--", "/usr/bin/touch", Path("ran")}, 126);
  EXPECT_NE(result.err.find("`read_file` on "), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("(`libc.so.6` needed by `/usr/bin/touch`, found through "),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
}

TEST_F(ExecLauncherTest, ALibraryFoundThroughRunpathWithOrigin) {
  std::string program = Real(BuildProgramWithLibrary(Path("app")));
  ASSERT_FALSE(program.empty());
  std::string app = program.substr(0, program.size() - std::string("/bin/greet").size());
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("out")));
  auto blob_granting = [&](const std::string& name, const std::string& extra) {
    return Compile(Write(name + ".landlock",
                         CatPolicy(app + "/bin", "    allow execute on \"" + app + "/bin\";\n" +
                                                     extra + "    allow read_write on \"" +
                                                     Real(Path("out")) + "\";\n")),
                   name + ".llpb");
  };
  // Its own library is not granted: both programs refuse, naming it, and nothing runs.
  std::string denied = blob_granting("denied", "");
  Result result = ExpectSameAsExec({denied, "--", program, Path("out/greeting")}, 126);
  EXPECT_NE(result.err.find("`libgreet.so` needed by `" + program +
                            "`, found through the RUNPATH `$ORIGIN/../lib` of `" + program + "`"),
            std::string::npos)
      << result.err;
  EXPECT_FALSE(llvm::sys::fs::exists(Path("out/greeting")));
  // Granted: both run it.
  std::string granted = blob_granting("granted", "    allow read on \"" + app + "/lib\";\n");
  ExpectSameAsExec({granted, "--", program, Path("out/greeting")}, 0);
  EXPECT_EQ(ReadFile(Path("out/greeting")), "hello\n");
  // And the launcher proves it alone: its fast path, without a `landlockc` beside it.
  ASSERT_FALSE(llvm::sys::fs::remove(Path("out/greeting")));
  std::string alone = Path("alone/landlockc-exec");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("alone")));
  ASSERT_FALSE(llvm::sys::fs::copy_file(kLauncher, alone));
  chmod(alone.c_str(), 0755);
  Result fast = RunProgram(alone, {granted, "--", program, Path("out/greeting")});
  EXPECT_EQ(fast.exit_code, 0) << fast.err;
  EXPECT_EQ(ReadFile(Path("out/greeting")), "hello\n");
  // Without the grant it hands over, which it cannot do alone.
  fast = RunProgram(alone, {denied, "--", program, Path("out/greeting")});
  EXPECT_EQ(fast.exit_code, 125);
  EXPECT_EQ(fast.err, "landlockc-exec: error: cannot run `" + Path("alone/landlockc") +
                          "`: No such file or directory\n");
}

TEST_F(ExecLauncherTest, EveryLaunchStepInEveryLayerCounts) {
  // The program is granted, its ELF interpreter (in /usr/lib) is not.
  std::string loader = Write("loader.landlock",
                             "abi 7;\nlayer main {\n    allow read + execute on \"/usr/bin\";\n"
                             "    allow read on \"" +
                                 Path("public") + "\";\n}\n");
  Result result =
      ExpectSameAsExec({Compile(loader, "loader.llpb"), "--", "/usr/bin/cat", public_file_}, 126);
  EXPECT_NE(result.err.find("the ELF interpreter of"), std::string::npos) << result.err;
  // The first layer grants everything; the second handles `execute` and grants it on nothing.
  std::string layers = Write("layers.landlock",
                             "abi 7;\nlayer main {\n    allow read + execute on \"/usr\";\n"
                             "    allow read on \"" +
                                 Path("public") +
                                 "\";\n}\nlayer no_exec {\n    handle fs: execute;\n"
                                 "    allow execute on \"" +
                                 Path("public") + "\";\n}\n");
  result = ExpectSameAsExec({Compile(layers, "layers.llpb"), "--", "cat", public_file_}, 126);
  EXPECT_NE(result.err.find("is denied by layer `no_exec`"), std::string::npos) << result.err;
  // Granted only through the links /bin and /lib64 (merged /usr): the kernel allows it; the
  // launcher cannot prove it from the paths and hands over, with the same outcome.
  std::string links =
      Write("links.landlock", "abi 7;\nlayer main {\n    allow read + execute on \"" +
                                  Real("/bin") + "\", \"/lib64\", \"/lib\", \"/usr/lib\";\n}\n");
  ExpectSameAsExec({Compile(links, "links.llpb"), "--", "/bin/true"}, 0);
}

TEST_F(ExecLauncherTest, PoliciesThatCannotBeAppliedExit125) {
  std::string bytes = ReadFile(blob_);
  bytes[bytes.size() / 2] ^= 0x20;
  std::string corrupt = Write("corrupt.llpb", bytes);
  EXPECT_NE(ExpectSameAsExec({corrupt, "--", "cat", public_file_}, 125).err.find("checksum"),
            std::string::npos);
  std::string gone_dir = Write("gone/x", "");
  std::string missing = Write("missing.landlock",
                              "abi 7;\nlayer main {\n    allow read on \"" + gone_dir + "\";\n}\n");
  std::string missing_blob = Compile(missing, "missing.llpb");
  ASSERT_FALSE(llvm::sys::fs::remove(gone_dir));
  ExpectSameAsExec({missing_blob, "--", "cat", public_file_}, 125);
  ExpectSameAsExec({Path("no-such.llpb"), "--", "cat", public_file_}, 125);
  ExpectSameAsExec({root(), "--", "cat", public_file_}, 125);
}

TEST_F(ExecLauncherTest, EverythingElseIsTheDriversAsItIs) {
  // Source policies, options, usage errors.
  EXPECT_EQ(ExpectSameAsExec({policy_, "--", "cat", public_file_}, 0).out, "hello\n");
  EXPECT_NE(ExpectSameAsExec({blob_, "-v", "--", "cat", public_file_}, 0).err, "");
  EXPECT_NE(ExpectSameAsExec({"--dry-run", blob_, "--", "cat", public_file_}, 0).out, "");
  ExpectSameAsExec({"--rox", "/usr", "--ro", Path("public"), "--", "cat", public_file_}, 0);
  ExpectSameAsExec({blob_}, 125);
  ExpectSameAsExec({blob_, "--"}, 125);
  ExpectSameAsExec({}, 125);
  ExpectSameAsExec({"--max-abi", "99", blob_, "--", "true"}, 125);
}

TEST_F(ExecLauncherTest, TheFastPathRunsWithoutTheDriver) {
  // Alone in a directory, the launcher still applies a blob and runs an allowed command (`cat`,
  // a dynamic program: it proves the C library readable too); only what it hands over needs the
  // `landlockc` beside it.
  std::string alone = Path("alone/landlockc-exec");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("alone")));
  ASSERT_FALSE(llvm::sys::fs::copy_file(kLauncher, alone));
  chmod(alone.c_str(), 0755);
  Result allowed = RunProgram(alone, {blob_, "--", "cat", public_file_});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "hello\n");
  Result denied = RunProgram(alone, {blob_, "--", "cat", secret_file_});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_EQ(denied.err, "cat: " + secret_file_ + ": Permission denied\n");
  Result handed_over = RunProgram(alone, {blob_, "--", "landlockc-no-such-command"});
  EXPECT_EQ(handed_over.exit_code, 125);
  EXPECT_EQ(handed_over.err, "landlockc-exec: error: cannot run `" + Path("alone/landlockc") +
                                 "`: No such file or directory\n");
}

}  // namespace
}  // namespace landlockc::e2e
