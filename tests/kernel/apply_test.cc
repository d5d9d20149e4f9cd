// SPDX-License-Identifier: MIT
// Real kernel outcomes: a hand-built model, compiled by the code generator, applied by the runtime
// in a forked child, which then tries an access and reports what the kernel said in its exit code
// (0: allowed, else the errno). Skipped, saying why, on a kernel without Landlock.
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "compiler/codegen/codegen.h"
#include "compiler/model/names.h"
#include "gtest/gtest.h"
#include "landlockc/runtime.h"
#include "runtime/abi_table.h"
#include "runtime/uapi.h"
#include "tests/support/free_port.h"
#include "tests/support/sample_policies.h"

namespace landlockc {
namespace {

constexpr int kApplyFailed = 100;

uint64_t AllRights(abi::Category category, int abi_version) {
  return abi::RightsForAbi(category, abi_version);
}

using test_support::FreePort;
using test_support::PolicyBuilder;

// What the child saw: its exit code, and the report it got (through shared memory).
struct ChildResult {
  int code;
  landlockc_report report;
};

// Forks; the child applies `blob` with `options`, then runs `body` and exits with what it
// returns. Exit kApplyFailed when applying failed.
ChildResult RunApplied(const std::vector<uint8_t>& blob, const landlockc_options* options,
                       const std::function<int()>& body) {
  void* shared = mmap(nullptr, sizeof(landlockc_report), PROT_READ | PROT_WRITE,
                      MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  EXPECT_NE(shared, MAP_FAILED);
  auto* report = static_cast<landlockc_report*>(shared);
  pid_t pid = fork();
  if (pid == 0) {
    int error = landlockc_apply(blob.data(), blob.size(), options, report);
    _exit(error ? kApplyFailed : body());
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ChildResult result{WIFEXITED(status) ? WEXITSTATUS(status) : 200 + WTERMSIG(status), *report};
  munmap(shared, sizeof(landlockc_report));
  return result;
}

int Errno(bool ok) { return ok ? 0 : errno; }

int OpenResult(const std::string& path, int flags) {
  int fd = open(path.c_str(), flags | O_CLOEXEC, 0644);
  if (fd < 0) return errno;
  close(fd);
  return 0;
}

std::vector<std::string> OpenDescriptors() {
  std::vector<std::string> fds;
  DIR* dir = opendir("/proc/self/fd");
  while (dirent* entry = readdir(dir)) fds.push_back(entry->d_name);
  closedir(dir);
  return fds;
}

// A listening loopback socket; returns its fd, and its port through `port`.
int Listen(uint16_t* port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  listen(fd, 4);
  socklen_t length = sizeof(address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  *port = ntohs(address.sin_port);
  return fd;
}

int TcpResult(bool do_bind, uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  int result = do_bind ? bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address))
                       : connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  int error = result == 0 ? 0 : errno;
  close(fd);
  return error;
}

class KernelTest : public testing::Test {
 protected:
  void SetUp() override {
    landlockc_probe_info info;
    kernel_abi_ = landlockc_probe(&info);
    if (kernel_abi_ == 0)
      GTEST_SKIP() << "the kernel has no Landlock (errno " << info.error
                   << (info.error == ENOSYS       ? ": not built in"
                       : info.error == EOPNOTSUPP ? ": disabled at boot"
                                                  : "")
                   << ")";
    char pattern[] = "/tmp/landlockc-kernel-XXXXXX";
    ASSERT_NE(mkdtemp(pattern), nullptr);
    root_ = pattern;
    a_ = root_ + "/a";
    b_ = root_ + "/b";
    for (const std::string& dir : {a_, b_}) {
      ASSERT_EQ(mkdir(dir.c_str(), 0755), 0);
      WriteFile(dir + "/f", "data");
      WriteFile(dir + "/g", "data");
    }
  }

  void TearDown() override {
    if (!root_.empty()) std::system(("rm -rf '" + root_ + "'").c_str());
  }

  static void WriteFile(const std::string& path, const char* text) {
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0755);
    ASSERT_GE(fd, 0) << path;
    ASSERT_EQ(write(fd, text, strlen(text)), static_cast<ssize_t>(strlen(text)));
    close(fd);
  }

  // The access `body` tries, under a policy granting `rights` on a/ only (handling `handled`):
  // expects it allowed on a/ and refused with `denied_errno` on b/.
  void ExpectFsRight(uint64_t handled, uint64_t rights,
                     const std::function<int(const std::string& dir)>& body,
                     int denied_errno = EACCES) {
    std::vector<uint8_t> blob = PolicyBuilder().Layer(handled).Fs(a_, rights).Blob();
    EXPECT_EQ(RunApplied(blob, nullptr, [&] { return body(a_); }).code, 0);
    EXPECT_EQ(RunApplied(blob, nullptr, [&] { return body(b_); }).code, denied_errno);
  }

  // Why the running kernel cannot enforce `right` (it is older than the ABI that brought it), or
  // "" when it can. Only older kernels skip: newer ones run every test.
  std::string Lacks(abi::Category category, uint64_t right) const {
    int needed = abi::AbiOfRight(category, right);
    if (kernel_abi_ >= needed) return "";
    return "the kernel has Landlock ABI " + std::to_string(kernel_abi_) + "; `" +
           model::RightNames(category, right).front().str() + "` needs ABI " +
           std::to_string(needed);
  }

  int kernel_abi_ = 0;
  std::string root_, a_, b_;
};

TEST_F(KernelTest, ReadFile) {
  ExpectFsRight(LANDLOCK_ACCESS_FS_READ_FILE, LANDLOCK_ACCESS_FS_READ_FILE,
                [](const std::string& dir) { return OpenResult(dir + "/f", O_RDONLY); });
}

TEST_F(KernelTest, WriteFile) {
  ExpectFsRight(LANDLOCK_ACCESS_FS_WRITE_FILE, LANDLOCK_ACCESS_FS_WRITE_FILE,
                [](const std::string& dir) { return OpenResult(dir + "/f", O_WRONLY); });
}

TEST_F(KernelTest, CreateRegularFile) {
  ExpectFsRight(
      LANDLOCK_ACCESS_FS_MAKE_REG, LANDLOCK_ACCESS_FS_MAKE_REG,
      [](const std::string& dir) { return OpenResult(dir + "/new", O_WRONLY | O_CREAT); });
}

TEST_F(KernelTest, RemoveFile) {
  ExpectFsRight(LANDLOCK_ACCESS_FS_REMOVE_FILE, LANDLOCK_ACCESS_FS_REMOVE_FILE,
                [](const std::string& dir) { return Errno(unlink((dir + "/f").c_str()) == 0); });
}

TEST_F(KernelTest, Truncate) {
  if (std::string why = Lacks(abi::Category::kFs, LANDLOCK_ACCESS_FS_TRUNCATE); !why.empty())
    GTEST_SKIP() << why;
  ExpectFsRight(
      LANDLOCK_ACCESS_FS_TRUNCATE, LANDLOCK_ACCESS_FS_TRUNCATE,
      [](const std::string& dir) { return Errno(truncate((dir + "/f").c_str(), 0) == 0); });
}

TEST_F(KernelTest, Execute) {
  // a/ holds a copy of a static-enough program: /bin/true resolved through the loader in /usr.
  std::string program = a_ + "/true";
  ASSERT_EQ(std::system(("cp /bin/true '" + program + "'").c_str()), 0);
  std::string elsewhere = b_ + "/true";
  ASSERT_EQ(std::system(("cp /bin/true '" + elsewhere + "'").c_str()), 0);
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_EXECUTE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_EXECUTE)
                                  .Fs("/usr", LANDLOCK_ACCESS_FS_EXECUTE)
                                  .Blob();
  auto exec = [](const std::string& path) {
    return [path] {
      execl(path.c_str(), "true", nullptr);
      return errno;
    };
  };
  EXPECT_EQ(RunApplied(blob, nullptr, exec(program)).code, 0);
  EXPECT_EQ(RunApplied(blob, nullptr, exec(elsewhere)).code, EACCES);
}

TEST_F(KernelTest, RenameAcrossDirectoriesNeedsRefer) {
  if (std::string why = Lacks(abi::Category::kFs, LANDLOCK_ACCESS_FS_REFER); !why.empty())
    GTEST_SKIP() << why;
  uint64_t move = LANDLOCK_ACCESS_FS_MAKE_REG | LANDLOCK_ACCESS_FS_REMOVE_FILE;
  uint64_t handled = move | LANDLOCK_ACCESS_FS_REFER;
  auto rename_f = [this] { return Errno(rename((a_ + "/f").c_str(), (b_ + "/f2").c_str()) == 0); };
  std::vector<uint8_t> without_refer =
      PolicyBuilder().Layer(handled).Fs(a_, move).Fs(b_, move).Blob();
  EXPECT_EQ(RunApplied(without_refer, nullptr, rename_f).code, EXDEV);
  std::vector<uint8_t> with_refer = PolicyBuilder().Layer(handled).Fs(root_, handled).Blob();
  EXPECT_EQ(RunApplied(with_refer, nullptr, rename_f).code, 0);
}

TEST_F(KernelTest, TcpBind) {
  if (std::string why = Lacks(abi::Category::kNet, LANDLOCK_ACCESS_NET_BIND_TCP); !why.empty())
    GTEST_SKIP() << why;
  uint16_t allowed = FreePort();
  uint16_t other = FreePort();
  while (other == allowed) other = FreePort();
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(0, LANDLOCK_ACCESS_NET_BIND_TCP)
                                  .Net(allowed, allowed, LANDLOCK_ACCESS_NET_BIND_TCP)
                                  .Blob();
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return TcpResult(true, allowed); }).code, 0);
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return TcpResult(true, other); }).code, EACCES);
}

TEST_F(KernelTest, TcpConnect) {
  if (std::string why = Lacks(abi::Category::kNet, LANDLOCK_ACCESS_NET_CONNECT_TCP); !why.empty())
    GTEST_SKIP() << why;
  uint16_t allowed = 0;
  uint16_t other = 0;
  int first = Listen(&allowed);
  int second = Listen(&other);
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(0, LANDLOCK_ACCESS_NET_CONNECT_TCP)
                                  .Net(allowed, allowed, LANDLOCK_ACCESS_NET_CONNECT_TCP)
                                  .Blob();
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return TcpResult(false, allowed); }).code, 0);
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return TcpResult(false, other); }).code, EACCES);
  close(first);
  close(second);
}

TEST_F(KernelTest, SignalScope) {
  if (std::string why = Lacks(abi::Category::kScope, LANDLOCK_SCOPE_SIGNAL); !why.empty())
    GTEST_SKIP() << why;
  std::vector<uint8_t> blob = PolicyBuilder().Layer(0, 0, LANDLOCK_SCOPE_SIGNAL).Blob();
  pid_t outside = getpid();  // the test process stays outside the child's domain
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return Errno(kill(outside, 0) == 0); }).code, EPERM);
  EXPECT_EQ(RunApplied(blob, nullptr, [] { return Errno(kill(getpid(), 0) == 0); }).code, 0);
}

TEST_F(KernelTest, AbstractUnixSocketScope) {
  if (std::string why = Lacks(abi::Category::kScope, LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET);
      !why.empty())
    GTEST_SKIP() << why;
  int server = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::string name = "landlockc-test-" + std::to_string(getpid());
  memcpy(address.sun_path + 1, name.data(), name.size());
  socklen_t length = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
  ASSERT_EQ(bind(server, reinterpret_cast<sockaddr*>(&address), length), 0);
  ASSERT_EQ(listen(server, 4), 0);
  auto connect_to_server = [&] {
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    return Errno(connect(fd, reinterpret_cast<sockaddr*>(&address), length) == 0);
  };
  std::vector<uint8_t> scoped =
      PolicyBuilder().Layer(0, 0, LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET).Blob();
  EXPECT_EQ(RunApplied(scoped, nullptr, connect_to_server).code, EPERM);
  std::vector<uint8_t> unscoped = PolicyBuilder().Layer(0, 0, LANDLOCK_SCOPE_SIGNAL).Blob();
  EXPECT_EQ(RunApplied(unscoped, nullptr, connect_to_server).code, 0);
  close(server);
}

TEST_F(KernelTest, LayersIntersect) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(b_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Blob();
  ChildResult in_both = RunApplied(blob, nullptr, [&] { return OpenResult(a_ + "/f", O_RDONLY); });
  EXPECT_EQ(in_both.code, 0);
  EXPECT_EQ(in_both.report.layers_applied, 2u);
  EXPECT_EQ(in_both.report.rules_added, 3ul);
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return OpenResult(b_ + "/f", O_RDONLY); }).code,
            EACCES);
}

TEST_F(KernelTest, OptionalMissingPathIsSkipped) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(root_ + "/missing", LANDLOCK_ACCESS_FS_READ_FILE, true)
                                  .Fs(a_ + "/f/under-a-file", LANDLOCK_ACCESS_FS_READ_FILE, true)
                                  .Blob();
  ChildResult result = RunApplied(blob, nullptr, [&] { return OpenResult(b_ + "/f", O_RDONLY); });
  EXPECT_EQ(result.code, EACCES);
  EXPECT_EQ(result.report.optional_skipped, 2ul);  // ENOENT, and ENOTDIR under a file
  EXPECT_EQ(result.report.status, LANDLOCKC_FULLY_ENFORCED);
}

TEST_F(KernelTest, MandatoryMissingPathRestrictsNothingAndLeaksNothing) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Layer(LANDLOCK_ACCESS_FS_WRITE_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_WRITE_FILE)
                                  .Fs(root_ + "/missing", LANDLOCK_ACCESS_FS_WRITE_FILE)
                                  .Blob();
  std::string missing = root_ + "/missing";
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<std::string> before = OpenDescriptors();
    landlockc_report report;
    int error = landlockc_apply(blob.data(), blob.size(), nullptr, &report);
    if (error != LANDLOCKC_ERR_PATH) _exit(1);
    std::string expected = "layer 1 `layer1`: cannot open `" + missing + "`: ENOENT";
    if (expected != report.message || report.error_layer != 1 || report.sys_errno != ENOENT)
      _exit(2);
    if (OpenDescriptors() != before) _exit(3);
    if (OpenResult(b_ + "/f", O_RDWR) != 0) _exit(4);  // still unrestricted
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST_F(KernelTest, VariablesExpandFromTheGivenEnvironment) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs("${DIR}/a", LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs("${CACHE}", LANDLOCK_ACCESS_FS_READ_FILE, true)
                                  .Blob();
  std::string dir = "DIR=" + root_;
  const char* env[] = {dir.c_str(), nullptr};
  landlockc_options options{0, 0, env};
  ChildResult set = RunApplied(blob, &options, [&] { return OpenResult(a_ + "/f", O_RDONLY); });
  EXPECT_EQ(set.code, 0);
  EXPECT_EQ(set.report.optional_skipped, 1ul);  // CACHE is unset, and optional
  EXPECT_EQ(RunApplied(blob, &options, [&] { return OpenResult(b_ + "/f", O_RDONLY); }).code,
            EACCES);

  struct Bad {
    const char* entry;
    const char* message;
  };
  for (const Bad& bad :
       {Bad{"OTHER=/x", "layer 0 `layer0`: variable `DIR` is unset (in `${DIR}/a`)"},
        Bad{"DIR=", "layer 0 `layer0`: variable `DIR` is empty (in `${DIR}/a`)"},
        Bad{"DIR=tmp",
            "layer 0 `layer0`: variable `DIR` is not an absolute path "
            "(in `${DIR}/a`)"},
        Bad{"DIR=/tmp/../etc",
            "layer 0 `layer0`: variable `DIR` contains a `..` "
            "component (in `${DIR}/a`)"}}) {
    const char* bad_env[] = {bad.entry, nullptr};
    landlockc_options bad_options{0, 0, bad_env};
    ChildResult result = RunApplied(blob, &bad_options, [] { return 0; });
    EXPECT_EQ(result.code, kApplyFailed) << bad.entry;
    EXPECT_EQ(result.report.error, LANDLOCKC_ERR_VARIABLE) << bad.entry;
    EXPECT_STREQ(result.report.message, bad.message);
    EXPECT_EQ(result.report.status, LANDLOCKC_NOT_ENFORCED);
  }
}

TEST_F(KernelTest, VariablesComeFromTheProcessEnvironmentByDefault) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs("${LANDLOCKC_TEST_DIR}", LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Blob();
  setenv("LANDLOCKC_TEST_DIR", a_.c_str(), 1);
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return OpenResult(a_ + "/f", O_RDONLY); }).code, 0);
  unsetenv("LANDLOCKC_TEST_DIR");
  EXPECT_EQ(RunApplied(blob, nullptr, [] { return 0; }).code, kApplyFailed);
}

// A set-user-ID program run by another user is AT_SECURE: its environment is the caller's to
// choose, so the runtime expands no variable from it, though HOME is set.
TEST_F(KernelTest, SetUserIdProcessesExpandNoVariable) {
  if (getuid() != 0) GTEST_SKIP() << "needs root to run a set-user-ID program as another user";
  std::string policy = root_ + "/policy.llpb";
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs("/usr", LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs("${HOME}/x", LANDLOCK_ACCESS_FS_READ_FILE, true)
                                  .Blob();
  int fd = open(policy.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(write(fd, blob.data(), blob.size()), static_cast<ssize_t>(blob.size()));
  close(fd);
  // `nobody` must reach the program and the policy: the build tree may lie under a directory only
  // its owner can enter (a 0700 home, a `mktemp -d` clone), so both go into the scratch directory,
  // whose ancestors (/tmp) everyone can traverse.
  std::string program = root_ + "/secure_apply";
  std::error_code copy_error;
  ASSERT_TRUE(std::filesystem::copy_file(LANDLOCKC_SECURE_APPLY, program, copy_error))
      << copy_error.message();
  ASSERT_EQ(chmod(program.c_str(), 04755), 0);
  ASSERT_EQ(chmod(root_.c_str(), 0755), 0);
  const char* expected =
      "layer 0 `layer0`: variable `HOME` not expanded in a set-user-ID process (in `${HOME}/x`)";
  pid_t pid = fork();
  if (pid == 0) {
    setenv("HOME", "/tmp", 1);
    if (setgid(65534) != 0 || setuid(65534) != 0) _exit(10);
    execl(program.c_str(), "secure_apply", policy.c_str(), expected, nullptr);
    _exit(11);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  if (WEXITSTATUS(status) == 77) GTEST_SKIP() << "the set-user-ID bit had no effect here";
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// A policy that requires more than the effective ABI is refused, and nothing is restricted. The
// effective ABI is lowered through max_abi, so this runs on every kernel, the newest included.
TEST_F(KernelTest, RequiredAbiAboveTheEffectiveAbiIsRefused) {
  std::vector<uint8_t> blob = PolicyBuilder(2)
                                  .Requires(2)
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Blob();
  landlockc_options at_abi_1{1, 0, nullptr};
  ChildResult result = RunApplied(blob, &at_abi_1, [&] { return OpenResult(b_ + "/f", O_RDONLY); });
  EXPECT_EQ(result.code, kApplyFailed);
  EXPECT_EQ(result.report.error, LANDLOCKC_ERR_ABI_REQUIRED);
  EXPECT_EQ(result.report.effective_abi, 1);
  EXPECT_EQ(result.report.layers_applied, 0u);
  // The message names what set the limit: max_abi, or the kernel when it offers no more.
  EXPECT_EQ(std::string(result.report.message),
            std::string("the policy requires Landlock ABI 2, but ") +
                (kernel_abi_ > 1 ? "max_abi limits it to ABI 1" : "the kernel offers ABI 1"));
  // A dry run refuses the same way without forking.
  landlockc_options dry_run{1, LANDLOCKC_DRY_RUN, nullptr};
  landlockc_report report;
  EXPECT_EQ(landlockc_apply(blob.data(), blob.size(), &dry_run, &report),
            LANDLOCKC_ERR_ABI_REQUIRED);
  EXPECT_EQ(std::string(report.message), std::string(result.report.message));
  // Without max_abi, on a kernel below the newest ABI known, the kernel is the limit.
  if (kernel_abi_ < abi::kNewestAbi) {
    int above = kernel_abi_ + 1;
    std::vector<uint8_t> needs_more =
        PolicyBuilder(above).Requires(above).Layer(LANDLOCK_ACCESS_FS_READ_FILE).Blob();
    landlockc_options kernel_limit{0, LANDLOCKC_DRY_RUN, nullptr};
    EXPECT_EQ(landlockc_apply(needs_more.data(), needs_more.size(), &kernel_limit, &report),
              LANDLOCKC_ERR_ABI_REQUIRED);
    EXPECT_EQ(std::string(report.message),
              "the policy requires Landlock ABI " + std::to_string(above) +
                  ", but the kernel offers ABI " + std::to_string(kernel_abi_));
  }
}

TEST_F(KernelTest, MaxAbiDropsWhatThatAbiLacks) {
  std::vector<uint8_t> blob =
      PolicyBuilder(7)
          .DenyByDefault()
          .Fs("/", LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR |
                       LANDLOCK_ACCESS_FS_EXECUTE)
          .Log(LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON)
          .Layer(LANDLOCK_ACCESS_FS_TRUNCATE, LANDLOCK_ACCESS_NET_CONNECT_TCP)
          .Blob();
  uint16_t port = 0;
  int listener = Listen(&port);
  for (int max_abi = 1; max_abi <= 6 && max_abi <= kernel_abi_; ++max_abi) {
    SCOPED_TRACE("max_abi " + std::to_string(max_abi));
    landlockc_options options{max_abi, 0, nullptr};
    ChildResult result = RunApplied(blob, &options, [&] { return TcpResult(false, port); });
    EXPECT_EQ(result.report.effective_abi, max_abi);
    EXPECT_EQ(result.report.kernel_abi, kernel_abi_);
    EXPECT_EQ(result.report.status, LANDLOCKC_PARTIALLY_ENFORCED);
    // Layer 0 handles everything up to ABI 7 by default; layer 1 names truncate and connect_tcp.
    for (abi::Category category :
         {abi::Category::kFs, abi::Category::kNet, abi::Category::kScope}) {
      uint64_t lacking = AllRights(category, 7) & ~AllRights(category, max_abi);
      const landlockc_rights& dropped_default = result.report.dropped_default;
      uint64_t got = category == abi::Category::kFs    ? dropped_default.fs
                     : category == abi::Category::kNet ? dropped_default.net
                                                       : dropped_default.scope;
      EXPECT_EQ(got, lacking) << static_cast<int>(category);
    }
    uint64_t explicit_fs = max_abi < 3 ? LANDLOCK_ACCESS_FS_TRUNCATE : 0;
    uint64_t explicit_net = max_abi < 4 ? LANDLOCK_ACCESS_NET_CONNECT_TCP : 0;
    EXPECT_EQ(result.report.dropped_explicit.fs, explicit_fs);
    EXPECT_EQ(result.report.dropped_explicit.net, explicit_net);
    EXPECT_EQ(result.report.flags_dropped, uint32_t{LANDLOCK_RESTRICT_SELF_LOG_NEW_EXEC_ON});
    EXPECT_EQ(result.report.layers_skipped, max_abi < 3 ? 1u : 0u);
    // Without net rights (ABI < 4) the connect goes through; from ABI 4 layer 0 denies it.
    EXPECT_EQ(result.code, max_abi < 4 ? 0 : EACCES);
  }
  close(listener);
}

TEST_F(KernelTest, FullyEnforcedOnTheRunningKernel) {
  std::vector<uint8_t> blob =
      PolicyBuilder(kernel_abi_ < 7 ? kernel_abi_ : 7)
          .DenyByDefault()
          .Fs("/", LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR)
          .Blob();
  ChildResult result = RunApplied(blob, nullptr, [&] { return OpenResult(a_ + "/f", O_WRONLY); });
  EXPECT_EQ(result.code, EACCES);
  EXPECT_EQ(result.report.status, LANDLOCKC_FULLY_ENFORCED);
  EXPECT_EQ(result.report.layers_applied, 1u);
  EXPECT_EQ(result.report.rules_added, 1ul);
  EXPECT_STREQ(result.report.message, "");
}

// Below ABI 8 (the running kernel's, or max_abi's on a newer kernel) `threads all` is dropped,
// and the layer is still enforced.
TEST_F(KernelTest, ThreadsAllIsDroppedBelowAbi8) {
  std::vector<uint8_t> blob = PolicyBuilder(8)
                                  .ThreadsAll()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Blob();
  landlockc_options at_abi_7{7, 0, nullptr};
  ChildResult result = RunApplied(blob, &at_abi_7, [&] { return OpenResult(b_ + "/f", O_RDONLY); });
  EXPECT_EQ(result.code, EACCES);
  EXPECT_EQ(result.report.flags_dropped, uint32_t{LANDLOCK_RESTRICT_SELF_TSYNC});
  EXPECT_EQ(result.report.status, LANDLOCKC_PARTIALLY_ENFORCED);
}

TEST_F(KernelTest, GrantsOnFilesAreNarrowed) {
  uint64_t rights = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
  std::vector<uint8_t> blob = PolicyBuilder().Layer(rights).Fs(a_ + "/f", rights).Blob();
  ChildResult result = RunApplied(blob, nullptr, [&] { return OpenResult(a_ + "/f", O_RDONLY); });
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.report.grants_narrowed, 1ul);
  EXPECT_EQ(RunApplied(blob, nullptr, [&] { return OpenResult(a_ + "/g", O_RDONLY); }).code,
            EACCES);
}

TEST_F(KernelTest, DryRunRestrictsNothing) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Blob();
  landlockc_options options{0, LANDLOCKC_DRY_RUN, nullptr};
  ChildResult result = RunApplied(blob, &options, [&] { return OpenResult(b_ + "/f", O_RDONLY); });
  EXPECT_EQ(result.code, 0);
  EXPECT_EQ(result.report.status, LANDLOCKC_FULLY_ENFORCED);  // what applying would do
  EXPECT_EQ(result.report.layers_applied, 1u);
  EXPECT_EQ(result.report.rules_added, 1ul);
}

TEST_F(KernelTest, PrepareThenRestrictOrAbort) {
  std::vector<uint8_t> blob = PolicyBuilder()
                                  .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Fs(a_, LANDLOCK_ACCESS_FS_READ_FILE)
                                  .Blob();
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<std::string> before = OpenDescriptors();
    landlockc_state state;
    landlockc_report report;
    if (landlockc_prepare(blob.data(), blob.size(), nullptr, &state, &report) != 0) _exit(1);
    if (OpenDescriptors().size() != before.size() + 1) _exit(2);  // the ruleset
    landlockc_abort(&state);
    if (OpenDescriptors() != before) _exit(3);
    if (landlockc_restrict(&state, &report) != 0) _exit(4);  // an aborted state restricts nothing
    if (OpenResult(b_ + "/f", O_RDONLY) != 0) _exit(5);
    if (landlockc_prepare(blob.data(), blob.size(), nullptr, &state, &report) != 0) _exit(6);
    if (landlockc_restrict(&state, &report) != 0) _exit(7);
    if (OpenDescriptors() != before) _exit(8);
    if (landlockc_restrict(&state, &report) != LANDLOCKC_ERR_INVALID_ARGUMENT) _exit(9);
    _exit(OpenResult(b_ + "/f", O_RDONLY) == EACCES ? 0 : 10);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

// Refused before any system call, so safe to try in the test process itself.
TEST_F(KernelTest, InvalidArgumentsAreRefusedWithAMessage) {
  std::vector<uint8_t> blob = PolicyBuilder().Layer(LANDLOCK_ACCESS_FS_READ_FILE).Blob();
  landlockc_report report;
  landlockc_state state;
  landlockc_options negative_abi{-1, 0, nullptr};
  landlockc_options unknown_flag{0, 1u << 1, nullptr};
  for (const landlockc_options* options : {&negative_abi, &unknown_flag}) {
    EXPECT_EQ(landlockc_apply(blob.data(), blob.size(), options, &report),
              LANDLOCKC_ERR_INVALID_ARGUMENT);
    EXPECT_STREQ(report.message, "invalid options");
    EXPECT_EQ(report.status, LANDLOCKC_NOT_ENFORCED);
  }
  EXPECT_EQ(landlockc_apply(nullptr, 0, nullptr, &report), LANDLOCKC_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(report.message, "no blob given");
  EXPECT_EQ(landlockc_prepare(blob.data(), blob.size(), nullptr, nullptr, &report),
            LANDLOCKC_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(report.message, "no state given");
  EXPECT_EQ(report.error, LANDLOCKC_ERR_INVALID_ARGUMENT);
  EXPECT_EQ(landlockc_restrict(nullptr, &report), LANDLOCKC_ERR_INVALID_ARGUMENT);
  EXPECT_STREQ(report.message, "state not prepared");
  EXPECT_EQ(landlockc_prepare(blob.data(), blob.size(), &unknown_flag, &state, &report),
            LANDLOCKC_ERR_INVALID_ARGUMENT);
  landlockc_abort(&state);  // harmless on a state a failed prepare left
}

// Makes landlock_create_ruleset fail with `error_number` in the calling process, as on a kernel
// without Landlock (ENOSYS: not built in; EOPNOTSUPP: disabled at boot). Returns false on failure.
bool HideLandlock(int error_number) {
  sock_filter filter[] = {
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, offsetof(seccomp_data, nr)),
      BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, __NR_landlock_create_ruleset, 0, 1),
      BPF_STMT(BPF_RET | BPF_K,
               SECCOMP_RET_ERRNO | (static_cast<uint32_t>(error_number) & SECCOMP_RET_DATA)),
      BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
  };
  sock_fprog program = {static_cast<unsigned short>(sizeof(filter) / sizeof(filter[0])), filter};
  return prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
         prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program) == 0;
}

class NoLandlockTest : public testing::TestWithParam<int> {};

TEST_P(NoLandlockTest, BestEffortPoliciesApplyUnenforcedAndRequiredOnesFail) {
  int error_number = GetParam();
  std::vector<uint8_t> best_effort = PolicyBuilder()
                                         .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                         .Fs("/usr", LANDLOCK_ACCESS_FS_READ_FILE)
                                         .Blob();
  std::vector<uint8_t> required = PolicyBuilder()
                                      .Requires(1)
                                      .Layer(LANDLOCK_ACCESS_FS_READ_FILE)
                                      .Fs("/usr", LANDLOCK_ACCESS_FS_READ_FILE)
                                      .Blob();
  const char* reason = error_number == ENOSYS ? "ENOSYS" : "EOPNOTSUPP";
  pid_t pid = fork();
  if (pid == 0) {
    if (!HideLandlock(error_number)) _exit(1);
    landlockc_probe_info info;
    if (landlockc_probe(&info) != 0 || info.abi != 0 || info.error != error_number) _exit(2);
    landlockc_report report;
    if (landlockc_apply(best_effort.data(), best_effort.size(), nullptr, &report) != 0) _exit(3);
    if (report.status != LANDLOCKC_NOT_ENFORCED || report.kernel_abi != 0 ||
        report.kernel_errno != error_number || report.effective_abi != 0 ||
        report.layers_applied != 0 || report.layers_skipped != 1 ||
        report.dropped_explicit.fs != LANDLOCK_ACCESS_FS_READ_FILE || report.grants_dropped != 1)
      _exit(4);
    if (landlockc_apply(required.data(), required.size(), nullptr, &report) !=
        LANDLOCKC_ERR_ABI_REQUIRED)
      _exit(5);
    std::string expected =
        std::string("the policy requires Landlock ABI 1, but the kernel has no Landlock: ") +
        reason;
    if (expected != report.message) _exit(6);
    _exit(0);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
}

INSTANTIATE_TEST_SUITE_P(Errors, NoLandlockTest, testing::Values(ENOSYS, EOPNOTSUPP),
                         [](const testing::TestParamInfo<int>& param_info) {
                           return std::string(param_info.param == ENOSYS ? "NotBuiltIn"
                                                                         : "DisabledAtBoot");
                         });

}  // namespace
}  // namespace landlockc
