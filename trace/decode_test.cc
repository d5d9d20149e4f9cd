// SPDX-License-Identifier: MIT
// The decoder alone: each call given as its entry record and result, the process and the file
// system as a fake Tracee; the test asserts the exact accesses.
#include "trace/decode.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/audit.h>
#include <linux/fs.h>
#include <netinet/in.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>

#include <climits>
#include <cstring>
#include <map>
#include <set>
#include <vector>

#include "lint/preflight.h"

namespace landlockc::trace {
namespace {

// A process whose memory, links and descriptors are what the test puts there; a file system of the
// files the test names, where every path resolves to itself unless the test says otherwise.
class FakeTracee : public Tracee {
 public:
  // The readable memory: kSize bytes from kBase, zeros where nothing was put.
  static constexpr uint64_t kBase = 0x10000;
  static constexpr size_t kSize = 1 << 16;

  // Puts `bytes` in the process's memory; returns their address.
  uint64_t Put(const std::string& bytes) {
    uint64_t address = kBase + used_;
    memory_.replace(used_, bytes.size(), bytes);
    used_ += bytes.size();
    return address;
  }
  uint64_t PutString(const std::string& text) { return Put(text + '\0'); }
  // Puts `bytes` at the very end of the readable memory.
  uint64_t PutAtEnd(const std::string& bytes) {
    memory_.replace(kSize - bytes.size(), bytes.size(), bytes);
    return kBase + kSize - bytes.size();
  }

  bool ReadMemory(uint64_t address, void* buffer, size_t length) override {
    if (address < kBase || address - kBase > kSize || length > kSize - (address - kBase))
      return false;
    std::memcpy(buffer, memory_.data() + (address - kBase), length);
    return true;
  }
  std::string ProcLink(std::string_view link) override {
    auto it = links.find(std::string(link));
    return it == links.end() ? "" : it->second;
  }
  std::string BaseDirectory(int dirfd) override {
    ++base_directories_read;
    return ProcLink(dirfd == AT_FDCWD ? "cwd" : "fd/" + std::to_string(dirfd));
  }
  std::optional<mode_t> DescriptorType(int64_t fd) override {
    auto it = descriptors.find(fd);
    if (it == descriptors.end()) return std::nullopt;
    return it->second;
  }
  std::optional<SocketKind> Socket(int64_t fd) override {
    auto it = sockets.find(fd);
    if (it == sockets.end()) return std::nullopt;
    return it->second;
  }
  bool IsTraced(int64_t pid) override { return traced.count(pid) != 0; }
  int64_t PidfdTarget(int64_t fd) override {
    auto it = pidfds.find(fd);
    return it == pidfds.end() ? 0 : it->second;
  }
  std::optional<mode_t> FileType(const std::string& path, bool) override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }
  std::string Resolve(const std::string& path, bool follow) override {
    auto it = follow ? links_on_disk.find(path) : links_on_disk.end();
    return it == links_on_disk.end() ? path : it->second;
  }
  std::optional<HostFile> OpenedOnHost(const std::string& path, bool follow) override {
    if (!host_names_opens) return std::nullopt;
    std::string resolved = Resolve(path, follow);
    std::optional<mode_t> type = FileType(resolved, false);
    if (!type) return std::nullopt;
    return HostFile{resolved, *type == S_IFDIR};
  }
  std::string InterpreterOf(const std::string& path) override {
    auto it = interpreters.find(path);
    return it == interpreters.end() ? "" : it->second;
  }

  std::map<std::string, std::string> links;  // "cwd", "fd/N"
  std::map<int64_t, mode_t> descriptors;
  std::map<int64_t, SocketKind> sockets;
  std::set<int64_t> traced;
  std::map<std::string, mode_t> files;
  std::map<std::string, std::string> links_on_disk;  // followed by Resolve
  std::map<std::string, std::string> interpreters;
  std::map<int64_t, int64_t> pidfds;  // PidfdTarget
  // OpenedOnHost answers for the paths of `files` (as a tracer that knows the file system does).
  bool host_names_opens = false;
  int base_directories_read = 0;

 private:
  std::string memory_ = std::string(kSize, '\0');
  size_t used_ = 0;
};

// The number of `name` on this machine's architecture.
uint64_t Nr(std::string_view name) {
  for (const TracedSyscall& call : TracedSyscalls())
    if (call.name == name)
      return static_cast<uint64_t>(NativeAuditArch() == AUDIT_ARCH_X86_64 ? call.x86_64
                                                                          : call.aarch64);
  ADD_FAILURE() << "no traced call " << name;
  return 0;
}

// The call `name` with `args`, returning `result`, as DescribeAccess lines.
std::vector<std::string> Decode(FakeTracee& tracee, std::string_view name,
                                std::vector<uint64_t> args, int64_t result = 0) {
  SyscallEntry entry{NativeAuditArch(), Nr(name), {}};
  std::copy(args.begin(), args.end(), entry.args);
  std::optional<PendingCall> pending = DecodeEntry(tracee, entry);
  if (!pending) return {};
  std::vector<std::string> lines;
  for (const Access& access : DecodeExit(tracee, std::move(*pending), result, result < 0))
    lines.push_back(DescribeAccess(access));
  return lines;
}

using Lines = std::vector<std::string>;
constexpr uint64_t kAtFdcwd = static_cast<uint64_t>(AT_FDCWD);

TEST(DecodeTest, AnOpenRecordsWhatTheKernelOpened) {
  FakeTracee tracee;
  tracee.links["cwd"] = "/srv";
  tracee.links["fd/3"] = "/data/real";  // through a symlink the kernel resolved
  tracee.descriptors[3] = S_IFREG;
  uint64_t path = tracee.PutString("link");
  EXPECT_EQ(Decode(tracee, "openat", {kAtFdcwd, path, O_RDONLY}, 3),
            Lines{"read_file /data/real (openat)"});
  // A directory, opened through a descriptor of the process.
  tracee.links["fd/5"] = "/srv/www";
  tracee.links["fd/4"] = "/srv/www/static";
  tracee.descriptors[4] = S_IFDIR;
  EXPECT_EQ(Decode(tracee, "openat", {5, tracee.PutString("static"), O_RDONLY}, 4),
            Lines{"read_dir /srv/www/static (openat)"});
}

TEST(DecodeTest, AFailedCreatingOpenIsResolvedOnTheHost) {
  FakeTracee tracee;
  tracee.links_on_disk["/tmp/out"] = "/var/tmp/out";
  uint64_t path = tracee.PutString("/tmp/out");
  EXPECT_EQ(
      Decode(tracee, "open", {path, O_CREAT | O_WRONLY | O_TRUNC}, -EACCES),
      (Lines{"make_reg /var/tmp/out (open) -> EACCES", "write_file /var/tmp/out (open) -> EACCES",
             "truncate /var/tmp/out (open) -> EACCES"}));
  // It existed: nothing is made. O_EXCL keeps the last symlink.
  tracee.files["/tmp/out"] = S_IFREG;
  EXPECT_EQ(Decode(tracee, "creat", {path}, -EEXIST),
            (Lines{"write_file /var/tmp/out (creat) -> EEXIST",
                   "truncate /var/tmp/out (creat) -> EEXIST"}));
  EXPECT_EQ(Decode(tracee, "open", {path, O_CREAT | O_EXCL | O_RDWR}, -EEXIST),
            (Lines{"read_file /tmp/out (open) -> EEXIST", "write_file /tmp/out (open) -> EEXIST"}));
  EXPECT_EQ(Decode(tracee, "open", {path, O_PATH}, -ENOENT),
            Lines{"lookup /var/tmp/out (open) -> ENOENT"});
}

TEST(DecodeTest, APathOfTheBoundIsReadAndALongerOneIsNot) {
  FakeTracee tracee;
  std::string longest = "/" + std::string(kMaxPathBytes - 2, 'a');  // with its NUL: the bound
  ASSERT_EQ(longest.size() + 1, kMaxPathBytes);
  EXPECT_EQ(ReadString(tracee, tracee.PutString(longest)), longest);
  EXPECT_EQ(Decode(tracee, "unlink", {tracee.PutString(longest)}, -ENOENT),
            Lines{"remove_file " + longest + " (unlink) -> ENOENT"});
  std::string past = longest + "a";
  EXPECT_EQ(ReadString(tracee, tracee.PutString(past)), std::nullopt);
  EXPECT_EQ(Decode(tracee, "unlink", {tracee.PutString(past)}, -ENAMETOOLONG), Lines{});
  // Unterminated at the end of readable memory, at address 0, and relative with no working
  // directory to read: nothing.
  EXPECT_EQ(ReadString(tracee, tracee.PutAtEnd("/no-nul")), std::nullopt);
  EXPECT_EQ(ReadString(tracee, 0), std::nullopt);
  EXPECT_EQ(Decode(tracee, "unlink", {tracee.PutString("relative")}), Lines{});
}

TEST(DecodeTest, ARenameExchangeAcrossDirectories) {
  FakeTracee tracee;
  tracee.files["/a/dir"] = S_IFDIR;
  tracee.files["/b/file"] = S_IFREG;
  EXPECT_EQ(Decode(tracee, "renameat2",
                   {kAtFdcwd, tracee.PutString("/a/dir"), kAtFdcwd, tracee.PutString("/b/file"),
                    RENAME_EXCHANGE}),
            (Lines{"make_dir /b/file (renameat2)", "remove_dir /a/dir (renameat2)",
                   "make_reg /a/dir (renameat2)", "remove_file /b/file (renameat2)",
                   "refer /a (renameat2)", "refer /b (renameat2)"}));
  // A link in one directory: no refer.
  EXPECT_EQ(Decode(tracee, "link", {tracee.PutString("/b/file"), tracee.PutString("/b/new")}),
            Lines{"make_reg /b/new (link)"});
}

TEST(DecodeTest, AnExecRecordsTheInterpreterChain) {
  FakeTracee tracee;
  tracee.links["cwd"] = "/home/u";
  tracee.interpreters["/home/u/script"] = "/usr/bin/env";
  tracee.interpreters["/usr/bin/env"] = "/lib64/ld.so";
  tracee.links_on_disk["/lib64/ld.so"] = "/usr/lib64/ld.so";
  uint64_t script = tracee.PutString("script");
  EXPECT_EQ(Decode(tracee, "execve", {script, 0, 0}),
            (Lines{"execute /home/u/script (execve)", "execute /usr/bin/env (execve)",
                   "execute /usr/lib64/ld.so (execve)"}));
  // A failed exec ran nothing further.
  EXPECT_EQ(Decode(tracee, "execve", {script, 0, 0}, -EACCES),
            Lines{"execute /home/u/script (execve) -> EACCES"});
  // execveat of a descriptor: its path, when it has one.
  tracee.links["fd/7"] = "/usr/bin/env";
  tracee.links["fd/9"] = "anon_inode:[memfd]";
  uint64_t empty = tracee.PutString("");
  EXPECT_EQ(Decode(tracee, "execveat", {7, empty, 0, 0, AT_EMPTY_PATH}, -ENOEXEC),
            Lines{"execute /usr/bin/env (execveat) -> ENOEXEC"});
  EXPECT_EQ(Decode(tracee, "execveat", {9, empty, 0, 0, AT_EMPTY_PATH}), Lines{});
}

TEST(DecodeTest, InterpretersUpToTheBoundAndNoFurther) {
  // /p runs /i1, which runs /i2, ...: lint::kMaxInterpreterDepth of them are followed, as exec's
  // pre-flight follows them (the kernel itself stops at 4 `#!` levels, ELOOP).
  FakeTracee tracee;
  Lines expected = {"execute /p (execve)"};
  std::string previous = "/p";
  for (int depth = 1; depth <= lint::kMaxInterpreterDepth + 1; ++depth) {
    std::string interpreter = "/i" + std::to_string(depth);
    tracee.interpreters[previous] = interpreter;
    if (depth <= lint::kMaxInterpreterDepth)
      expected.push_back("execute " + interpreter + " (execve)");
    previous = interpreter;
  }
  ASSERT_EQ(expected.size(), size_t{lint::kMaxInterpreterDepth} + 1);
  EXPECT_EQ(Decode(tracee, "execve", {tracee.PutString("/p"), 0, 0}), expected);
  // A chain of exactly the bound: every one.
  tracee.interpreters.erase("/i" + std::to_string(lint::kMaxInterpreterDepth));
  EXPECT_EQ(Decode(tracee, "execve", {tracee.PutString("/p"), 0, 0}), expected);
}

TEST(DecodeTest, SocketsByFamilyAndKind) {
  FakeTracee tracee;
  tracee.sockets[3] = {SOCK_STREAM, IPPROTO_TCP};
  tracee.sockets[4] = {SOCK_DGRAM, IPPROTO_UDP};
  sockaddr_in6 ipv6{};
  ipv6.sin6_family = AF_INET6;
  ipv6.sin6_port = htons(443);
  uint64_t address = tracee.Put(std::string(reinterpret_cast<char*>(&ipv6), sizeof ipv6));
  EXPECT_EQ(Decode(tracee, "connect", {3, address, sizeof ipv6}),
            Lines{"connect_tcp port 443 (connect)"});
  EXPECT_EQ(Decode(tracee, "bind", {4, address, sizeof ipv6}), Lines{"bind_udp port 443 (bind)"});
  EXPECT_EQ(Decode(tracee, "sendto", {4, 0, 0, 0, address, sizeof ipv6}),
            Lines{"connect_send_udp port 443 (sendto)"});
  // A TCP send connects to its destination only with MSG_FASTOPEN; otherwise TCP ignores it.
  EXPECT_EQ(Decode(tracee, "sendto", {3, 0, 0, 0, address, sizeof ipv6}), Lines{});
  EXPECT_EQ(Decode(tracee, "sendto", {3, 0, 0, MSG_FASTOPEN, address, sizeof ipv6}),
            Lines{"connect_tcp port 443 (sendto)"});
  // Too short for its family, or a socket of neither kind: nothing.
  EXPECT_EQ(Decode(tracee, "connect", {3, address, sizeof ipv6 - 1}), Lines{});
  EXPECT_EQ(Decode(tracee, "connect", {5, address, sizeof ipv6}), Lines{});
  // Unix sockets: by path, and abstract (a name never longer than sockaddr_un holds, whatever
  // length the call gives).
  sockaddr_un named{};
  named.sun_family = AF_UNIX;
  std::strcpy(named.sun_path, "/run/app.sock");
  address = tracee.Put(std::string(reinterpret_cast<char*>(&named), sizeof named));
  EXPECT_EQ(Decode(tracee, "bind", {3, address, sizeof named}),
            Lines{"make_sock /run/app.sock (bind)"});
  EXPECT_EQ(Decode(tracee, "connect", {3, address, sizeof named}),
            Lines{"resolve_unix /run/app.sock (connect)"});
  std::string abstract(sizeof(sockaddr_storage), 'n');
  abstract[0] = AF_UNIX;
  abstract[1] = 0;
  abstract[2] = '\0';
  address = tracee.Put(abstract);
  std::string name(sizeof named.sun_path - 1, 'n');
  EXPECT_EQ(Decode(tracee, "connect", {3, address, abstract.size()}),
            Lines{"abstract_unix_socket @" + name + " (connect)"});
}

// A message header naming `name` (`length` bytes at that address of the process), as sendmsg and
// each message of sendmmsg carry it.
mmsghdr MessageTo(uint64_t name, size_t length) {
  mmsghdr message{};
  message.msg_hdr.msg_name = reinterpret_cast<void*>(name);
  message.msg_hdr.msg_namelen = static_cast<socklen_t>(length);
  return message;
}

template <typename T>
std::string Bytes(const T& value) {
  return std::string(reinterpret_cast<const char*>(&value), sizeof value);
}

TEST(DecodeTest, SendmsgAndSendmmsgRecordTheirDestinationsLikeSendto) {
  FakeTracee tracee;
  tracee.links["cwd"] = "/srv";
  tracee.sockets[4] = {SOCK_DGRAM, IPPROTO_UDP};
  sockaddr_in6 ipv6{};
  ipv6.sin6_family = AF_INET6;
  ipv6.sin6_port = htons(443);
  uint64_t to_443 = tracee.Put(Bytes(ipv6));
  sockaddr_in ipv4{};
  ipv4.sin_family = AF_INET;
  ipv4.sin_port = htons(53);
  uint64_t to_53 = tracee.Put(Bytes(ipv4));
  sockaddr_un named{};
  named.sun_family = AF_UNIX;
  std::strcpy(named.sun_path, "log.sock");
  uint64_t to_log = tracee.Put(Bytes(named));
  uint64_t one = tracee.Put(Bytes(MessageTo(to_443, sizeof ipv6).msg_hdr));
  EXPECT_EQ(Decode(tracee, "sendmsg", {4, one, 0}), Lines{"connect_send_udp port 443 (sendmsg)"});
  // On TCP, only with MSG_FASTOPEN, for sendmsg and every message of sendmmsg.
  tracee.sockets[3] = {SOCK_STREAM, IPPROTO_TCP};
  EXPECT_EQ(Decode(tracee, "sendmsg", {3, one, 0}), Lines{});
  EXPECT_EQ(Decode(tracee, "sendmsg", {3, one, MSG_FASTOPEN}),
            Lines{"connect_tcp port 443 (sendmsg)"});
  uint64_t two =
      tracee.Put(Bytes(MessageTo(to_443, sizeof ipv6)) + Bytes(MessageTo(to_53, sizeof ipv4)));
  EXPECT_EQ(Decode(tracee, "sendmmsg", {3, two, 2, 0}), Lines{});
  EXPECT_EQ(Decode(tracee, "sendmmsg", {3, two, 2, MSG_FASTOPEN}),
            (Lines{"connect_tcp port 443 (sendmmsg)", "connect_tcp port 53 (sendmmsg)"}));
  // A connected socket's message names no destination; an unreadable header is nothing.
  uint64_t connected = tracee.Put(Bytes(MessageTo(0, 0).msg_hdr));
  EXPECT_EQ(Decode(tracee, "sendmsg", {4, connected, 0}), Lines{});
  EXPECT_EQ(Decode(tracee, "sendmsg", {4, 8, 0}), Lines{});
  // Each message of sendmmsg, a relative unix path against the working directory.
  uint64_t messages =
      tracee.Put(Bytes(MessageTo(to_443, sizeof ipv6)) + Bytes(MessageTo(to_53, sizeof ipv4)) +
                 Bytes(MessageTo(to_log, sizeof named)));
  EXPECT_EQ(Decode(tracee, "sendmmsg", {4, messages, 3, 0}, -EAGAIN),
            (Lines{"connect_send_udp port 443 (sendmmsg) -> EAGAIN",
                   "connect_send_udp port 53 (sendmmsg) -> EAGAIN",
                   "resolve_unix /srv/log.sock (sendmmsg) -> EAGAIN"}));
  // Only the messages it names: none, one, or more than are readable (nothing then).
  EXPECT_EQ(Decode(tracee, "sendmmsg", {4, messages, 0, 0}), Lines{});
  EXPECT_EQ(Decode(tracee, "sendmmsg", {4, messages, 1, 0}),
            Lines{"connect_send_udp port 443 (sendmmsg)"});
}

TEST(DecodeTest, SendmmsgReadsUpToTheKernelsMessageBoundAndNoFurther) {
  // UIO_MAXIOV messages fill the whole readable memory: the first names an IPv6 address stored in
  // the last (its first bytes: AF_INET6, port 443), the others no destination.
  static_assert(UIO_MAXIOV * sizeof(mmsghdr) == FakeTracee::kSize);
  FakeTracee tracee;
  std::vector<mmsghdr> messages(UIO_MAXIOV);
  uint64_t last = FakeTracee::kBase + (UIO_MAXIOV - 1) * sizeof(mmsghdr);
  messages.front() = MessageTo(last, sizeof(sockaddr_in6));
  messages.back() = MessageTo(0xbb01000a, 0);  // bytes 0a 00 01 bb: AF_INET6, port 443
  tracee.sockets[4] = {SOCK_DGRAM, IPPROTO_UDP};
  uint64_t address = tracee.Put(std::string(reinterpret_cast<const char*>(messages.data()),
                                            messages.size() * sizeof(mmsghdr)));
  ASSERT_EQ(address, FakeTracee::kBase);
  EXPECT_EQ(Decode(tracee, "sendmmsg", {4, address, UIO_MAXIOV, 0}),
            Lines{"connect_send_udp port 443 (sendmmsg)"});
  // More than the kernel sends: it reads UIO_MAXIOV (one more would be past readable memory).
  EXPECT_EQ(Decode(tracee, "sendmmsg", {4, address, UIO_MAXIOV + 1, 0}),
            Lines{"connect_send_udp port 443 (sendmmsg)"});
  EXPECT_EQ(Decode(tracee, "sendmmsg", {4, address + 1, UIO_MAXIOV, 0}), Lines{});
}

TEST(DecodeTest, PidfdSendSignalIsScopedLikeKill) {
  FakeTracee tracee;
  tracee.traced = {100};
  tracee.pidfds[7] = 200;
  tracee.pidfds[8] = 100;
  EXPECT_EQ(Decode(tracee, "pidfd_send_signal", {7, 15, 0, 0}),
            Lines{"signal pid 200 (pidfd_send_signal)"});
  EXPECT_EQ(Decode(tracee, "pidfd_send_signal", {7, 15, 0, 0}, -EPERM),
            Lines{"signal pid 200 (pidfd_send_signal) -> EPERM"});
  // To a traced process, or through a descriptor that names no process: nothing.
  EXPECT_EQ(Decode(tracee, "pidfd_send_signal", {8, 15, 0, 0}), Lines{});
  EXPECT_EQ(Decode(tracee, "pidfd_send_signal", {9, 15, 0, 0}), Lines{});
}

TEST(DecodeTest, CallsThatChangeWhatTheTracerKnowsRecordNothingAndAreAwaited) {
  FakeTracee tracee;
  tracee.links["cwd"] = "/srv";
  uint64_t path = tracee.PutString("sub");
  for (const char* name : {"chdir", "fchdir", "setns", "unshare", "mount", "umount2", "move_mount",
                           "pivot_root", "chroot", "io_uring_setup"}) {
    SCOPED_TRACE(name);
    SyscallEntry entry{NativeAuditArch(), Nr(name), {path, CLONE_FS, path, 0, 0, 0}};
    std::optional<PendingCall> pending = DecodeEntry(tracee, entry);
    ASSERT_TRUE(pending);
    EXPECT_EQ(pending->syscall, name);
    EXPECT_TRUE(StopsAtExit(pending->handler));
    EXPECT_TRUE(pending->accesses.empty());
    EXPECT_EQ(pending->unshare_flags, std::string_view(name) == "unshare" ? path : 0);
    EXPECT_TRUE(DecodeExit(tracee, std::move(*pending), 0, false).empty());
  }
  // They read nothing of the process: their paths are not accesses Landlock checks.
  EXPECT_EQ(tracee.base_directories_read, 0);
  SyscallEntry unshare{NativeAuditArch(), Nr("unshare"), {CLONE_FS | CLONE_NEWNS}};
  EXPECT_EQ(DecodeEntry(tracee, unshare)->unshare_flags, uint64_t{CLONE_FS | CLONE_NEWNS});
  EXPECT_FALSE(StopsAtExit(Handler::kOpenAt));
  EXPECT_FALSE(StopsAtExit(Handler::kSendMsg));
}

TEST(DecodeTest, AnOpenTheHostNamesAsksNoDescriptor) {
  FakeTracee tracee;
  tracee.host_names_opens = true;
  tracee.links["cwd"] = "/srv";
  tracee.links_on_disk["/srv/link"] = "/data/real";
  tracee.files["/data/real"] = S_IFREG;
  tracee.files["/srv/www"] = S_IFDIR;
  // No descriptor link: what the host says is what was opened.
  EXPECT_EQ(Decode(tracee, "openat", {kAtFdcwd, tracee.PutString("link"), O_RDONLY}, 3),
            Lines{"read_file /data/real (openat)"});
  EXPECT_EQ(Decode(tracee, "open", {tracee.PutString("/srv/www"), O_RDONLY}, 3),
            Lines{"read_dir /srv/www (open)"});
  EXPECT_EQ(tracee.base_directories_read, 1);  // the relative path's; an absolute one reads none
  // What an open may have created, or the host does not know: the descriptor says.
  tracee.links["fd/4"] = "/srv/new";
  tracee.descriptors[4] = S_IFREG;
  EXPECT_EQ(Decode(tracee, "open", {tracee.PutString("/srv/link"), O_CREAT | O_WRONLY}, 4),
            (Lines{"make_reg /srv/new (open)", "write_file /srv/new (open)"}));
  EXPECT_EQ(Decode(tracee, "open", {tracee.PutString("/srv/gone"), O_RDONLY}, 4),
            Lines{"read_file /srv/new (open)"});
}

TEST(DecodeTest, SignalsOutsideTheTracedTree) {
  FakeTracee tracee;
  tracee.traced = {100, 101};
  EXPECT_EQ(Decode(tracee, "kill", {100, 9}), Lines{});
  EXPECT_EQ(Decode(tracee, "kill", {static_cast<uint64_t>(-101), 9}), Lines{});
  EXPECT_EQ(Decode(tracee, "kill", {0, 9}), Lines{});
  EXPECT_EQ(Decode(tracee, "kill", {static_cast<uint64_t>(-1), 9}), Lines{"signal pid -1 (kill)"});
  EXPECT_EQ(Decode(tracee, "tgkill", {100, 200, 9}, -ESRCH),
            Lines{"signal pid 200 (tgkill) -> ESRCH"});
  // The most negative pid is a process group like any other (its negation does not overflow).
  EXPECT_EQ(Decode(tracee, "kill", {static_cast<uint64_t>(uint32_t{0x80000000}), 9}),
            Lines{"signal pid " + std::to_string(INT_MIN) + " (kill)"});
}

TEST(DecodeTest, DevicesAndTheErrnoRange) {
  FakeTracee tracee;
  tracee.links["fd/1"] = "/dev/tty1";
  tracee.descriptors[1] = S_IFCHR;
  tracee.links["fd/2"] = "/home/u/file";
  tracee.descriptors[2] = S_IFREG;
  EXPECT_EQ(Decode(tracee, "ioctl", {1, 0x5401}), Lines{"ioctl_dev /dev/tty1 (ioctl)"});
  EXPECT_EQ(Decode(tracee, "ioctl", {1, FIONBIO}), Lines{});
  EXPECT_EQ(Decode(tracee, "ioctl", {2, 0x5401}), Lines{});
  EXPECT_EQ(Decode(tracee, "ftruncate", {2, 0}, -EPERM),
            Lines{"truncate /home/u/file (ftruncate) -> EPERM"});
  // The kernel's errors are -1..-4095: anything else is no errno.
  SyscallEntry entry{NativeAuditArch(), Nr("ftruncate"), {2}};
  std::optional<PendingCall> pending = DecodeEntry(tracee, entry);
  ASSERT_TRUE(pending);
  std::vector<Access> accesses = DecodeExit(tracee, *pending, INT64_MIN, true);
  ASSERT_EQ(accesses.size(), 1u);
  EXPECT_EQ(accesses[0].error, 0);
  EXPECT_EQ(DecodeExit(tracee, *pending, -4095, true).at(0).error, 4095);
}

TEST(DecodeTest, OnlyTracedCallsOfAKnownArchitecture) {
  FakeTracee tracee;
  uint64_t path = tracee.PutString("/x");
  EXPECT_FALSE(DecodeEntry(tracee, SyscallEntry{NativeAuditArch(), 0xffff, {path}}));
  EXPECT_FALSE(DecodeEntry(tracee, SyscallEntry{AUDIT_ARCH_I386, Nr("unlink"), {path}}));
  EXPECT_TRUE(DecodeEntry(tracee, SyscallEntry{NativeAuditArch(), Nr("unlink"), {path}}));
}

}  // namespace
}  // namespace landlockc::trace
