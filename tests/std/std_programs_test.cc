// SPDX-License-Identifier: MIT
// The standard policy library on real programs: for each std block, a policy that uses it (plus
// `read_file + execute` on the programs it runs) lets those programs do the job the block is for
// under `landlockc exec`, and still denies what the block is not for. Outputs that depend on the
// machine (user names, host entries) are compared with the same program run unrestricted.
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <optional>

#include "landlockc/runtime.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "runtime/abi_table.h"
#include "tests/cli/run_landlockc.h"

namespace landlockc::e2e {
namespace {

constexpr const char* kDenied = ": Permission denied\n";

/// The real path of a program found in $PATH ("" when missing): /bin/ls is /usr/bin/ls on a
/// merged /usr, and that is the name the kernel reports.
std::string Which(const std::string& name) {
  llvm::ErrorOr<std::string> path = llvm::sys::findProgramByName(name);
  llvm::SmallString<128> real;
  if (!path || llvm::sys::fs::real_path(*path, real)) return "";
  return std::string(real);
}

/// A policy written for ABI 7 that includes each of `blocks` from the checkout's std/, uses them
/// in one layer, and lets that layer run `programs`.
std::string StdPolicy(const std::vector<std::string>& blocks,
                      const std::vector<std::string>& programs) {
  std::string text = "abi 7;\n";
  for (const std::string& block : blocks) text += "include \"std/" + block + ".landlock\";\n";
  text += "layer main {\n";
  for (const std::string& block : blocks) text += "    use " + block + ";\n";
  for (const std::string& program : programs)
    text += "    allow read_file + execute on \"" + program + "\";\n";
  return text + "}\n";
}

class StdProgramsTest : public ScratchTest {
 protected:
  void SetUp() override {
    ScratchTest::SetUp();
    if (!KernelHasLandlock()) GTEST_SKIP() << "this kernel has no Landlock";
    // Untranslated messages with plain quotes, whatever the caller's locale.
    setenv("LC_ALL", "C", 1);
  }

  /// Runs `command` under a policy using `blocks` that may execute `programs` (names looked up in
  /// $PATH; the command's own program too).
  Result Exec(const std::vector<std::string>& blocks, const std::vector<std::string>& programs,
              const std::vector<std::string>& command, const std::string& input = "") {
    std::vector<std::string> paths;
    for (const std::string& program : programs) {
      paths.push_back(Which(program));
      EXPECT_NE(paths.back(), "") << program << " is not installed";
    }
    std::string policy = Write("policy.landlock", StdPolicy(blocks, paths));
    std::vector<std::string> arguments = {"exec", "-I", LANDLOCKC_SOURCE_DIR, policy, "--"};
    arguments.insert(arguments.end(), command.begin(), command.end());
    return Landlockc(arguments, input);
  }

  /// Runs `command` without any policy, for the expected output.
  static Result Unrestricted(const std::vector<std::string>& command) {
    return RunProgram(Which(command.front()),
                      std::vector<std::string>(command.begin() + 1, command.end()));
  }
};

// runtime --------------------------------------------------------------------------------------

TEST_F(StdProgramsTest, RuntimeStartsADynamicallyLinkedProgram) {
  Result result = Exec({"runtime"}, {"env", "true"}, {"env", "true"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, RuntimeReadsTimeZones) {
  // Without /usr/share/zoneinfo glibc falls back to UTC under the name `Europe`.
  Result result = Exec({"runtime"}, {"env", "date"},
                       {"env", "TZ=Europe/Paris", "date", "-d", "@0", "+%H:%M %Z"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "01:00 CET\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, RuntimeLoadsLocaleData) {
  // Without /usr/lib/locale, glibc stays in the C locale: charmap ANSI_X3.4-1968.
  Result result =
      Exec({"runtime"}, {"env", "locale"}, {"env", "LC_ALL=C.UTF-8", "locale", "charmap"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "UTF-8\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, RuntimeReadsProcSelf) {
  Result exe = Exec({"runtime"}, {"readlink"}, {"readlink", "/proc/self/exe"});
  EXPECT_EQ(exe.exit_code, 0) << exe.err;
  EXPECT_EQ(exe.out, Which("readlink") + "\n");
  Result fds = Exec({"runtime"}, {"ls"}, {"ls", "/proc/self/fd"});
  EXPECT_EQ(fds.exit_code, 0) << fds.err;
  EXPECT_EQ(fds.out.rfind("0\n1\n", 0), 0u) << fds.out;
  EXPECT_EQ(fds.err, "");
}

TEST_F(StdProgramsTest, RuntimeOpensTheUsualDevices) {
  Result null = Exec({"runtime"}, {"tee"}, {"tee", "/dev/null"}, "data\n");
  EXPECT_EQ(null.exit_code, 0) << null.err;
  EXPECT_EQ(null.out, "data\n");
  EXPECT_EQ(null.err, "");
  // Opening /dev/full is allowed: the write fails as the device says, not as the policy says.
  Result full = Exec({"runtime"}, {"tee"}, {"tee", "/dev/full"}, "data\n");
  EXPECT_EQ(full.exit_code, 1);
  EXPECT_EQ(full.err, "tee: /dev/full: No space left on device\n");
  Result random = Exec({"runtime"}, {"head"}, {"head", "-c", "16", "/dev/urandom"});
  EXPECT_EQ(random.exit_code, 0) << random.err;
  EXPECT_EQ(random.out.size(), 16u);
}

TEST_F(StdProgramsTest, RuntimeDeniesFilesOutsideItsSet) {
  Result config = Exec({"runtime"}, {"cat"}, {"cat", "/etc/hostname"});
  EXPECT_EQ(config.exit_code, 1);
  EXPECT_EQ(config.err, std::string("cat: /etc/hostname") + kDenied);
  std::string file = Write("outside.txt", "outside\n");
  Result scratch = Exec({"runtime"}, {"cat"}, {"cat", file});
  EXPECT_EQ(scratch.exit_code, 1);
  EXPECT_EQ(scratch.out, "");
  EXPECT_EQ(scratch.err, "cat: " + file + kDenied);
}

TEST_F(StdProgramsTest, RuntimeDoesNotLetProgramsUnderUsrLibRun) {
  // The libraries are read, and only the dynamic loader is executed: helper programs installed
  // under /usr/lib stay out of reach of a policy that names its programs.
  const std::string helper = "/usr/lib/apt/apt-helper";
  if (access(helper.c_str(), X_OK) != 0) GTEST_SKIP() << helper << " is not installed";
  Result result = Exec({"runtime"}, {"env"}, {"env", helper});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, "env: '" + helper + "'" + kDenied);
}

// shell ----------------------------------------------------------------------------------------

TEST_F(StdProgramsTest, ShellRunsAPipelineOfCoreutils) {
  Result result = Exec({"shell"}, {}, {"sh", "-c", "echo hi | tr a-z A-Z; ls /usr/bin >/dev/null"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "HI\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, ShellRunsTheHelpersOfTheTools) {
  // gcc runs cc1 from /usr/lib/gcc; its temporary files need temp.
  if (Which("cc").empty()) GTEST_SKIP() << "no C compiler installed";
  Result result =
      Exec({"shell", "temp"}, {}, {"cc", "-nostdinc", "-c", "-x", "c", "-o", "/dev/null", "-"},
           "int main(void) { return 0; }\n");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, ShellDeniesReadingOtherFiles) {
  std::string file = Write("outside.txt", "outside\n");
  Result result = Exec({"shell"}, {}, {"sh", "-c", "cat /etc/hostname; cat " + file});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, std::string("cat: /etc/hostname") + kDenied + "cat: " + file + kDenied);
}

TEST_F(StdProgramsTest, ShellDeniesWriting) {
  std::string file = Path("written.txt");
  Result result = Exec({"shell"}, {}, {"sh", "-c", "echo x >" + file});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "sh: 1: cannot create " + file + kDenied);
  EXPECT_FALSE(llvm::sys::fs::exists(file));
}

// users ----------------------------------------------------------------------------------------

TEST_F(StdProgramsTest, UsersLooksUpNames) {
  Result expected_name = Unrestricted({"id", "-un"});
  ASSERT_EQ(expected_name.exit_code, 0) << expected_name.err;
  Result name = Exec({"runtime", "users"}, {"id"}, {"id", "-un"});
  EXPECT_EQ(name.exit_code, 0) << name.err;
  EXPECT_EQ(name.out, expected_name.out);
  EXPECT_EQ(name.err, "");
  Result root = Exec({"runtime", "users"}, {"getent"}, {"getent", "passwd", "root"});
  EXPECT_EQ(root.exit_code, 0) << root.err;
  EXPECT_EQ(root.out.rfind("root:x:0:0:", 0), 0u) << root.out;
  EXPECT_EQ(root.out, Unrestricted({"getent", "passwd", "root"}).out);
  Result group = Exec({"runtime", "users"}, {"getent"}, {"getent", "group", "0"});
  EXPECT_EQ(group.exit_code, 0) << group.err;
  EXPECT_EQ(group.out, Unrestricted({"getent", "group", "0"}).out);
}

TEST_F(StdProgramsTest, WithoutUsersNamesAreUnknown) {
  Result result = Exec({"runtime"}, {"getent"}, {"getent", "passwd", "root"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
}

TEST_F(StdProgramsTest, UsersDeniesTheShadowFiles) {
  Result shadow = Exec({"runtime", "users"}, {"cat"}, {"cat", "/etc/shadow"});
  EXPECT_EQ(shadow.exit_code, 1);
  EXPECT_EQ(shadow.out, "");
  EXPECT_EQ(shadow.err, std::string("cat: /etc/shadow") + kDenied);
}

// dns ------------------------------------------------------------------------------------------

TEST_F(StdProgramsTest, DnsResolvesFromTheHostsFile) {
  for (const char* database : {"hosts", "ahosts"}) {
    Result expected = Unrestricted({"getent", database, "localhost"});
    ASSERT_EQ(expected.exit_code, 0) << expected.err;
    Result result = Exec({"runtime", "dns"}, {"getent"}, {"getent", database, "localhost"});
    EXPECT_EQ(result.exit_code, 0) << database << ": " << result.err;
    EXPECT_EQ(result.out, expected.out) << database;
    EXPECT_EQ(result.err, "") << database;
  }
}

TEST_F(StdProgramsTest, WithoutDnsNamesDoNotResolve) {
  Result result = Exec({"runtime"}, {"getent"}, {"getent", "hosts", "localhost"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.out, "");
}

TEST_F(StdProgramsTest, DnsConnectsToPort53Only) {
  int tcp_abi = abi::AbiOfRight(abi::Category::kNet, LANDLOCK_ACCESS_NET_CONNECT_TCP);
  if (landlockc_probe(nullptr) < tcp_abi)
    GTEST_SKIP() << "TCP rules need Landlock ABI " << tcp_abi << ", newer than this kernel's";
  // A connection the policy allows reaches the TCP stack (refused when nothing listens); one it
  // denies fails with EACCES before any packet is sent.
  Result dns = Exec({"runtime", "dns"}, {"bash"}, {"bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/53"});
  // A local resolver listening on 127.0.0.1:53 accepts the connection (status 0). bash may put
  // `line 1: ` before its second message.
  if (dns.exit_code != 0) {
    EXPECT_EQ(dns.exit_code, 1);
    EXPECT_EQ(dns.err.rfind("bash: connect: Connection refused\n", 0), 0u) << dns.err;
    EXPECT_TRUE(llvm::StringRef(dns.err).endswith("/dev/tcp/127.0.0.1/53: Connection refused\n"))
        << dns.err;
  }
  Result web = Exec({"runtime", "dns"}, {"bash"}, {"bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/80"});
  EXPECT_EQ(web.exit_code, 1);
  EXPECT_EQ(web.err.rfind(std::string("bash: connect") + kDenied, 0), 0u) << web.err;
  EXPECT_TRUE(llvm::StringRef(web.err).endswith(std::string("/dev/tcp/127.0.0.1/80") + kDenied))
      << web.err;
}

TEST_F(StdProgramsTest, DnsDeniesOtherConfiguration) {
  Result result = Exec({"runtime", "dns"}, {"cat"}, {"cat", "/etc/hostname"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, std::string("cat: /etc/hostname") + kDenied);
}

// tls ------------------------------------------------------------------------------------------

/// A CA certificate of the system store, by its name in /etc/ssl/certs, that openssl verifies
/// unrestricted (an expired root would not); "" when none.
std::string SomeVerifiableCaCertificate(const std::string& openssl) {
  std::error_code error;
  for (llvm::sys::fs::directory_iterator it("/etc/ssl/certs", error), end; it != end && !error;
       it.increment(error)) {
    if (llvm::sys::path::extension(it->path()) == ".pem" &&
        RunProgram(openssl, {"verify", it->path()}).exit_code == 0)
      return it->path();
  }
  return "";
}

TEST_F(StdProgramsTest, TlsReadsTheCaBundle) {
  const std::string bundle = "/etc/ssl/certs/ca-certificates.crt";
  if (!llvm::sys::fs::exists(bundle)) GTEST_SKIP() << "ca-certificates is not installed";
  Result head = Exec({"runtime", "tls"}, {"head"}, {"head", "-c", "10", bundle});
  EXPECT_EQ(head.exit_code, 0) << head.err;
  EXPECT_EQ(head.out, "-----BEGIN");
  Result list = Exec({"runtime", "tls"}, {"ls"}, {"ls", "/etc/ssl/certs"});
  EXPECT_EQ(list.exit_code, 0) << list.err;
  EXPECT_EQ(list.out, Unrestricted({"ls", "/etc/ssl/certs"}).out);
}

TEST_F(StdProgramsTest, WithoutTlsTheCaBundleIsDenied) {
  const std::string bundle = "/etc/ssl/certs/ca-certificates.crt";
  if (!llvm::sys::fs::exists(bundle)) GTEST_SKIP() << "ca-certificates is not installed";
  Result result = Exec({"runtime"}, {"head"}, {"head", "-c", "10", bundle});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "head: cannot open '" + bundle + "' for reading" + kDenied);
}

TEST_F(StdProgramsTest, TlsVerifiesACertificateWithOpenssl) {
  // Each certificate in /etc/ssl/certs links into /usr/share/ca-certificates; openssl also reads
  // its configuration through /usr/lib/ssl.
  std::string openssl = Which("openssl");
  if (openssl.empty()) GTEST_SKIP() << "openssl is not installed";
  std::string certificate = SomeVerifiableCaCertificate(openssl);
  if (certificate.empty()) GTEST_SKIP() << "ca-certificates is not installed";
  Result result = Exec({"runtime", "tls"}, {"openssl"}, {"openssl", "verify", certificate});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, certificate + ": OK\n");
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, TlsDeniesThePrivateKeys) {
  if (!llvm::sys::fs::is_directory("/etc/ssl/private")) GTEST_SKIP() << "no /etc/ssl/private";
  Result result = Exec({"runtime", "tls"}, {"ls"}, {"ls", "/etc/ssl/private"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, std::string("ls: cannot open directory '/etc/ssl/private'") + kDenied);
}

// temp -----------------------------------------------------------------------------------------

// Creates, writes, reads back and removes a temporary file, then prints its name.
constexpr const char* kTempRoundTrip =
    "f=$(mktemp) && echo data >\"$f\" && cat \"$f\" && rm \"$f\" && test ! -e \"$f\" && echo "
    "\"$f\"";

class StdTempTest : public StdProgramsTest {
 protected:
  void SetUp() override {
    StdProgramsTest::SetUp();
    if (const char* tmpdir = getenv("TMPDIR")) saved_tmpdir_ = tmpdir;
  }
  void TearDown() override {
    if (saved_tmpdir_)
      setenv("TMPDIR", saved_tmpdir_->c_str(), 1);
    else
      unsetenv("TMPDIR");
    StdProgramsTest::TearDown();
  }

  std::optional<std::string> saved_tmpdir_;
};

TEST_F(StdTempTest, CreatesWritesReadsAndRemovesInTmp) {
  unsetenv("TMPDIR");
  Result result = Exec({"shell", "temp"}, {}, {"sh", "-c", kTempRoundTrip});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("data\n/tmp/tmp.", 0), 0u) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST_F(StdTempTest, CreatesWritesReadsAndRemovesInTmpdir) {
  // A $TMPDIR outside /tmp: the build tree.
  llvm::SmallString<128> tmpdir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory(
      std::string(LANDLOCKC_TEST_BINARY_DIR) + "/tmpdir", tmpdir));
  setenv("TMPDIR", tmpdir.c_str(), 1);
  Result result = Exec({"shell", "temp"}, {}, {"sh", "-c", kTempRoundTrip});
  llvm::sys::fs::remove_directories(tmpdir);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.rfind("data\n" + std::string(tmpdir) + "/tmp.", 0), 0u) << result.out;
  EXPECT_EQ(result.err, "");
}

TEST_F(StdTempTest, DeniesRunningWhatItDrops) {
  // The scratch directory is in $TMPDIR or /tmp: writable under temp.
  std::string dropped = Path("dropped");
  Result result =
      Exec({"shell", "temp"}, {}, {"sh", "-c", "cp /bin/true " + dropped + " && " + dropped});
  EXPECT_EQ(result.exit_code, 126);
  EXPECT_EQ(result.err, "sh: 1: " + dropped + kDenied);
  EXPECT_TRUE(llvm::sys::fs::exists(dropped));
}

TEST_F(StdTempTest, DeniesWritingOutsideTheTemporaryDirectories) {
  unsetenv("TMPDIR");
  std::string directory = CreateNonTemporaryDirectory();
  if (directory.empty())
    GTEST_SKIP() << "the build tree and $HOME are both in temporary directories";
  std::string file = directory + "/not-temporary.txt";
  Result result = Exec({"shell", "temp"}, {}, {"sh", "-c", "echo x >" + file});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "sh: 1: cannot create " + file + kDenied);
  EXPECT_FALSE(llvm::sys::fs::exists(file));
  llvm::sys::fs::remove_directories(directory);
}

// tty ------------------------------------------------------------------------------------------

/// A new pseudo-terminal: the controller's descriptor and the terminal's /dev/pts path.
struct PseudoTerminal {
  int controller = -1;
  std::string path;
  ~PseudoTerminal() {
    if (controller >= 0) close(controller);
  }
};

bool OpenPseudoTerminal(PseudoTerminal& pty) {
  // Non-blocking, so that a test reading what a program wrote fails instead of hanging.
  pty.controller = posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK);
  if (pty.controller < 0 || grantpt(pty.controller) != 0 || unlockpt(pty.controller) != 0)
    return false;
  const char* name = ptsname(pty.controller);
  if (name == nullptr) return false;
  pty.path = name;
  return true;
}

TEST_F(StdProgramsTest, TtyQueriesAPseudoTerminal) {
  PseudoTerminal pty;
  if (!OpenPseudoTerminal(pty)) GTEST_SKIP() << "no pseudo-terminals here";
  // stty opens the terminal and reads its mode with ioctl(TCGETS): read_file and ioctl_dev.
  Result result = Exec({"runtime", "tty"}, {"stty"}, {"stty", "-F", pty.path, "-echo"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
  Result size = Exec({"runtime", "tty"}, {"stty"}, {"stty", "-F", pty.path, "size"});
  EXPECT_EQ(size.exit_code, 0) << size.err;
  EXPECT_EQ(size.out, "0 0\n");
  Result write = Exec({"runtime", "tty"}, {"tee"}, {"tee", pty.path}, "to the terminal\n");
  EXPECT_EQ(write.exit_code, 0) << write.err;
  char buffer[64] = {};
  ssize_t n = read(pty.controller, buffer, sizeof buffer - 1);
  EXPECT_EQ(std::string(buffer, n > 0 ? n : 0), "to the terminal\r\n");
}

TEST_F(StdProgramsTest, WithoutTtyAPseudoTerminalIsDenied) {
  PseudoTerminal pty;
  if (!OpenPseudoTerminal(pty)) GTEST_SKIP() << "no pseudo-terminals here";
  Result result = Exec({"runtime"}, {"stty"}, {"stty", "-F", pty.path, "size"});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_EQ(result.err, "stty: " + pty.path + kDenied);
}

TEST_F(StdProgramsTest, TtyUsesTheControllingTerminal) {
  int tty = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0) GTEST_SKIP() << "no controlling terminal (as in CI)";
  close(tty);
  Result result = Exec({"runtime", "tty"}, {"stty"}, {"stty", "-F", "/dev/tty", "size"});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.err, "");
}

TEST_F(StdProgramsTest, TtyWithRuntimeRunsAProgramWritingToDevNull) {
  // tty grants no libraries: with runtime, a program writing to /dev/null runs.
  Result result = Exec({"tty", "runtime"}, {"tee"}, {"tee", "/dev/null"}, "data\n");
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "data\n");
}

// lint -----------------------------------------------------------------------------------------

class StdLintTest : public ScratchTest, public ::testing::WithParamInterface<std::string> {};

TEST_P(StdLintTest, APolicyUsingTheBlockLintsCleanlyForThisHost) {
  if (!KernelHasLandlock()) GTEST_SKIP() << "this kernel has no Landlock";
  // shell already grants every program in /usr/bin (lint notes a grant of one as redundant).
  bool shell = GetParam() == "shell";
  std::vector<std::string> blocks = {"runtime"};
  if (GetParam() != "runtime") blocks.push_back(GetParam());
  std::vector<std::string> programs;
  if (!shell) programs.push_back(Which("cat"));
  std::string policy = Write("policy.landlock", StdPolicy(blocks, programs));
  Result result = Landlockc({"lint", "--target", "host", "-I", LANDLOCKC_SOURCE_DIR, policy});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out, "");
  EXPECT_EQ(result.err, "");
}

INSTANTIATE_TEST_SUITE_P(
    Std, StdLintTest, ::testing::Values("runtime", "shell", "users", "dns", "tls", "temp", "tty"),
    [](const ::testing::TestParamInfo<std::string>& param) { return param.param; });

}  // namespace
}  // namespace landlockc::e2e
