// SPDX-License-Identifier: MIT
// `landlockc learn` end to end, on real programs: learn a policy, check it, replay the program
// under it with `exec` (it does its job), and see it denied a planted secret under a fake
// `$HOME/.ssh` it never touched, and a port other than the one it used. Then `--from`, exit
// statuses and signals.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <thread>

#include "gtest/gtest.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

// A loopback HTTP server answering every request with `hello`, on a port of its own.
class LoopbackServer {
 public:
  LoopbackServer() {
    listener_ = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    listen(listener_, 8);
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] {
      for (;;) {
        int client = accept(listener_, nullptr, nullptr);
        if (client < 0) return;
        char request[4096];
        ssize_t ignored = read(client, request, sizeof request);
        static const char kReply[] =
            "HTTP/1.0 200 OK\r\nContent-Length: 6\r\nConnection: close\r\n\r\nhello\n";
        ignored = write(client, kReply, sizeof kReply - 1);
        (void)ignored;
        close(client);
      }
    });
  }
  ~LoopbackServer() {
    shutdown(listener_, SHUT_RDWR);
    close(listener_);
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/"; }
  uint16_t port() const { return port_; }

 private:
  int listener_ = -1;
  uint16_t port_ = 0;
  std::thread thread_;
};

class LearnTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!KernelHasLandlock()) GTEST_FAIL() << "these tests need a kernel with Landlock";
    // Not under /tmp: std/temp grants the temporary directories, and the secret must lie outside
    // every grant the program did not earn.
    work_ = CreateNonTemporaryDirectory();
    ASSERT_FALSE(work_.empty()) << "no directory outside the temporary directories";
    home_ = work_ + "/home";
    secret_ = Write("home/.ssh/id_rsa", "PRIVATE KEY\n");
    llvm::sys::fs::create_directories(work_ + "/out");
  }
  void TearDown() override { llvm::sys::fs::remove_directories(work_); }

  std::string Write(const std::string& name, const std::string& text) const {
    std::string path = work_ + "/" + name;
    llvm::sys::fs::create_directories(llvm::sys::path::parent_path(path));
    std::ofstream(path) << text;
    return path;
  }

  // `landlockc ARGS...` with the fake $HOME and a plain PATH.
  Result Run(const std::vector<std::string>& arguments) const {
    std::vector<std::string> env = {"HOME=" + home_, "PATH=/usr/bin:/bin", LANDLOCKC_BINARY};
    env.insert(env.end(), arguments.begin(), arguments.end());
    return RunProgram("/usr/bin/env", env);
  }
  Result Learn(const std::vector<std::string>& command) const {
    std::vector<std::string> arguments = {"learn", "-o", policy(), "--"};
    arguments.insert(arguments.end(), command.begin(), command.end());
    return Run(arguments);
  }
  Result Exec(const std::vector<std::string>& command) const {
    std::vector<std::string> arguments = {"exec", policy(), "--"};
    arguments.insert(arguments.end(), command.begin(), command.end());
    return Run(arguments);
  }
  std::string policy() const { return work_ + "/learned.landlock"; }

  // Learns `command`, checks the policy, and replays `command` under it after `reset`.
  void LearnCheckReplay(const std::vector<std::string>& command, const std::string& reset) {
    Result learned = Learn(command);
    ASSERT_EQ(learned.exit_code, 0) << learned.err;
    Result checked = Run({"check", policy()});
    ASSERT_EQ(checked.exit_code, 0) << checked.err << ReadFile(policy());
    EXPECT_EQ(ReadFile(policy()).find(secret_), std::string::npos);
    Result formatted = Run({"fmt", "--check", policy()});
    EXPECT_EQ(formatted.exit_code, 0)
        << "not in the `fmt` layout: " << formatted.out << formatted.err;
    if (!reset.empty()) {
      ASSERT_EQ(RunProgram("/bin/sh", {"-c", reset}).exit_code, 0);
    }
    Result replayed = Exec(command);
    ASSERT_EQ(replayed.exit_code, 0) << replayed.err << "\n" << ReadFile(policy());
  }

  // The secret is denied to `command` under the learned policy.
  void ExpectSecretDenied(const std::vector<std::string>& command, const std::string& message) {
    Result denied = Exec(command);
    EXPECT_NE(denied.exit_code, 0) << denied.out;
    EXPECT_NE(denied.err.find(message), std::string::npos) << denied.err;
    EXPECT_EQ(denied.out.find("PRIVATE KEY"), std::string::npos);
  }

  std::string work_, home_, secret_;
};

TEST_F(LearnTest, ShellPipeline) {
  Write("in/words.txt", "pear\napple\n");
  std::string pipeline =
      "cat " + work_ + "/in/words.txt | tr a-z A-Z | sort > " + work_ + "/out/sorted.txt";
  LearnCheckReplay({"/bin/sh", "-c", pipeline}, "rm " + work_ + "/out/sorted.txt");
  EXPECT_EQ(ReadFile(work_ + "/out/sorted.txt"), "APPLE\nPEAR\n");
  ExpectSecretDenied({"/bin/sh", "-c", "cat " + secret_}, "Permission denied");
}

TEST_F(LearnTest, PythonScriptWithInputAndOutputFolders) {
  Write("in/a.txt", "one\n");
  Write("in/b.txt", "two\n");
  Write("in/c.txt", "three\n");
  std::string script = Write("upper.py",
                             "import os, sys\n"
                             "src, dst = sys.argv[1], sys.argv[2]\n"
                             "for name in sorted(os.listdir(src)):\n"
                             "    with open(os.path.join(src, name)) as f:\n"
                             "        text = f.read()\n"
                             "    with open(os.path.join(dst, name), 'w') as f:\n"
                             "        f.write(text.upper())\n");
  LearnCheckReplay({"/usr/bin/python3", script, work_ + "/in", work_ + "/out"},
                   "rm " + work_ + "/out/*.txt");
  EXPECT_EQ(ReadFile(work_ + "/out/c.txt"), "THREE\n");
  ExpectSecretDenied({"/usr/bin/python3", "-c", "print(open('" + secret_ + "').read())"},
                     "PermissionError");
  LoopbackServer other;
  ExpectSecretDenied({"/usr/bin/python3", "-c",
                      "import socket; socket.create_connection(('127.0.0.1', " +
                          std::to_string(other.port()) + "))"},
                     "PermissionError");
}

TEST_F(LearnTest, TarWithGzip) {
  Write("in/a.txt", "alpha\n");
  Write("in/b.txt", "beta\n");
  LearnCheckReplay({"/bin/tar", "czf", work_ + "/out/in.tgz", "-C", work_, "in"},
                   "rm " + work_ + "/out/in.tgz");
  // GNU tar runs gzip through /bin/sh -c: the policy must let it, and the archive is whole.
  Result listed = RunProgram("/bin/sh", {"-c", "tar tzf " + work_ + "/out/in.tgz | sort"});
  EXPECT_EQ(listed.out, "in/\nin/a.txt\nin/b.txt\n");
  ExpectSecretDenied({"/bin/tar", "cf", "-", secret_}, "Permission denied");
}

TEST_F(LearnTest, CcBuildingAProgram) {
  Write("src/hello.c", "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
  LearnCheckReplay({"/usr/bin/cc", "-o", work_ + "/out/hello", work_ + "/src/hello.c"},
                   "rm " + work_ + "/out/hello");
  EXPECT_EQ(RunProgram(work_ + "/out/hello", {}).out, "hello\n");
  ExpectSecretDenied({"/usr/bin/cc", "-E", "-x", "c", secret_}, "Permission denied");
}

TEST_F(LearnTest, GitInitAddCommit) {
  Write("repo/file.txt", "content\n");
  std::string script = "cd " + work_ +
                       "/repo && git init -q && git add file.txt && "
                       "git -c user.name=t -c user.email=t@example.org commit -qm first";
  LearnCheckReplay({"/bin/sh", "-c", script}, "rm -rf " + work_ + "/repo/.git");
  Result log = RunProgram("/usr/bin/git", {"-C", work_ + "/repo", "log", "--format=%s"});
  EXPECT_EQ(log.out, "first\n");
  ExpectSecretDenied({"/usr/bin/git", "hash-object", secret_}, "Permission denied");
}

TEST_F(LearnTest, CurlAgainstALoopbackServer) {
  LoopbackServer server;
  LoopbackServer other;
  LearnCheckReplay({"/usr/bin/curl", "-sS", "-o", work_ + "/out/page", server.url()},
                   "rm " + work_ + "/out/page");
  EXPECT_EQ(ReadFile(work_ + "/out/page"), "hello\n");
  std::string text = ReadFile(policy());
  EXPECT_NE(text.find("allow connect_tcp on port " + std::to_string(server.port()) + ";"),
            std::string::npos)
      << text;
  ExpectSecretDenied({"/usr/bin/curl", "-sS", "-o", "/dev/null", other.url()}, "Couldn't connect");
  ExpectSecretDenied({"/usr/bin/curl", "-sS", "file://" + secret_}, "Couldn't open file");
}

TEST_F(LearnTest, FromRepairsAPolicyMissingOneGrantAndKeepsOneMissingNone) {
  Write("in/words.txt", "pear\napple\n");
  std::vector<std::string> command = {"/bin/sh", "-c",
                                      "sort " + work_ + "/in/words.txt > " + work_ + "/out/s.txt"};
  ASSERT_EQ(Learn(command).exit_code, 0);
  std::string complete = ReadFile(policy());
  // Drop the grant on the output directory: the one line naming it.
  std::string out_dir = "\"" + work_ + "/out\"";
  size_t grant = complete.find(out_dir);
  ASSERT_NE(grant, std::string::npos) << complete;
  size_t line_start = complete.rfind('\n', grant) + 1;
  size_t line_end = complete.find('\n', grant) + 1;
  std::string missing_one = complete.substr(0, line_start) + complete.substr(line_end);
  std::string partial = Write("partial.landlock", missing_one);
  unsigned layer_line = 1;
  for (size_t i = 0; i < complete.find("layer main"); ++i) layer_line += complete[i] == '\n';

  Result repaired = Run({"learn", "--from", partial, "-o", work_ + "/repaired.landlock", "--",
                         command[0], command[1], command[2]});
  ASSERT_EQ(repaired.exit_code, 0) << repaired.err;
  // The output file exists after the learning run: this run rewrote it.
  std::string output = work_ + "/out/s.txt";
  EXPECT_NE(
      repaired.err.find("landlockc: `write_file` on `" + output + "` is denied by layer `main` (" +
                        partial + ":" + std::to_string(layer_line) + ")\n"),
      std::string::npos)
      << repaired.err;
  std::string text = ReadFile(work_ + "/repaired.landlock");
  // P's own text, with the missing grant added before the layer's closing brace.
  size_t brace = missing_one.rfind("}");
  EXPECT_EQ(text.substr(0, brace), missing_one.substr(0, brace));
  EXPECT_EQ(text.substr(brace), "    allow write_file + truncate on \"" + output +
                                    "\";  # learned: truncated " + output + ", wrote " + output +
                                    "\n}\n");
  EXPECT_EQ(text.substr(text.rfind("}")), "}\n");
  Result checked = Run({"check", work_ + "/repaired.landlock"});
  EXPECT_EQ(checked.exit_code, 0) << checked.err;

  Result unchanged = Run({"learn", "--from", policy(), "-o", work_ + "/same.landlock", "--",
                          command[0], command[1], command[2]});
  ASSERT_EQ(unchanged.exit_code, 0) << unchanged.err;
  EXPECT_EQ(unchanged.err,
            "landlockc: `" + policy() + "` already allows everything the command did\n");
  EXPECT_EQ(ReadFile(work_ + "/same.landlock"), complete);
}

TEST_F(LearnTest, ExitStatusPassesThroughAndSignalsAreReported) {
  EXPECT_EQ(Learn({"/bin/sh", "-c", "exit 3"}).exit_code, 3);
  Result killed = Learn({"/bin/sh", "-c", "kill -TERM $$"});
  EXPECT_EQ(killed.exit_code, 128 + 15);
  EXPECT_NE(killed.err.find("landlockc: warning: `/bin/sh` was killed by signal 15 (SIGTERM)\n"),
            std::string::npos)
      << killed.err;
  Result missing = Learn({"landlockc-no-such-command"});
  EXPECT_EQ(missing.exit_code, 127);
  EXPECT_EQ(missing.err, "landlockc: error: `landlockc-no-such-command`: command not found\n");
  Result not_executable = Learn({work_ + "/home/.ssh/id_rsa"});
  EXPECT_EQ(not_executable.exit_code, 126);
}

TEST_F(LearnTest, AnIoUringIsReportedAsUnseen) {
  Result learned = Learn({LANDLOCKC_IO_URING_PROGRAM});
  ASSERT_EQ(learned.exit_code, 0) << "the kernel refused io_uring_setup: " << learned.err;
  static const char kWarning[] =
      " set up an io_uring: what it submitted through the ring (opens, connects ...) bypassed "
      "system calls and was not seen; the policy does not allow it\n";
  EXPECT_EQ(learned.err.rfind("landlockc: warning: process ", 0), 0u) << learned.err;
  EXPECT_NE(learned.err.find(kWarning), std::string::npos) << learned.err;
  EXPECT_EQ(Learn({"/bin/true"}).err.find("io_uring"), std::string::npos);
}

TEST_F(LearnTest, ASecretTheProgramReadIsReportedByTheLinter) {
  Result learned = Learn({"/bin/cat", secret_});
  EXPECT_EQ(learned.exit_code, 0);
  EXPECT_EQ(learned.out, "PRIVATE KEY\n");
  EXPECT_NE(ReadFile(policy()).find("allow read_file on \"$HOME/.ssh/id_rsa\";  # read\n"),
            std::string::npos)
      << ReadFile(policy());
  EXPECT_NE(learned.err.find("landlockc: warning: the program read `${HOME}/.ssh/id_rsa`, in "
                             "`${HOME}/.ssh`, which holds SSH private keys: review this grant (" +
                             policy() + ":"),
            std::string::npos)
      << learned.err;
}

TEST_F(LearnTest, WritingToADeviceLeavesTheDeviceInPlace) {
  // `-o /dev/null` must not replace the device with a file: a null device of the test's own.
  std::string null = work_ + "/null";
  ASSERT_EQ(mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)), 0) << std::strerror(errno);
  Result learned = Run({"learn", "-o", null, "--", "/bin/true"});
  EXPECT_EQ(learned.exit_code, 0) << learned.err;
  struct stat status;
  ASSERT_EQ(stat(null.c_str(), &status), 0);
  EXPECT_TRUE(S_ISCHR(status.st_mode)) << "the device was replaced";
}

TEST_F(LearnTest, HelpSaysLearningIsNotASandbox) {
  Result help = Run({"learn", "--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("UNRESTRICTED"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("learning is not a sandbox"), std::string::npos) << help.out;
}

}  // namespace
}  // namespace landlockc::e2e
