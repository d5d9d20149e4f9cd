// SPDX-License-Identifier: MIT
// `landlockc exec` says why a command cannot start under a policy, before restricting anything
// (one test per way of failing, each checking the exact message and that nothing ran); `-v`;
// options that end at the command; inline grants applied for real and printed as a policy.
#include <elf.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <climits>
#include <cstring>

#include "llvm/Support/FileSystem.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

std::string Real(const std::string& path) {
  char buffer[PATH_MAX];
  return realpath(path.c_str(), buffer) != nullptr ? buffer : path;
}

// `path`, or `path` -> `real` when a link lies on the way.
std::string Shown(const std::string& path) {
  std::string real = Real(path);
  return real == path ? "`" + path + "`" : "`" + path + "` -> `" + real + "`";
}

class ExecPreflightTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    if (!KernelHasLandlock()) GTEST_SKIP() << "this kernel has no Landlock";
    marker_ = Path("ran");
  }

  // A shell script that leaves the marker file behind when it runs.
  std::string Script(const std::string& name, const std::string& interpreter) {
    std::string script = Write(name, "#!" + interpreter + "\ntouch " + marker_ + "\n");
    chmod(script.c_str(), 0755);
    return script;
  }

  bool Ran() const { return llvm::sys::fs::exists(marker_); }

  std::string marker_;
};

TEST_F(ExecPreflightTest, MissingLoader) {
  std::string policy = Write("p.landlock",
                             "abi 7;\nlayer main {\n    allow read + execute on \"/usr/bin\";\n"
                             "    allow read_write on \"" +
                                 std::string(root()) + "\";\n}\n");
  std::string loader = ElfInterpreterOf(Real("/usr/bin/touch"));
  ASSERT_FALSE(loader.empty());
  Result result = Landlockc({"exec", policy, "--", "/usr/bin/touch", marker_});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err,
            "landlockc: error: the policy does not let `/usr/bin/touch` run: `execute` "
            "on " +
                Shown(loader) +
                " (the ELF interpreter of `/usr/bin/touch`) is denied "
                "by layer `main` (" +
                policy + ":2)\n");
  EXPECT_FALSE(Ran());
}

TEST_F(ExecPreflightTest, BinaryNotExecutable) {
  std::string policy = Write("p.landlock",
                             "abi 7;\ninclude \"std/runtime.landlock\";\n\nlayer main {\n"
                             "    use runtime;\n    allow read_write on \"" +
                                 std::string(root()) + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", "/usr/bin/touch", marker_});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err,
            "landlockc: error: the policy does not let `/usr/bin/touch` run: `execute` "
            "on " +
                Shown("/usr/bin/touch") + " (as given) is denied by layer `main` (" + policy +
                ":4)\n");
  EXPECT_FALSE(Ran());
}

TEST_F(ExecPreflightTest, ScriptWithoutReadFile) {
  std::string script = Script("bin/job.sh", "/bin/sh");
  std::string policy = Write("p.landlock",
                             "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n"
                             "    use shell;\n    allow execute on \"" +
                                 script + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", script});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, "landlockc: error: the policy does not let `" + script +
                            "` run: `read_file` on `" + script +
                            "` (as given) is denied by layer `main` (" + policy + ":4)\n");
  EXPECT_FALSE(Ran());
}

TEST_F(ExecPreflightTest, InterpreterOutsideThePolicy) {
  std::string interpreter = Path("interp/mysh");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("interp")));
  ASSERT_FALSE(llvm::sys::fs::copy_file(Real("/bin/sh"), interpreter));
  chmod(interpreter.c_str(), 0755);
  std::string script = Script("bin/job.sh", interpreter);
  std::string policy = Write("p.landlock",
                             "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n"
                             "    use shell;\n    allow read + execute on \"" +
                                 script + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", script});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, "landlockc: error: the policy does not let `" + script +
                            "` run: `execute` on `" + interpreter + "` (the `#!` interpreter of `" +
                            script + "`) is denied by layer `main` (" + policy + ":4)\n");
  EXPECT_FALSE(Ran());
}

TEST_F(ExecPreflightTest, PathResolvesOutsideThePolicy) {
  // A shim directory first in PATH, as pyenv puts one: the command found is a link to a script.
  Script("real/tool", "/bin/sh");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("shims")));
  ASSERT_EQ(symlink(Path("real/tool").c_str(), Path("shims/tool").c_str()), 0);
  std::string policy = Write("p.landlock",
                             "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n"
                             "    use shell;\n}\n");
  std::string saved = getenv("PATH") != nullptr ? getenv("PATH") : "";
  setenv("PATH", (Path("shims") + ":/usr/bin:/bin").c_str(), 1);
  Result result = Landlockc({"exec", policy, "--", "tool"});
  setenv("PATH", saved.c_str(), 1);
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, "landlockc: error: the policy does not let `tool` run: `execute` on `" +
                            Path("shims/tool") + "` -> `" + Path("real/tool") +
                            "` (found in PATH) is denied by layer `main` (" + policy + ":4)\n");
  EXPECT_FALSE(Ran());
}

// Where the loader finds `library` for `program`, as the loader itself says (ldd).
std::string LoaderFinds(const std::string& program, const std::string& library) {
  Result ldd = RunProgram("/usr/bin/ldd", {program});
  size_t at = ldd.out.find(library + " => ");
  if (at == std::string::npos) return "";
  at += library.size() + 4;
  return ldd.out.substr(at, ldd.out.find(' ', at) - at);
}

TEST_F(ExecPreflightTest, LibraryNotReadable) {
  std::string loader = ElfInterpreterOf(Real("/usr/bin/touch"));
  std::string libc = LoaderFinds("/usr/bin/touch", "libc.so.6");
  ASSERT_FALSE(libc.empty());
  std::string policy = Write("p.landlock",
                             "abi 7;\nlayer main {\n"
                             "    allow read + execute on \"/usr/bin\";\n"
                             "    allow read_file + execute on \"" +
                                 loader +
                                 "\";\n"
                                 "    allow read_file on \"/etc/ld.so.cache\";\n"
                                 "    allow read_write on \"" +
                                 root() + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", "/usr/bin/touch", marker_});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err,
            "landlockc: error: the policy does not let `/usr/bin/touch` run: "
            "`read_file` on " +
                Shown(libc) +
                " (`libc.so.6` needed by `/usr/bin/touch`, found through "
                "`/etc/ld.so.cache`) is denied by layer `main` (" +
                policy + ":2)\n");
  EXPECT_FALSE(Ran());
}

// A static program that runs its arguments: the pre-flight has nothing to check beyond it, so
// what it runs meets the kernel unannounced.
std::string BuildStaticLauncher(const std::string& path) {
  std::string source = WriteTo(path + ".c",
                               "#include <stdio.h>\n#include <unistd.h>\n"
                               "int main(int argc, char** argv) {\n"
                               "  (void)argc;\n  execv(argv[1], argv + 1);\n"
                               "  perror(\"execv\");\n  return 127;\n}\n");
  Result cc = RunProgram(LANDLOCKC_C_COMPILER, {"-static", "-o", path, source});
  return cc.exit_code == 0 ? path : "";
}

TEST_F(ExecPreflightTest, TheKernelAgreesTheLibraryIsNotReadable) {
  std::string launcher = BuildStaticLauncher(Path("launch"));
  ASSERT_FALSE(launcher.empty());
  std::string loader = ElfInterpreterOf(Real("/usr/bin/touch"));
  std::string policy = Write("p.landlock",
                             "abi 7;\nlayer main {\n"
                             "    allow read + execute on \"/usr/bin\", \"" +
                                 launcher +
                                 "\";\n"
                                 "    allow read_file + execute on \"" +
                                 loader + "\";\n    allow read_write on \"" + root() + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", launcher, "/usr/bin/touch", marker_});
  // The loader tries every place and reports the last one's error: the very message that hides
  // the denial, which is why the pre-flight names the library.
  EXPECT_EQ(result.exit_code, 127);
  EXPECT_EQ(result.err,
            "/usr/bin/touch: error while loading shared libraries: libc.so.6: "
            "cannot open shared object file: No such file or directory\n");
  EXPECT_FALSE(Ran());
}

TEST_F(ExecPreflightTest, LibrariesNeedReadFileNotExecute) {
  // The loader maps each library executable; Landlock checks `execute` on execve only.
  std::string loader = ElfInterpreterOf(Real("/usr/bin/touch"));
  std::string policy = Write("p.landlock",
                             "abi 7;\nlayer main {\n"
                             "    allow read_file + execute on \"/usr/bin/touch\", \"" +
                                 loader +
                                 "\";\n"
                                 "    allow read_file on \"/lib\", \"/usr/lib\";\n"
                                 "    allow read_write on \"" +
                                 root() + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", "/usr/bin/touch", marker_});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  EXPECT_TRUE(Ran());
}

// The pre-flight's message for BuildProgramWithLibrary's program when `policy` (with its
// layer on line 4) does not grant its library.
std::string GreetLibraryDenied(const std::string& program, const std::string& policy) {
  std::string base = program.substr(0, program.size() - std::strlen("/bin/greet"));
  return "landlockc: error: the policy does not let `" + program + "` run: `read_file` on `" +
         base + "/bin/../lib/libgreet.so` -> `" + base +
         "/lib/libgreet.so` (`libgreet.so` needed by `" + program +
         "`, found through the RUNPATH `$ORIGIN/../lib` of `" + program +
         "`) is denied by layer `main` (" + policy + ":4)\n";
}

TEST_F(ExecPreflightTest, LibraryFoundThroughRunpathWithOrigin) {
  std::string program = BuildProgramWithLibrary(Path("app"));
  ASSERT_FALSE(program.empty());
  std::string policy =
      Write("p.landlock",
            "abi 7;\ninclude \"std/runtime.landlock\";\n\nlayer main {\n"
            "    use runtime;\n    allow read + execute on \"" +
                Path("app/bin") + "\";\n    allow read_write on \"" + Path("out") + "\";\n}\n");
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("out")));
  Result result = Landlockc({"exec", policy, "--", program, Path("out/greeting")});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, GreetLibraryDenied(program, policy));
  EXPECT_FALSE(llvm::sys::fs::exists(Path("out/greeting")));

  std::string granted = Write("q.landlock",
                              "abi 7;\ninclude \"std/runtime.landlock\";\n\nlayer main {\n"
                              "    use runtime;\n    allow read + execute on \"" +
                                  Path("app/bin") + "\";\n    allow read on \"" + Path("app/lib") +
                                  "\";\n    allow read_write on \"" + Path("out") + "\";\n}\n");
  result = Landlockc({"exec", granted, "--", program, Path("out/greeting")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadFile(Path("out/greeting")), "hello\n");
}

TEST_F(ExecPreflightTest, ALibraryThroughABindMountOfAGrantedDirectory) {
  // In a mount namespace of its own, app/lib becomes a bind mount of store/, which the policy
  // grants: the kernel ties the rule to store's inode, so the library may be read through app/lib
  // and the pre-flight must agree; without the grant it must name the library.
  std::string program = BuildProgramWithLibrary(Path("app"));
  ASSERT_FALSE(program.empty());
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("store")));
  ASSERT_FALSE(llvm::sys::fs::rename(Path("app/lib/libgreet.so"), Path("store/libgreet.so")));
  ASSERT_FALSE(llvm::sys::fs::create_directories(Path("out")));
  auto policy_granting = [&](const std::string& name, const std::string& extra) {
    return Write(name,
                 "abi 7;\ninclude \"std/runtime.landlock\";\n\nlayer main {\n"
                 "    use runtime;\n    allow read + execute on \"" +
                     Path("app/bin") + "\";\n" + extra + "    allow read_write on \"" +
                     Path("out") + "\";\n}\n");
  };
  auto exec_in_namespace = [&](const std::string& policy) {
    return RunProgram(
        "/usr/bin/unshare",
        {"--mount", "--propagation", "private", "/bin/sh", "-c",
         "mount --bind \"$1\" \"$2\" && exec \"$3\" exec \"$4\" -- \"$5\" \"$6\"", "sh",
         Path("store"), Path("app/lib"), LANDLOCKC_BINARY, policy, program, Path("out/greeting")});
  };
  Result result = exec_in_namespace(
      policy_granting("p.landlock", "    allow read on \"" + Path("store") + "\";\n"));
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(ReadFile(Path("out/greeting")), "hello\n");

  std::string denying = policy_granting("q.landlock", "");
  result = exec_in_namespace(denying);
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, GreetLibraryDenied(program, denying));
  // The mount lived in the namespace only.
  EXPECT_FALSE(llvm::sys::fs::exists(Path("app/lib/libgreet.so")));
}

TEST_F(ExecPreflightTest, AMalformedProgramIsLeftToTheKernel) {
  std::string program = Write("bin/broken", std::string("\x7f"
                                                        "ELF\x02\x01\x01",
                                                        7) +
                                                "garbage");
  chmod(program.c_str(), 0755);
  std::string policy = Write(
      "p.landlock", "abi 7;\nlayer main {\n    allow read + execute on \"" + root() + "\";\n}\n");
  Result result = Landlockc({"exec", policy, "--", program});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, "landlockc: error: cannot execute `" + program + "`: Exec format error\n");
}

TEST_F(ExecPreflightTest, ABlobPolicyNamesTheLayer) {
  std::string policy =
      Write("p.landlock", "abi 7;\nlayer main {\n    allow read on \"/usr\";\n}\n");
  std::string blob = Path("p.llpb");
  ASSERT_EQ(Landlockc({"compile", policy, "-o", blob}).exit_code, 0);
  Result result = Landlockc({"exec", blob, "--", "/usr/bin/touch", marker_});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err,
            "landlockc: error: the policy does not let `/usr/bin/touch` run: `execute` "
            "on " +
                Shown("/usr/bin/touch") + " (as given) is denied by layer `main`\n");
  EXPECT_FALSE(Ran());
}

TEST_F(ExecPreflightTest, VerboseNamesSkippedGrantsVariablesAndNarrowedGrants) {
  Write("public/hello.txt", "hello\n");
  setenv("LANDLOCKC_TEST_PUBLIC", Path("public").c_str(), 1);
  std::string policy = Write("p.landlock",
                             "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n"
                             "    use shell;\n"
                             "    allow read on \"$LANDLOCKC_TEST_PUBLIC\";\n"
                             "    allow read on \"" +
                                 Path("absent") +
                                 "\" optional;\n"
                                 "    allow read_write on \"" +
                                 Path("public/hello.txt") + "\";\n}\n");
  Result result = Landlockc({"exec", "-v", policy, "--", "cat", Path("public/hello.txt")});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "hello\n");
  EXPECT_NE(result.err.find("  variable: `${LANDLOCKC_TEST_PUBLIC}` = `" + Path("public") +
                            "` (in `${LANDLOCKC_TEST_PUBLIC}`)\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("  skipped: optional grant on `" + Path("absent") +
                            "` (layer `main`): `" + Path("absent") + "` does not exist\n"),
            std::string::npos)
      << result.err;
  EXPECT_NE(result.err.find("  narrowed: grant on `" + Path("public/hello.txt") +
                            "` (layer `main`) is a file: keeps only file rights, not `read_dir`, "
                            "`remove_dir`, `remove_file`, `make_dir`, `make_reg`, `make_sock`, "
                            "`make_fifo`, `make_sym`, `refer`\n"),
            std::string::npos)
      << result.err;
}

TEST_F(ExecPreflightTest, OptionsEndAtTheCommand) {
  std::string policy = Write(
      "p.landlock", "abi 7;\ninclude \"std/shell.landlock\";\n\nlayer main {\n    use shell;\n}\n");
  // `-c` belongs to `sh`, not to landlockc.
  Result result = Landlockc({"exec", policy, "sh", "-c", "echo $0 $1", "-v", "--max-abi"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "-v --max-abi\n");
  Result with_options = Landlockc({"exec", "--max-abi", "3", policy, "-v", "sh", "-c", "exit 4"});
  EXPECT_EQ(with_options.exit_code, 4) << with_options.err;
}

TEST_F(ExecPreflightTest, MaxAbiTakesOneToTen) {
  std::string policy = Write("p.landlock", "abi 7;\nlayer main {\n    allow read on \"/\";\n}\n");
  for (const char* bad : {"0", "11", "-1"}) {
    Result result = Landlockc({"exec", "--max-abi", bad, policy, "--", "true"});
    EXPECT_EQ(result.exit_code, 125) << bad;
    EXPECT_EQ(result.err, std::string("landlockc: error: `--max-abi ") + bad +
                              "` is outside the known Landlock ABIs 1..10\n");
  }
  Result text = Landlockc({"exec", "--max-abi", "three", policy, "--", "true"});
  EXPECT_EQ(text.exit_code, 125);
}

TEST_F(ExecPreflightTest, InlineGrantsAreAppliedForReal) {
  std::string public_file = Write("public/hello.txt", "hello\n");
  std::string secret_file = Write("private/secret.txt", "secret\n");
  Result allowed =
      Landlockc({"exec", "--use", "shell", "--ro", Path("public"), "--", "cat", public_file});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_EQ(allowed.out, "hello\n");
  Result denied = Landlockc({"exec", "--use", "shell", "--ro", Path("public"), "cat", secret_file});
  EXPECT_EQ(denied.exit_code, 1);
  EXPECT_EQ(denied.err, "cat: " + secret_file + ": Permission denied\n");
  Result written = Landlockc(
      {"exec", "--use", "shell", "--rw", Path("public"), "--", "touch", Path("public/new")});
  EXPECT_EQ(written.exit_code, 0) << written.err;
  EXPECT_TRUE(llvm::sys::fs::exists(Path("public/new")));
}

TEST_F(ExecPreflightTest, InlinePortGrants) {
  const std::string probe = LANDLOCKC_TCP_PROBE;
  std::vector<std::string> flags = {"exec",       "--use", "runtime",       "--rox", Real(probe),
                                    "--bind-tcp", "47311", "--connect-tcp", "47313", "--"};
  auto run = [&](const std::string& what, const std::string& port) {
    std::vector<std::string> arguments = flags;
    arguments.insert(arguments.end(), {probe, what, port});
    return Landlockc(arguments);
  };
  EXPECT_EQ(run("bind", "47311").out, "allowed\n");
  EXPECT_EQ(run("bind", "47312").out, "denied\n");
  EXPECT_EQ(run("connect", "47313").out, "allowed\n");
  EXPECT_EQ(run("connect", "47314").out, "denied\n");
}

TEST_F(ExecPreflightTest, PrintPolicyGraduatesIntoAFile) {
  std::string public_file = Write("public/hello.txt", "hello\n");
  Result printed = Landlockc({"exec", "--use", "shell", "--ro", Path("public"), "--connect-tcp",
                              "443", "--print-policy", "--", "cat", public_file});
  EXPECT_EQ(printed.exit_code, 0) << printed.err;
  EXPECT_EQ(printed.out,
            "# The inline grants of `landlockc exec`, as a policy file.\n"
            "abi 10;\n"
            "include \"std/shell.landlock\";\n"
            "\n"
            "layer main {\n"
            "    use shell;\n"
            "    allow read on \"" +
                Path("public") +
                "\";\n"
                "    allow connect_tcp on port 443;\n"
                "}\n");
  EXPECT_FALSE(llvm::sys::fs::exists(Path("ran")));
  std::string file = Write("graduated.landlock", printed.out);
  EXPECT_EQ(Landlockc({"fmt", "--check", file}).exit_code, 0);
  // The file compiles to the blob the inline flags apply: the same report, the same outcome.
  Result from_file = Landlockc({"exec", file, "--dry-run", "--", "cat", public_file});
  Result from_flags = Landlockc({"exec", "--use", "shell", "--ro", Path("public"), "--connect-tcp",
                                 "443", "--dry-run", "--", "cat", public_file});
  EXPECT_EQ(from_file.exit_code, 0) << from_file.err;
  std::string report_file = from_file.out.substr(from_file.out.find('\n'));
  std::string report_flags = from_flags.out.substr(from_flags.out.find('\n'));
  EXPECT_EQ(report_file, report_flags);
  std::string blob = Path("graduated.llpb");
  ASSERT_EQ(Landlockc({"compile", file, "-o", blob}).exit_code, 0);
  Result run = Landlockc({"exec", blob, "--", "cat", public_file});
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out, "hello\n");
}

TEST_F(ExecPreflightTest, InlineGrantsAndAPolicyFileCannotBeMixed) {
  std::string policy = Write("p.landlock", "abi 7;\nlayer main {\n    allow read on \"/\";\n}\n");
  Result result = Landlockc({"exec", policy, "--ro", "/usr", "--", "true"});
  EXPECT_EQ(result.exit_code, 125);
  EXPECT_EQ(result.err,
            "landlockc: error: inline grants (`--ro`, `--rw`, `--use`...) and a policy file cannot "
            "be mixed: put the grants in the file, or drop the file\n");
  EXPECT_EQ(Landlockc({"exec", "--ro", "/usr", policy, "--", "true"}).exit_code, 125);
}

// docs/language.md: under std/shell the shell reads its own /proc/self, the commands it starts
// cannot read theirs (each is a /proc/PID no rule covers).
TEST_F(ExecPreflightTest, ProcSelfUnderShellCoversOnlyTheShell) {
  Result result = Landlockc({"exec", "--use", "shell", "--", "sh", "-c",
                             "read x < /proc/self/stat && echo shell: ok; cat /proc/self/stat"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "shell: ok\n");
  EXPECT_EQ(result.err, "cat: /proc/self/stat: Permission denied\n");
}

}  // namespace
}  // namespace landlockc::e2e
