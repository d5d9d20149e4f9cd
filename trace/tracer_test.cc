// SPDX-License-Identifier: MIT
// The tracer alone, on small programs (testdata/*.c) that each make one kind of call: the test
// asserts the exact accesses recorded under a scratch directory.
#include "trace/tracer.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "trace/decode.h"

namespace landlockc::trace {
namespace {

namespace fs = std::filesystem;

// A fresh directory, removed at the end; its path with symlinks resolved (as the tracer reports).
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "landlockc-trace-XXXXXX").string();
    path_ = std::filesystem::canonical(mkdtemp(pattern.data())).string();
  }
  ~ScratchDir() { fs::remove_all(path_); }
  const std::string& path() const { return path_; }
  void Write(const std::string& name, const std::string& text) const {
    fs::create_directories(fs::path(path_ + "/" + name).parent_path());
    std::ofstream(path_ + "/" + name) << text;
  }

 private:
  std::string path_;
};

TraceResult Trace(const std::vector<std::string>& argv, TraceOptions options = {}) {
  llvm::Expected<TraceResult> result = TraceCommand(argv, options);
  if (!result) {
    ADD_FAILURE() << llvm::toString(result.takeError());
    return {};
  }
  return std::move(*result);
}

// The accesses recorded under `dir` (the loader and libc are the system's, not the test's), as
// `DescribeAccess` lines; kLookup left out unless asked.
std::vector<std::string> Under(const TraceResult& result, const std::string& dir,
                               bool lookups = false) {
  std::vector<std::string> lines;
  for (const Access& access : result.accesses)
    if (access.path.rfind(dir, 0) == 0 && (lookups || access.kind != AccessKind::kLookup))
      lines.push_back(DescribeAccess(access));
  return lines;
}

TEST(Tracer, RelativePathsThroughDirfd) {
  ScratchDir dir;
  dir.Write("sub/file.txt", "x");
  TraceResult result = Trace({TRACE_TEST_dirfd_relative, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "read_dir " + d + "/sub (openat)",
                                  "read_file " + d + "/sub/file.txt (openat)",
                                  "make_reg " + d + "/sub/new.txt (openat)",
                                  "write_file " + d + "/sub/new.txt (openat)",
                                  "make_dir " + d + "/sub/made (mkdirat)",
                              }));
}

TEST(Tracer, RenameAcrossDirectoriesNeedsRefer) {
  ScratchDir dir;
  dir.Write("a/f", "x");
  fs::create_directory(dir.path() + "/b");
  TraceResult result = Trace({TRACE_TEST_rename_across, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "make_reg " + d + "/b/f (rename)",
                                  "remove_file " + d + "/a/f (rename)",
                                  "refer " + d + "/a (rename)",
                                  "refer " + d + "/b (rename)",
                              }));
}

TEST(Tracer, FailedOpenOfMissingFileIsRecordedWithItsError) {
  ScratchDir dir;
  TraceResult result = Trace({TRACE_TEST_missing_file, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(Under(result, dir.path()),
            (std::vector<std::string>{"read_file " + dir.path() + "/missing (openat) -> ENOENT"}));
}

TEST(Tracer, FollowsThreadsAndForkedChildren) {
  ScratchDir dir;
  dir.Write("thread.txt", "x");
  dir.Write("child.txt", "x");
  TraceResult result = Trace({TRACE_TEST_thread_fork, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "read_file " + d + "/thread.txt (openat)",
                                  "write_file " + d + "/child.txt (openat)",
                              }));
}

TEST(Tracer, RelativePathsFollowEachChangeOfTheWorkingDirectory) {
  ScratchDir dir;
  // Every name in every directory: a stale working directory would name a file that exists.
  for (const char* sub : {"", "a/", "b/"})
    for (const char* name : {"top", "f", "g", "h"}) dir.Write(std::string(sub) + name, "x");
  TraceResult result = Trace({TRACE_TEST_cwd_changes, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "read_file " + d + "/top (openat)",
                                  // after a thread's chdir to a
                                  "read_file " + d + "/a/f (openat)",
                                  // fchdir to b
                                  "read_dir " + d + "/b (openat)",
                                  "read_file " + d + "/b/g (openat)",
                                  // a forked child's chdir to a, and its parent still in b
                                  "write_file " + d + "/a/f (openat)",
                                  "write_file " + d + "/b/g (openat)",
                                  // after the chdir of a child sharing it (CLONE_FS)
                                  "read_file " + d + "/a/h (openat)",
                                  // a thread that unshared it went up alone
                                  "write_file " + d + "/top (openat)",
                                  "write_file " + d + "/a/h (openat)",
                              }));
}

TEST(Tracer, PathsAreResolvedAsTheFileSystemStoodAtEachCall) {
  ScratchDir dir;
  for (const char* name : {"x/f", "y/f", "z/f"}) dir.Write(name, "x");
  TraceResult result = Trace({TRACE_TEST_relink, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  // make_sym of l a second and a third time is the same access, recorded once.
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "make_sym " + d + "/l (symlink)",
                                  "read_file " + d + "/x/f (openat)",
                                  "make_dir " + d + "/x/d1 (mkdir)",
                                  "remove_file " + d + "/l (unlink)",
                                  "read_file " + d + "/y/f (openat)",
                                  "make_dir " + d + "/y/d2 (mkdir)",
                                  "make_sym " + d + "/t (symlink)",
                                  "remove_file " + d + "/t (rename)",
                                  "read_file " + d + "/z/f (openat)",
                                  "make_dir " + d + "/z/d3 (mkdir)",
                              }));
}

TEST(Tracer, ADirectoryDescriptorIsNamedAsItStandsAtEachCall) {
  ScratchDir dir;
  for (const char* sub : {"a/", "b/", "c/"})
    for (const char* name : {"f1", "f2", "f3", "f4"}) dir.Write(std::string(sub) + name, "x");
  TraceResult result = Trace({TRACE_TEST_dirfd_reuse, dir.path()});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "read_dir " + d + "/a (openat)",
                                  "read_file " + d + "/a/f1 (openat)",
                                  "read_file " + d + "/a/f2 (openat)",
                                  "read_dir " + d + "/b (openat)",
                                  "read_file " + d + "/b/f3 (openat)",
                                  "read_file " + d + "/b/f4 (openat)",
                                  "make_dir " + d + "/moved (rename)",
                                  "remove_dir " + d + "/b (rename)",
                                  "read_file " + d + "/moved/f1 (openat)",
                                  "read_file " + d + "/moved/f2 (openat)",
                                  "make_dir " + d + "/moved/new (mkdirat)",
                                  "read_dir " + d + "/c (openat)",
                                  "read_file " + d + "/c/f4 (openat)",
                              }));
}

// The descriptors this process has open.
size_t OpenDescriptors() {
  return static_cast<size_t>(std::distance(fs::directory_iterator("/proc/self/fd"), {}));
}

TEST(Tracer, NamesDirectoryDescriptorsUpToTheCopyBoundAndPastIt) {
  for (size_t count : {kMaxDirFdCopies, kMaxDirFdCopies + 1}) {
    SCOPED_TRACE(count);
    ScratchDir dir;
    for (size_t i = 0; i < count; ++i) dir.Write("d" + std::to_string(i) + "/f", "x");
    size_t descriptors_before = OpenDescriptors();
    TraceResult result = Trace({TRACE_TEST_many_dirfds, dir.path(), std::to_string(count)});
    EXPECT_EQ(result.exit_status, 0);
    EXPECT_EQ(OpenDescriptors(), descriptors_before) << "the tracer kept a duplicate open";
    const std::string& d = dir.path();
    std::vector<std::string> expected;
    for (size_t i = 0; i < count; ++i) {
      expected.push_back("read_dir " + d + "/d" + std::to_string(i) + " (openat)");
      expected.push_back("read_file " + d + "/d" + std::to_string(i) + "/f (openat)");
    }
    for (size_t i = 0; i < count; ++i) {
      expected.push_back("make_dir " + d + "/m" + std::to_string(i) + " (rename)");
      expected.push_back("remove_dir " + d + "/d" + std::to_string(i) + " (rename)");
      expected.push_back("read_file " + d + "/m" + std::to_string(i) + "/f (openat)");
    }
    EXPECT_EQ(Under(result, d), expected);
  }
}

TEST(Tracer, AHeldDirectoryDescriptorDoesNotKeepAFileSystemBusy) {
  ScratchDir dir;
  ASSERT_EQ(mount("tmpfs", dir.path().c_str(), "tmpfs", 0, nullptr), 0) << std::strerror(errno);
  TraceResult result = Trace({TRACE_TEST_umount_after_dirfd, dir.path()});
  bool was_still_mounted = umount2(dir.path().c_str(), MNT_DETACH) == 0;
  EXPECT_EQ(result.exit_status, 0) << "the traced unmount failed";
  EXPECT_FALSE(was_still_mounted);
}

// The ELF interpreter of the test programs (their PT_INTERP).
#if defined(__x86_64__)
constexpr const char* kLoader = "/lib64/ld-linux-x86-64.so.2";
#elif defined(__aarch64__)
constexpr const char* kLoader = "/lib/ld-linux-aarch64.so.1";
#endif

TEST(Tracer, ExecOfScriptRecordsTheScriptAndItsInterpreterChain) {
  ScratchDir dir;
  // The interpreter is reached through a symlink, which the tracer resolves as the kernel does.
  fs::create_symlink("/bin/true", dir.path() + "/interp");
  dir.Write("script", "#!" + dir.path() + "/interp -x\n");
  fs::permissions(dir.path() + "/script", fs::perms::owner_all);
  TraceResult result = Trace({TRACE_TEST_exec_script, dir.path() + "/script"});
  EXPECT_EQ(result.exit_status, 0);
  std::vector<std::string> executed;
  for (const Access& access : result.accesses)
    if (access.kind == AccessKind::kExecute) executed.push_back(DescribeAccess(access));
  // The test program and the ELF interpreter the kernel loads for it (and again, deduplicated, for
  // /bin/true), the script, and the script's interpreter with the symlink resolved.
  EXPECT_EQ(
      executed,
      (std::vector<std::string>{
          "execute " + std::filesystem::canonical(TRACE_TEST_exec_script).string() + " (execve)",
          "execute " + std::filesystem::canonical(kLoader).string() + " (execve)",
          "execute " + dir.path() + "/script (execve)",
          "execute " + std::filesystem::canonical("/bin/true").string() + " (execve)",
      }));
}

TEST(Tracer, LookupsOnlyWhenAsked) {
  ScratchDir dir;
  dir.Write("file", "x");
  const std::string& d = dir.path();
  TraceResult without = Trace({TRACE_TEST_lookups, d});
  EXPECT_EQ(without.exit_status, 0);
  EXPECT_EQ(Under(without, d, /*lookups=*/true), std::vector<std::string>{});
  TraceResult with = Trace({TRACE_TEST_lookups, d}, {.lookups = true});
  EXPECT_EQ(Under(with, d, /*lookups=*/true),
            (std::vector<std::string>{"lookup " + d + "/file (newfstatat)",
                                      "lookup " + d + "/missing (access) -> ENOENT"}));
}

uint16_t FreePort() {
  int probe = socket(AF_INET6, SOCK_STREAM, 0);
  sockaddr_in6 address{};
  address.sin6_family = AF_INET6;
  address.sin6_addr = in6addr_loopback;
  socklen_t length = sizeof address;
  bind(probe, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(probe, reinterpret_cast<sockaddr*>(&address), &length);
  close(probe);
  return ntohs(address.sin6_port);
}

std::vector<std::string> NonPathAccesses(const TraceResult& result) {
  std::vector<std::string> lines;
  for (const Access& access : result.accesses)
    if (access.kind >= AccessKind::kBindTcp) lines.push_back(DescribeAccess(access));
  return lines;
}

TEST(Tracer, BindOnIpv6TcpAndUdp) {
  uint16_t port = FreePort();
  TraceResult result = Trace({TRACE_TEST_bind_ipv6, std::to_string(port)});
  EXPECT_EQ(result.exit_status, 0);
  std::string p = std::to_string(port);
  EXPECT_EQ(NonPathAccesses(result), (std::vector<std::string>{"bind_tcp port " + p + " (bind)",
                                                               "bind_udp port " + p + " (bind)"}));
}

TEST(Tracer, EachRemainingKindOfCall) {
  ScratchDir dir;
  dir.Write("file", "content");
  fs::create_directory(dir.path() + "/a");
  fs::create_directory(dir.path() + "/b");
  uint16_t port = 40000 + static_cast<uint16_t>(getpid() % 20000);
  TraceResult result = Trace({TRACE_TEST_many_calls, dir.path(), std::to_string(port)});
  EXPECT_EQ(result.exit_status, 0);
  const std::string& d = dir.path();
  EXPECT_EQ(Under(result, d), (std::vector<std::string>{
                                  "read_file " + d + "/file (openat2)",
                                  "make_sym " + d + "/a/link (symlinkat)",
                                  "make_reg " + d + "/b/hard (linkat)",
                                  "refer " + d + " (linkat)",
                                  "refer " + d + "/b (linkat)",
                                  "make_fifo " + d + "/a/fifo (mknodat)",
                                  "make_sym " + d + "/b/hard (renameat2)",
                                  "remove_file " + d + "/a/link (renameat2)",
                                  "make_reg " + d + "/a/link (renameat2)",
                                  "remove_file " + d + "/b/hard (renameat2)",
                                  "refer " + d + "/a (renameat2)",
                                  "truncate " + d + "/file (truncate)",
                                  "remove_file " + d + "/a/fifo (unlinkat)",
                                  "make_dir " + d + "/a/dir (mkdir)",
                                  "remove_dir " + d + "/a/dir (unlinkat)",
                              }));
  std::vector<std::string> others;
  for (const Access& access : result.accesses)
    if ((access.kind == AccessKind::kIoctlDev && access.path == "/dev/null") ||
        access.kind == AccessKind::kConnectUdp ||
        (access.kind == AccessKind::kExecute && access.syscall == "execveat"))
      others.push_back(DescribeAccess(access));
  EXPECT_EQ(others,
            (std::vector<std::string>{
                "ioctl_dev /dev/null (ioctl) -> ENOTTY",
                "connect_send_udp port " + std::to_string(port) + " (connect)",
                "connect_send_udp port " + std::to_string(port + 1) + " (sendto)",
                "execute " + std::filesystem::canonical("/bin/true").string() + " (execveat)",
            }));
}

TEST(Tracer, AbstractSocketsAndSignalsOutsideTheTracedTree) {
  std::string me = std::to_string(getpid());
  TraceResult result = Trace({TRACE_TEST_scopes, "landlockc-test-nobody", me});
  EXPECT_EQ(result.exit_status, 0);
  // The SIGKILL to its own child is inside the traced tree: not recorded.
  EXPECT_EQ(NonPathAccesses(result),
            (std::vector<std::string>{
                "abstract_unix_socket @landlockc-test-nobody (connect) -> ECONNREFUSED",
                "signal pid " + me + " (kill)"}));
}

TEST(Tracer, DatagramsWithADestinationAndSignalsThroughAPidfd) {
  ScratchDir dir;
  // A unix datagram socket for the program to send to.
  std::string socket_path = dir.path() + "/sock";
  int receiver = socket(AF_UNIX, SOCK_DGRAM, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  socket_path.copy(address.sun_path, sizeof address.sun_path - 1);
  ASSERT_EQ(bind(receiver, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  uint16_t port = FreePort();
  std::string me = std::to_string(getpid());
  TraceResult result = Trace(
      {TRACE_TEST_send_signal, std::to_string(port), socket_path, "landlockc-test-nobody", me});
  close(receiver);
  EXPECT_EQ(result.exit_status, 0);
  EXPECT_EQ(Under(result, dir.path()),
            (std::vector<std::string>{"resolve_unix " + socket_path + " (sendmsg)"}));
  // The SIGKILL to its own child is inside the traced tree: not recorded.
  EXPECT_EQ(NonPathAccesses(result),
            (std::vector<std::string>{
                "connect_send_udp port " + std::to_string(port) + " (sendmsg)",
                "connect_send_udp port " + std::to_string(port + 1) + " (sendmmsg)",
                "connect_send_udp port " + std::to_string(port + 2) + " (sendmmsg)",
                "abstract_unix_socket @landlockc-test-nobody (sendmsg) -> ECONNREFUSED",
                "signal pid " + me + " (pidfd_send_signal)",
            }));
}

TEST(Tracer, TcpSendsConnectOnlyWithFastOpen) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ASSERT_EQ(bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(listener, 1), 0);
  ASSERT_EQ(getsockname(listener, reinterpret_cast<sockaddr*>(&address), &length), 0);
  std::string listening = std::to_string(ntohs(address.sin_port));
  uint16_t first_free = FreePort(), second_free = FreePort();
  while (second_free == first_free) second_free = FreePort();
  std::string refusing = std::to_string(first_free), also_refusing = std::to_string(second_free);
  TraceResult result = Trace({TRACE_TEST_tcp_fast_open, listening, refusing, also_refusing});
  close(listener);
  EXPECT_EQ(result.exit_status, 0);
  // The send on the connected socket names port `refusing`, which TCP ignores: not recorded.
  EXPECT_EQ(NonPathAccesses(result),
            (std::vector<std::string>{
                "connect_tcp port " + listening + " (connect)",
                "connect_tcp port " + refusing + " (sendto) -> ECONNREFUSED",
                "connect_tcp port " + also_refusing + " (sendmsg) -> ECONNREFUSED",
            }));
}

TEST(Tracer, ReportsAProcessThatSetUpAnIoUring) {
  TraceResult result = Trace({TRACE_TEST_io_uring});
  ASSERT_EQ(result.exit_status, 0) << "the kernel refused io_uring_setup";
  EXPECT_GT(result.io_uring_pid, 0);
  EXPECT_EQ(Trace({TRACE_TEST_exit_status, "0"}).io_uring_pid, 0);
}

TEST(Tracer, ReportsExitStatusAndKillingSignal) {
  EXPECT_EQ(Trace({TRACE_TEST_exit_status, "42"}).exit_status, 42);
  TraceResult killed = Trace({TRACE_TEST_exit_status, "0", std::to_string(SIGTERM)});
  EXPECT_EQ(killed.term_signal, SIGTERM);
}

// The error of a trace that must fail.
std::string TraceError(const std::vector<std::string>& argv, const TraceOptions& options) {
  llvm::Expected<TraceResult> result = TraceCommand(argv, options);
  if (result) {
    ADD_FAILURE() << "the trace of " << argv[0] << " succeeded";
    return "";
  }
  return llvm::toString(result.takeError());
}

TEST(Tracer, RecordsAccessesUpToTheBoundAndFailsPastIt) {
  ScratchDir dir;
  size_t count = Trace({TRACE_TEST_missing_file, dir.path()}).accesses.size();
  ASSERT_GT(count, 1u);
  TraceResult at_bound = Trace({TRACE_TEST_missing_file, dir.path()}, {.max_accesses = count});
  EXPECT_EQ(at_bound.accesses.size(), count);
  EXPECT_EQ(TraceError({TRACE_TEST_missing_file, dir.path()}, {.max_accesses = count - 1}),
            "more than " + std::to_string(count - 1) + " distinct accesses were recorded");
}

// A path of `length` bytes: `dir`, then components of at most 200 bytes (NAME_MAX is 255).
std::string PathOfLength(const std::string& dir, size_t length) {
  std::string path = dir;
  while (path.size() < length) {
    size_t left = length - path.size();
    // '/' and at least one byte, leaving no lone '/' for the last component.
    size_t component = std::min<size_t>(200, left - 1);
    if (left - 1 - component == 1) --component;
    path += '/' + std::string(component, 'a');
  }
  return path;
}

TEST(Tracer, RecordsAPathOfTheBoundAndNoneLonger) {
  ScratchDir dir;
  const std::string& d = dir.path();
  // With its NUL, exactly kMaxPathBytes: the kernel looks it up, the tracer records it.
  std::string longest = PathOfLength(d, kMaxPathBytes - 1);
  ASSERT_EQ(longest.size(), kMaxPathBytes - 1);
  TraceResult at_bound = Trace({TRACE_TEST_open_path, longest});
  EXPECT_EQ(at_bound.exit_status, ENOENT);
  EXPECT_EQ(Under(at_bound, d),
            std::vector<std::string>{"read_file " + longest + " (openat) -> ENOENT"});
  // One byte more: the kernel refuses it, and the tracer records nothing of it.
  std::string past = PathOfLength(d, kMaxPathBytes);
  ASSERT_EQ(past.size(), kMaxPathBytes);
  TraceResult past_bound = Trace({TRACE_TEST_open_path, past});
  EXPECT_EQ(past_bound.exit_status, ENAMETOOLONG);
  EXPECT_EQ(Under(past_bound, d, /*lookups=*/true), std::vector<std::string>{});
}

TEST(Tracer, TracesThreadsUpToTheBoundAndFailsPastIt) {
  ScratchDir dir;
  dir.Write("thread.txt", "x");
  dir.Write("child.txt", "x");
  EXPECT_EQ(Trace({TRACE_TEST_missing_file, dir.path()}, {.max_tasks = 1}).exit_status, 0);
  EXPECT_EQ(TraceError({TRACE_TEST_thread_fork, dir.path()}, {.max_tasks = 1}),
            "more than 1 traced threads at once");
}

TEST(Tracer, ReportsACommandThatCannotBeFound) {
  TraceResult result = Trace({"landlockc-no-such-program"});
  EXPECT_EQ(result.exec_error, ENOENT);
}

}  // namespace
}  // namespace landlockc::trace
