// SPDX-License-Identifier: MIT
#include "trace/decode.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/openat2.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "lint/paths.h"
#include "lint/preflight.h"
#include "trace/resolve.h"

namespace landlockc::trace {
namespace {

// The largest errno the kernel returns (MAX_ERRNO): a failed call returns -1..-4095.
constexpr int64_t kMaxErrno = 4095;

AccessKind MakeKindFor(mode_t type) {
  switch (type) {
    case S_IFDIR:
      return AccessKind::kMakeDir;
    case S_IFLNK:
      return AccessKind::kMakeSym;
    case S_IFSOCK:
      return AccessKind::kMakeSock;
    case S_IFIFO:
      return AccessKind::kMakeFifo;
    case S_IFCHR:
      return AccessKind::kMakeChar;
    case S_IFBLK:
      return AccessKind::kMakeBlock;
    default:
      return AccessKind::kMakeReg;
  }
}

// The ioctl commands Landlock always allows on devices (security/landlock/fs.c,
// is_masked_device_ioctl).
bool AlwaysAllowedIoctl(uint64_t command) {
  switch (static_cast<unsigned>(command)) {
    case FIOCLEX:
    case FIONCLEX:
    case FIONBIO:
    case FIOASYNC:
    case FIOQSIZE:
    case FIFREEZE:
    case FITHAW:
    case FS_IOC_FIEMAP:
    case FIGETBSZ:
    case FICLONE:
    case FICLONERANGE:
    case FIDEDUPERANGE:
      return true;
    default:
      return false;
  }
}

std::string FdLink(int64_t fd) { return "fd/" + std::to_string(fd); }

// Where descriptor `fd` of the process is open, when that is a path.
std::optional<std::string> FdPath(Tracee& tracee, int64_t fd) {
  std::string path = tracee.ProcLink(FdLink(fd));
  if (path.empty() || path.front() != '/') return std::nullopt;
  return path;
}

// Decodes one call at its entry into `pending`.
class EntryDecoder {
 public:
  EntryDecoder(Tracee& tracee, const SyscallEntry& entry, PendingCall& pending)
      : tracee_(tracee), a_(entry.args), pending_(pending) {}

  void Decode();

 private:
  static int Dirfd(uint64_t value) { return static_cast<int>(value); }

  void Add(AccessKind kind, const std::optional<std::string>& path) {
    if (path) pending_.accesses.push_back({kind, *path, 0, 0, std::string(pending_.syscall)});
  }

  // A path argument, absolute and resolved; nullopt when unreadable.
  std::optional<std::string> PathArg(int dirfd, uint64_t address, bool follow_last) {
    std::optional<std::string> text = ReadString(tracee_, address);
    if (!text) return std::nullopt;
    std::string absolute = AbsoluteIn(tracee_, dirfd, *text);
    if (absolute.empty()) return std::nullopt;
    return tracee_.Resolve(absolute, follow_last);
  }

  void Open(int dirfd, uint64_t path_address, uint64_t flags);
  void MakeEntry(int fd, uint64_t path, mode_t type) {
    Add(MakeKindFor(type), PathArg(fd, path, false));
  }
  void RemoveEntry(int fd, uint64_t path, bool directory) {
    Add(directory ? AccessKind::kRemoveDir : AccessKind::kRemoveFile, PathArg(fd, path, false));
  }
  void MoveEntry(int old_fd, uint64_t old_path, int new_fd, uint64_t new_path, bool remove_old,
                 bool exchange);
  void Lookup(int fd, uint64_t path, bool follow) {
    Add(AccessKind::kLookup, PathArg(fd, path, follow));
  }
  // `send_flags`: the flags of a send call, whose destination a TCP socket only connects to with
  // MSG_FASTOPEN; 0 for bind and connect.
  void Socket(uint64_t address, uint64_t length, uint64_t send_flags = 0);
  void Signal(int64_t target, bool group);
  void SendMessages(uint64_t address, uint64_t count, uint64_t send_flags);

  // The socket's kind, asked once per call (sendmmsg names one address per message).
  std::optional<SocketKind> SocketKindOnce() {
    if (!socket_kind_) socket_kind_ = tracee_.Socket(static_cast<int>(a_[0]));
    return *socket_kind_;
  }

  Tracee& tracee_;
  const uint64_t* a_;
  PendingCall& pending_;
  std::optional<std::optional<SocketKind>> socket_kind_;
};

void EntryDecoder::Open(int dirfd, uint64_t path_address, uint64_t flags) {
  // Resolved at exit: by the kernel's own name for what it opened when the call succeeded, which
  // spares a walk of every path component for the most frequent traced call.
  std::optional<std::string> text = ReadString(tracee_, path_address);
  if (!text) return;
  std::string absolute = AbsoluteIn(tracee_, dirfd, *text);
  if (absolute.empty()) return;
  pending_.open_flags = flags;
  if (flags & O_CREAT)
    pending_.existed =
        tracee_.FileType(absolute, !(flags & O_NOFOLLOW) && !(flags & O_EXCL)).has_value();
  pending_.accesses.push_back({AccessKind::kLookup, absolute, 0, 0, std::string(pending_.syscall)});
}

// link and rename: the entry made (and removed), and `refer` when it changes directory.
void EntryDecoder::MoveEntry(int old_fd, uint64_t old_path, int new_fd, uint64_t new_path,
                             bool remove_old, bool exchange) {
  std::optional<std::string> from = PathArg(old_fd, old_path, false);
  std::optional<std::string> to = PathArg(new_fd, new_path, false);
  if (!from || !to) return;
  mode_t from_type = tracee_.FileType(*from, false).value_or(S_IFREG);
  Add(MakeKindFor(from_type), to);
  if (remove_old)
    Add(from_type == S_IFDIR ? AccessKind::kRemoveDir : AccessKind::kRemoveFile, from);
  if (exchange) {
    mode_t to_type = tracee_.FileType(*to, false).value_or(S_IFREG);
    Add(MakeKindFor(to_type), from);
    Add(to_type == S_IFDIR ? AccessKind::kRemoveDir : AccessKind::kRemoveFile, to);
  }
  if (lint::ParentPath(*from) != lint::ParentPath(*to)) {
    Add(AccessKind::kRefer, lint::ParentPath(*from).str());
    Add(AccessKind::kRefer, lint::ParentPath(*to).str());
  }
}

void EntryDecoder::Socket(uint64_t address, uint64_t length, uint64_t send_flags) {
  if (address == 0 || length < sizeof(sa_family_t)) return;
  sockaddr_storage storage{};
  length = std::min<uint64_t>(length, sizeof storage);
  if (!tracee_.ReadMemory(address, &storage, length)) return;
  bool binding = pending_.handler == Handler::kBind;
  auto add = [&](AccessKind kind, std::string path, uint16_t port) {
    pending_.accesses.push_back({kind, std::move(path), port, 0, std::string(pending_.syscall)});
  };
  if (storage.ss_family == AF_UNIX) {
    // The kernel reads no more of a unix address than sockaddr_un holds.
    const auto* unix_address = reinterpret_cast<const sockaddr_un*>(&storage);
    size_t name_length =
        std::min<uint64_t>(length, sizeof(sockaddr_un)) - offsetof(sockaddr_un, sun_path);
    if (name_length == 0) return;  // unnamed (autobind)
    if (unix_address->sun_path[0] == '\0') {
      if (!binding)
        add(AccessKind::kAbstractUnixSocket,
            std::string(unix_address->sun_path + 1, name_length - 1), 0);
      return;
    }
    std::string name(unix_address->sun_path, strnlen(unix_address->sun_path, name_length));
    std::string absolute = AbsoluteIn(tracee_, AT_FDCWD, name);
    if (absolute.empty()) return;
    add(binding ? AccessKind::kMakeSock : AccessKind::kResolveUnix,
        tracee_.Resolve(absolute, !binding), 0);
    return;
  }
  uint16_t port;
  if (storage.ss_family == AF_INET && length >= sizeof(sockaddr_in))
    port = ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
  else if (storage.ss_family == AF_INET6 && length >= sizeof(sockaddr_in6))
    port = ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
  else
    return;
  // TCP or UDP: the socket's own kind says.
  std::optional<SocketKind> kind = SocketKindOnce();
  if (!kind) return;
  bool sending = pending_.handler == Handler::kSendTo || pending_.handler == Handler::kSendMsg ||
                 pending_.handler == Handler::kSendMmsg;
  if (kind->type == SOCK_STREAM && kind->protocol == IPPROTO_TCP) {
    // TCP ignores a send's destination (or fails with ENOTCONN) unless MSG_FASTOPEN connects to
    // it. Landlock does not check that implicit connect yet (docs/learn.md), but it is one: the
    // grant says what the program connects to.
    if (!sending || (send_flags & MSG_FASTOPEN))
      add(binding ? AccessKind::kBindTcp : AccessKind::kConnectTcp, {}, port);
  } else if (kind->type == SOCK_DGRAM && kind->protocol == IPPROTO_UDP) {
    add(binding ? AccessKind::kBindUdp : AccessKind::kConnectUdp, {}, port);
  }
}

void EntryDecoder::Signal(int64_t target, bool group) {
  // Landlock's signal scope denies signals to processes outside the domain: everything the traced
  // command started is inside it, every other process outside.
  bool inside;
  if (target == 0 && group)
    inside = true;  // the caller's own process group
  else if (target == -1 && group)
    inside = false;  // every process the caller may signal
  else
    inside = tracee_.IsTraced(target < 0 ? -target : target);
  if (!inside)
    pending_.accesses.push_back(
        {AccessKind::kSignal, std::to_string(target), 0, 0, std::string(pending_.syscall)});
}

// sendmmsg's `count` messages at `address` (sendmsg's one): each destination as sendto's.
void EntryDecoder::SendMessages(uint64_t address, uint64_t count, uint64_t send_flags) {
  // The kernel sends at most UIO_MAXIOV messages per call.
  std::vector<mmsghdr> messages(std::min<uint64_t>(count, UIO_MAXIOV));
  if (messages.empty() ||
      !tracee_.ReadMemory(address, messages.data(), messages.size() * sizeof(mmsghdr)))
    return;
  for (const mmsghdr& message : messages)
    Socket(reinterpret_cast<uint64_t>(message.msg_hdr.msg_name), message.msg_hdr.msg_namelen,
           send_flags);
}

void EntryDecoder::Decode() {
  const uint64_t* a = a_;
  switch (pending_.handler) {
    case Handler::kOpen:
      Open(AT_FDCWD, a[0], a[1]);
      break;
    case Handler::kCreat:
      Open(AT_FDCWD, a[0], O_CREAT | O_WRONLY | O_TRUNC);
      break;
    case Handler::kOpenAt:
      Open(Dirfd(a[0]), a[1], a[2]);
      break;
    case Handler::kOpenAt2: {
      open_how how{};
      if (a[3] >= sizeof how.flags && tracee_.ReadMemory(a[2], &how.flags, sizeof how.flags))
        Open(Dirfd(a[0]), a[1], how.flags);
      break;
    }
    case Handler::kExecve:
      Add(AccessKind::kExecute, PathArg(AT_FDCWD, a[0], true));
      break;
    case Handler::kExecveAt: {
      std::optional<std::string> text = ReadString(tracee_, a[1]);
      if (text && text->empty() && (a[4] & AT_EMPTY_PATH))
        Add(AccessKind::kExecute, FdPath(tracee_, Dirfd(a[0])));
      else
        Add(AccessKind::kExecute, PathArg(Dirfd(a[0]), a[1], !(a[4] & AT_SYMLINK_NOFOLLOW)));
      break;
    }
    case Handler::kMkdir:
      MakeEntry(AT_FDCWD, a[0], S_IFDIR);
      break;
    case Handler::kMkdirAt:
      MakeEntry(Dirfd(a[0]), a[1], S_IFDIR);
      break;
    case Handler::kMknod:
      MakeEntry(AT_FDCWD, a[0], static_cast<mode_t>(a[1]) & S_IFMT);
      break;
    case Handler::kMknodAt:
      MakeEntry(Dirfd(a[0]), a[1], static_cast<mode_t>(a[2]) & S_IFMT);
      break;
    case Handler::kUnlink:
      RemoveEntry(AT_FDCWD, a[0], false);
      break;
    case Handler::kRmdir:
      RemoveEntry(AT_FDCWD, a[0], true);
      break;
    case Handler::kUnlinkAt:
      RemoveEntry(Dirfd(a[0]), a[1], (a[2] & AT_REMOVEDIR) != 0);
      break;
    case Handler::kSymlink:
      MakeEntry(AT_FDCWD, a[1], S_IFLNK);
      break;
    case Handler::kSymlinkAt:
      MakeEntry(Dirfd(a[1]), a[2], S_IFLNK);
      break;
    case Handler::kLink:
      MoveEntry(AT_FDCWD, a[0], AT_FDCWD, a[1], false, false);
      break;
    case Handler::kLinkAt:
      MoveEntry(Dirfd(a[0]), a[1], Dirfd(a[2]), a[3], false, false);
      break;
    case Handler::kRename:
      MoveEntry(AT_FDCWD, a[0], AT_FDCWD, a[1], true, false);
      break;
    case Handler::kRenameAt:
      MoveEntry(Dirfd(a[0]), a[1], Dirfd(a[2]), a[3], true, false);
      break;
    case Handler::kRenameAt2:
      MoveEntry(Dirfd(a[0]), a[1], Dirfd(a[2]), a[3], true, (a[4] & RENAME_EXCHANGE) != 0);
      break;
    case Handler::kTruncate:
      Add(AccessKind::kTruncate, PathArg(AT_FDCWD, a[0], true));
      break;
    case Handler::kFtruncate:
      Add(AccessKind::kTruncate, FdPath(tracee_, Dirfd(a[0])));
      break;
    case Handler::kIoctl: {
      if (AlwaysAllowedIoctl(a[1])) break;
      std::optional<mode_t> type = tracee_.DescriptorType(Dirfd(a[0]));
      if (type == S_IFCHR || type == S_IFBLK)
        Add(AccessKind::kIoctlDev, FdPath(tracee_, Dirfd(a[0])));
      break;
    }
    case Handler::kStat:
    case Handler::kAccess:
      Lookup(AT_FDCWD, a[0], true);
      break;
    case Handler::kLstat:
      Lookup(AT_FDCWD, a[0], false);
      break;
    case Handler::kFstatAt:
    case Handler::kStatx: {
      uint64_t flags = pending_.handler == Handler::kStatx ? a[2] : a[3];
      std::optional<std::string> text = ReadString(tracee_, a[1]);
      if (text && !text->empty()) Lookup(Dirfd(a[0]), a[1], !(flags & AT_SYMLINK_NOFOLLOW));
      break;
    }
    case Handler::kFaccessAt:
      Lookup(Dirfd(a[0]), a[1], true);
      break;
    case Handler::kBind:
    case Handler::kConnect:
      Socket(a[1], a[2]);
      break;
    case Handler::kSendTo:
      Socket(a[4], a[5], a[3]);
      break;
    case Handler::kSendMsg: {
      msghdr message{};
      if (tracee_.ReadMemory(a[1], &message, sizeof message))
        Socket(reinterpret_cast<uint64_t>(message.msg_name), message.msg_namelen, a[2]);
      break;
    }
    case Handler::kSendMmsg:
      SendMessages(a[1], a[2], a[3]);
      break;
    case Handler::kKill:
      Signal(static_cast<pid_t>(a[0]), true);
      break;
    case Handler::kTkill:
      Signal(static_cast<pid_t>(a[0]), false);
      break;
    case Handler::kTgkill:
      Signal(static_cast<pid_t>(a[1]), false);
      break;
    case Handler::kPidfdSendSignal:
      if (int64_t target = tracee_.PidfdTarget(Dirfd(a[0])); target > 0) Signal(target, false);
      break;
    case Handler::kUnshare:
      pending_.unshare_flags = a[0];
      break;
    case Handler::kChdir:
    case Handler::kRemount:
    case Handler::kIoUringSetup:
      break;  // nothing to record: the tracer acts on them (StopsAtExit)
  }
}

// An open at its exit: what it opened, by the kernel's own name when it succeeded.
void FinishOpen(Tracee& tracee, int64_t fd, PendingCall& pending) {
  if (pending.accesses.empty()) return;
  uint64_t flags = pending.open_flags;
  Access base = pending.accesses.front();
  pending.accesses.clear();
  bool directory = (flags & O_DIRECTORY) != 0;
  bool follow = !(flags & O_NOFOLLOW) && !((flags & O_CREAT) && (flags & O_EXCL));
  std::optional<HostFile> known;
  // What a successful open that created nothing opened, as the host names it when that is sure:
  // it spares reading the descriptor (a readlink and a stat of /proc) for the most frequent call.
  if (fd >= 0 && !(flags & O_CREAT)) known = tracee.OpenedOnHost(base.path, follow);
  std::optional<std::string> opened;
  if (known) {
    opened = known->path;
    directory = known->directory;
  } else if (fd >= 0) {
    // The kernel's own name for what it opened: every symlink and bind mount already resolved.
    opened = FdPath(tracee, fd);
    if (std::optional<mode_t> type = tracee.DescriptorType(fd)) directory = *type == S_IFDIR;
  }
  base.path = opened ? *opened : tracee.Resolve(base.path, follow);
  auto add = [&](AccessKind kind) {
    Access access = base;
    access.kind = kind;
    pending.accesses.push_back(std::move(access));
  };
  if (flags & O_PATH) {
    add(AccessKind::kLookup);
    return;
  }
  if ((flags & O_CREAT) && !pending.existed) add(AccessKind::kMakeReg);
  int mode = static_cast<int>(flags & O_ACCMODE);
  if (mode == O_RDONLY || mode == O_RDWR)
    add(directory ? AccessKind::kReadDir : AccessKind::kReadFile);
  if (mode == O_WRONLY || mode == O_RDWR) add(AccessKind::kWriteFile);
  // A file this open created is truncated by the same open on a second run.
  if ((flags & O_TRUNC) && mode != O_RDONLY && !directory) add(AccessKind::kTruncate);
}

// An execve that succeeded: the interpreters the kernel ran after the program (`#!` lines, then
// the ELF interpreter), as the exec pre-flight follows them.
void AddInterpreters(Tracee& tracee, PendingCall& pending) {
  if (pending.accesses.empty()) return;
  std::string current = pending.accesses.front().path;
  for (int depth = 0; depth < lint::kMaxInterpreterDepth; ++depth) {
    std::string interpreter = tracee.InterpreterOf(current);
    if (interpreter.empty()) return;
    std::string absolute = AbsoluteIn(tracee, AT_FDCWD, interpreter);
    if (absolute.empty()) return;
    current = tracee.Resolve(absolute, true);
    pending.accesses.push_back({AccessKind::kExecute, current, 0, 0, std::string(pending.syscall)});
  }
}

}  // namespace

std::optional<std::string> ReadString(Tracee& tracee, uint64_t address) {
  // Page by page: a string may end just before an unmapped page.
  if (address == 0) return std::nullopt;
  std::string text;
  const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  while (text.size() < kMaxPathBytes) {
    char chunk[kMaxPathBytes];
    size_t length = std::min<uint64_t>(page - address % page, sizeof chunk - text.size());
    if (!tracee.ReadMemory(address, chunk, length)) return std::nullopt;
    if (const void* end = std::memchr(chunk, '\0', length)) {
      text.append(chunk, static_cast<size_t>(static_cast<const char*>(end) - chunk));
      return text;
    }
    text.append(chunk, length);
    address += length;
  }
  return std::nullopt;
}

std::optional<PendingCall> DecodeEntry(Tracee& tracee, const SyscallEntry& entry) {
  std::optional<TracedSyscall> call = FindSyscall(entry.arch, entry.nr);
  if (!call) return std::nullopt;
  PendingCall pending;
  pending.handler = call->handler;
  pending.syscall = call->name;
  EntryDecoder(tracee, entry, pending).Decode();
  if (pending.accesses.empty() && !StopsAtExit(pending.handler)) return std::nullopt;
  return pending;
}

bool StopsAtExit(Handler handler) {
  switch (handler) {
    case Handler::kChdir:
    case Handler::kUnshare:
    case Handler::kRemount:
    case Handler::kIoUringSetup:
      return true;
    default:
      return false;
  }
}

std::vector<Access> DecodeExit(Tracee& tracee, PendingCall call, int64_t result, bool is_error) {
  int error = is_error && result < 0 && result >= -kMaxErrno ? static_cast<int>(-result) : 0;
  switch (call.handler) {
    case Handler::kOpen:
    case Handler::kCreat:
    case Handler::kOpenAt:
    case Handler::kOpenAt2:
      FinishOpen(tracee, is_error ? -1 : result, call);
      break;
    case Handler::kExecve:
    case Handler::kExecveAt:
      if (!is_error) AddInterpreters(tracee, call);
      break;
    default:
      break;
  }
  for (Access& access : call.accesses) access.error = error;
  return std::move(call.accesses);
}

}  // namespace landlockc::trace
