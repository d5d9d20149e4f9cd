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

// The PT_INTERP of a 64-bit ELF program ("" when none), read independently of the tool.
std::string ElfInterpreterOf(const std::string& program) {
  int fd = open(program.c_str(), O_RDONLY | O_CLOEXEC);
  Elf64_Ehdr header;
  std::string interpreter;
  if (fd >= 0 && pread(fd, &header, sizeof header, 0) == sizeof header) {
    for (int i = 0; i < header.e_phnum; ++i) {
      Elf64_Phdr segment;
      pread(fd, &segment, sizeof segment, static_cast<off_t>(header.e_phoff + i * sizeof segment));
      if (segment.p_type != PT_INTERP) continue;
      interpreter.resize(segment.p_filesz);
      pread(fd, interpreter.data(), segment.p_filesz, static_cast<off_t>(segment.p_offset));
      interpreter.resize(std::strlen(interpreter.c_str()));
    }
  }
  if (fd >= 0) close(fd);
  return interpreter;
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
