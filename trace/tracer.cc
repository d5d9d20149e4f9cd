// SPDX-License-Identifier: MIT
#include "trace/tracer.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/fiemap.h>
#include <linux/fs.h>
#include <linux/kcmp.h>
#include <linux/openat2.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>
#include <netinet/in.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "lint/host_paths.h"
#include "lint/paths.h"
#include "lint/preflight.h"
#include "trace/resolve.h"
#include "trace/syscalls.h"

// <sys/ptrace.h> and <linux/ptrace.h> clash; the few glibc declarations needed are here.
extern "C" long ptrace(int request, ...);  // NOLINT

namespace landlockc::trace {
namespace {

// The most traced directory descriptors the tracer holds a duplicate of at once.
constexpr size_t kMaxDirFdCopies = 256;

// pidfd_open's flag for a thread's pidfd (Linux 6.9; the headers of the build may predate it).
#ifndef PIDFD_THREAD
#define PIDFD_THREAD O_EXCL
#endif

constexpr long kOptions = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                          PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL |
                          PTRACE_O_TRACESYSGOOD;

llvm::Error SystemError(const std::string& what) {
  return llvm::createStringError(std::error_code(errno, std::generic_category()), "%s: %s",
                                 what.c_str(), std::strerror(errno));
}

bool ReadMemory(pid_t pid, uint64_t address, void* buffer, size_t length) {
  iovec local{buffer, length};
  iovec remote{reinterpret_cast<void*>(address), length};
  return process_vm_readv(pid, &local, 1, &remote, 1, 0) == static_cast<ssize_t>(length);
}

// A NUL-terminated string of the traced process, read page by page (a string may end just before
// an unmapped page); nullopt when unreadable or longer than kMaxPathBytes.
std::optional<std::string> ReadString(pid_t pid, uint64_t address) {
  if (address == 0) return std::nullopt;
  std::string text;
  const uint64_t page = static_cast<uint64_t>(sysconf(_SC_PAGESIZE));
  while (text.size() < kMaxPathBytes) {
    char chunk[kMaxPathBytes];
    size_t length = std::min<uint64_t>(page - address % page, sizeof chunk - text.size());
    if (!ReadMemory(pid, address, chunk, length)) return std::nullopt;
    if (const void* end = std::memchr(chunk, '\0', length)) {
      text.append(chunk, static_cast<const char*>(end) - chunk);
      return text;
    }
    text.append(chunk, length);
    address += length;
  }
  return std::nullopt;
}

// What lstat(2) says the resolved path is; nullopt when it does not exist.
std::optional<mode_t> TypeOf(const std::string& path) {
  struct stat status;
  if (lstat(path.c_str(), &status) != 0) return std::nullopt;
  return status.st_mode & S_IFMT;
}

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

// A working directory as the tracer last read it from /proc/PID/cwd, shared by the tasks that share
// one (threads, children made with CLONE_FS): a readlink of /proc costs about as much as the rest
// of a stop's own system calls, and most relative paths are relative to it.
struct WorkingDir {
  // Empty: not known, read at the next use.
  std::string path;
  // Calls in flight that may change it (chdir ...): it is read at each use until they return.
  int changing = 0;
};

// A system call stopped at entry, decoded, waiting for its exit.
struct Pending {
  Handler handler = Handler::kOpen;
  std::string_view syscall;
  std::vector<Access> accesses;
  // Opens: the flags, and whether the object existed before the call.
  uint64_t open_flags = 0;
  bool existed = false;
  // unshare: its flags.
  uint64_t unshare_flags = 0;
  // A call that may change working directories (chdir, unshare, mount ...): while it is in flight
  // `changed_cwd` (null: every working directory) is not taken from the cache.
  bool changes_cwd = false;
  std::shared_ptr<WorkingDir> changed_cwd;
};

// A directory descriptor of a traced task, as the tracer last named it from /proc/PID/fd/N. From
// its second use with the same name the tracer holds a duplicate of it (pidfd_getfd), and later
// uses only ask kcmp(KCMP_FILE) whether the task's descriptor is still that open file: a third of
// the cost of the readlink, for programs that walk a tree through directory descriptors (tar,
// find, rm -r). An open directory keeps its name unless it or a directory above it is moved or
// removed, which a traced call does (the entry is then dropped) or a mount changes (all are).
class DirFd {
 public:
  DirFd() = default;
  DirFd(const DirFd&) = delete;
  DirFd& operator=(const DirFd&) = delete;
  ~DirFd() {
    if (copy >= 0) close(copy);
  }

  std::string path;
  int uses = 0;
  // The tracer's duplicate of the task's descriptor, or -1.
  int copy = -1;
};

struct Task {
  bool started = false;
  std::optional<Pending> pending;
  // Null while it is not known which tasks it shares its working directory with: read each time.
  std::shared_ptr<WorkingDir> cwd;
  // By descriptor number.
  std::unordered_map<int, DirFd> dirfds;
};

// Calls stopped at exit even when they record nothing.
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

// The make and remove kinds: a call that recorded one changed the directory entry it names.
bool ChangesEntry(AccessKind kind) {
  return kind >= AccessKind::kMakeReg && kind <= AccessKind::kRemoveDir;
}

// The type and protocol of socket `fd` of process `pid` (a thread's or a process's), asked of the
// socket itself through a duplicate of the descriptor; {0, 0} when it cannot be had.
std::pair<int, int> SocketTypeOf(pid_t pid, int fd) {
  pid_t tgid = pid;
  std::ifstream status(ProcPath(pid, "status"));
  for (std::string line; std::getline(status, line);)
    if (line.rfind("Tgid:", 0) == 0) tgid = std::stoi(line.substr(5));
  int pidfd = static_cast<int>(syscall(SYS_pidfd_open, tgid, 0));
  if (pidfd < 0) return {0, 0};
  int socket = static_cast<int>(syscall(SYS_pidfd_getfd, pidfd, fd, 0));
  close(pidfd);
  if (socket < 0) return {0, 0};
  int type = 0, protocol = 0;
  socklen_t size = sizeof type;
  getsockopt(socket, SOL_SOCKET, SO_TYPE, &type, &size);
  size = sizeof protocol;
  getsockopt(socket, SOL_SOCKET, SO_PROTOCOL, &protocol, &size);
  close(socket);
  return {type, protocol};
}

// The process a pidfd of process `pid` refers to (its `Pid:` in /proc/PID/fdinfo, or the
// /proc/N directory a descriptor opened, which pidfd_send_signal also takes); 0 when unknown.
pid_t PidfdTarget(pid_t pid, int fd) {
  std::ifstream info(ProcPath(pid, "fdinfo/" + std::to_string(fd)));
  for (std::string line; std::getline(info, line);)
    if (line.rfind("Pid:", 0) == 0) return static_cast<pid_t>(std::atoi(line.c_str() + 4));
  std::string link = ProcLink(pid, "fd/" + std::to_string(fd));
  if (link.rfind("/proc/", 0) == 0 && link.find_first_not_of("0123456789", 6) == std::string::npos)
    return static_cast<pid_t>(std::atoi(link.c_str() + 6));
  return 0;
}

class Tracer {
 public:
  Tracer(pid_t root, const TraceOptions& options) : root_(root), options_(options) {
    tasks_[root].started = true;
    tasks_[root].cwd = std::make_shared<WorkingDir>();
  }

  llvm::Error Run(TraceResult& result);

 private:
  void HandleStop(pid_t pid, int status);
  void OnSeccompStop(pid_t pid);
  void OnSyscallExit(pid_t pid);
  std::optional<Pending> Decode(pid_t pid, const ptrace_syscall_info& info,
                                const TracedSyscall& call);
  void DecodeOpen(pid_t pid, int dirfd, uint64_t path_address, uint64_t flags, Pending& pending);
  // `socket` caches the socket's type and protocol across the addresses of one call.
  void DecodeSocket(pid_t pid, int fd, uint64_t address, uint64_t length,
                    std::optional<std::pair<int, int>>& socket, Pending& pending);
  void DecodeSignal(pid_t target, bool group, Pending& pending);
  void FinishOpen(pid_t pid, int64_t fd, Pending& pending);
  void AddInterpreters(pid_t pid, const std::string& program, Pending& pending);
  void Record(Access access);
  void Fail(std::string message);
  void OnNewTask(pid_t parent, Task& parent_task, pid_t child);
  // Forgets task `pid` (it exited, or became the thread-group leader by exec).
  void OnTaskGone(pid_t pid);

  // Working directories: what the cache says, and the calls that may change them.
  std::string WorkingDirectory(pid_t pid);
  void BeginCwdChange(pid_t pid, Pending& pending);
  void EndCwdChange(Pending& pending);
  void ForgetWorkingDirectories();

  // The name of directory descriptor `fd` of `pid` (DirFd); empty when it names no directory.
  std::string DirFdPath(pid_t pid, int fd);
  // Drops every directory descriptor named `path` or below it (all when empty).
  void ForgetDirFds(const std::string& path);
  // `path` relative to `dirfd` of `pid`, made absolute; empty when the base cannot be read.
  std::string AbsolutePath(pid_t pid, int dirfd, std::string_view path);
  // `path` resolved on the host through the run's lookup cache. `through_proc` tells whether the
  // resolution went through /proc, which answers for the tracer (/proc/self is the tracer): those
  // answers are not kept.
  lint::HostPath Resolve(const std::string& path, lint::LastLink last, bool& through_proc);
  // A path argument, absolute and resolved; nullopt when unreadable.
  std::optional<std::string> PathArg(pid_t pid, int dirfd, uint64_t address, bool follow_last);
  std::string FdPath(pid_t pid, int64_t fd) { return ProcLink(pid, "fd/" + std::to_string(fd)); }

  pid_t root_;
  const TraceOptions& options_;
  std::unordered_map<pid_t, Task> tasks_;
  std::vector<Access> accesses_;
  std::unordered_set<std::string> seen_;
  std::string failure_;
  TraceResult* result_ = nullptr;
  // What the host resolutions learnt, for the whole run: a traced call that makes, removes or
  // moves an entry forgets what lies at and under it, a mount forgets everything.
  lint::LookupCache lookups_;
  // Calls in flight that may change any working directory (by a task not yet known to share its
  // working directory or not, or a mount).
  int changing_everywhere_ = 0;
  // A traced process changed its root directory: its absolute paths are not the host's, and only
  // the kernel's own names for what it opened can be trusted.
  bool chrooted_ = false;
  // Duplicates of traced directory descriptors held (DirFd), at most kMaxDirFdCopies.
  size_t dirfd_copies_ = 0;
};

void Tracer::Fail(std::string message) {
  if (!failure_.empty()) return;
  failure_ = std::move(message);
  for (const auto& [pid, task] : tasks_) kill(pid, SIGKILL);
}

void Tracer::Record(Access access) {
  std::string key = std::to_string(static_cast<int>(access.kind)) + '\0' + access.path + '\0' +
                    std::to_string(access.port) + '\0' + std::to_string(access.error);
  if (!seen_.insert(std::move(key)).second) return;
  if (accesses_.size() >= options_.max_accesses) {
    Fail("more than " + std::to_string(options_.max_accesses) + " distinct accesses were recorded");
    return;
  }
  accesses_.push_back(std::move(access));
}

std::string Tracer::WorkingDirectory(pid_t pid) {
  const std::shared_ptr<WorkingDir>& cwd = tasks_[pid].cwd;
  bool cacheable = cwd && cwd->changing == 0 && changing_everywhere_ == 0;
  if (cacheable && !cwd->path.empty()) return cwd->path;
  std::string path = ProcLink(pid, "cwd");
  if (cacheable && !path.empty() && path.front() == '/') cwd->path = path;
  return path;
}

void Tracer::ForgetWorkingDirectories() {
  for (auto& [pid, task] : tasks_)
    if (task.cwd) task.cwd->path.clear();
}

void Tracer::BeginCwdChange(pid_t pid, Pending& pending) {
  const std::shared_ptr<WorkingDir>& cwd = tasks_[pid].cwd;
  pending.changes_cwd = true;
  if (cwd && pending.handler != Handler::kRemount) {
    pending.changed_cwd = cwd;
    ++cwd->changing;
    cwd->path.clear();
  } else {
    ++changing_everywhere_;
    ForgetWorkingDirectories();
  }
}

void Tracer::EndCwdChange(Pending& pending) {
  if (!pending.changes_cwd) return;
  pending.changes_cwd = false;
  if (pending.changed_cwd) {
    --pending.changed_cwd->changing;
    pending.changed_cwd->path.clear();
    pending.changed_cwd.reset();
  } else {
    --changing_everywhere_;
    ForgetWorkingDirectories();
  }
}

std::string Tracer::AbsolutePath(pid_t pid, int dirfd, std::string_view path) {
  if (!path.empty() && path.front() == '/') return std::string(path);
  return AbsoluteIn(dirfd == AT_FDCWD ? WorkingDirectory(pid) : DirFdPath(pid, dirfd), path);
}

std::string Tracer::DirFdPath(pid_t pid, int fd) {
  std::unordered_map<int, DirFd>& dirfds = tasks_[pid].dirfds;
  auto it = dirfds.find(fd);
  if (it != dirfds.end() && it->second.copy >= 0) {
    if (syscall(SYS_kcmp, pid, getpid(), KCMP_FILE, fd, it->second.copy) == 0)
      return it->second.path;
    --dirfd_copies_;
    dirfds.erase(it);  // another file now
    it = dirfds.end();
  }
  std::string path = FdPath(pid, fd);
  if (path.empty() || path.front() != '/') return path;
  if (it == dirfds.end()) it = dirfds.try_emplace(fd).first;
  DirFd& entry = it->second;
  if (entry.path != path) {
    entry.path = path;
    entry.uses = 0;
  }
  // None while a mount call is in flight (changing_everywhere_): it may need the file system idle.
  if (++entry.uses >= 2 && dirfd_copies_ < kMaxDirFdCopies && changing_everywhere_ == 0) {
    int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid, PIDFD_THREAD));
    if (pidfd >= 0) {
      entry.copy = static_cast<int>(syscall(SYS_pidfd_getfd, pidfd, fd, 0));
      close(pidfd);
      if (entry.copy >= 0) ++dirfd_copies_;
    }
  }
  return path;
}

void Tracer::ForgetDirFds(const std::string& path) {
  for (auto& [pid, task] : tasks_) {
    for (auto it = task.dirfds.begin(); it != task.dirfds.end();) {
      const std::string& named = it->second.path;
      bool below = path.empty() || (named.rfind(path, 0) == 0 &&
                                    (named.size() == path.size() || named[path.size()] == '/'));
      if (!below) {
        ++it;
        continue;
      }
      if (it->second.copy >= 0) --dirfd_copies_;
      it = task.dirfds.erase(it);
    }
  }
}

lint::HostPath Tracer::Resolve(const std::string& path, lint::LastLink last, bool& through_proc) {
  lint::HostPath host = lint::ResolveOnHost(path, lookups_, last);
  auto proc = lookups_.entries.lower_bound("/proc/");
  through_proc = proc != lookups_.entries.end() && proc->first.rfind("/proc/", 0) == 0;
  if (through_proc) lookups_.Forget("/proc");
  return host;
}

std::optional<std::string> Tracer::PathArg(pid_t pid, int dirfd, uint64_t address,
                                           bool follow_last) {
  std::optional<std::string> text = ReadString(pid, address);
  if (!text) return std::nullopt;
  std::string absolute = AbsolutePath(pid, dirfd, *text);
  if (absolute.empty()) return std::nullopt;
  bool through_proc;
  return Resolve(absolute, follow_last ? lint::LastLink::kFollow : lint::LastLink::kKeep,
                 through_proc)
      .path;
}

void Tracer::DecodeOpen(pid_t pid, int dirfd, uint64_t path_address, uint64_t flags,
                        Pending& pending) {
  // Resolved at exit, when the call has made what it creates.
  std::optional<std::string> text = ReadString(pid, path_address);
  if (!text) return;
  std::string absolute = AbsolutePath(pid, dirfd, *text);
  if (absolute.empty()) return;
  pending.open_flags = flags;
  if (flags & O_CREAT) {
    struct stat status;
    bool follow = !(flags & O_NOFOLLOW) && !(flags & O_EXCL);
    pending.existed =
        (follow ? stat(absolute.c_str(), &status) : lstat(absolute.c_str(), &status)) == 0;
  }
  pending.accesses.push_back({AccessKind::kLookup, absolute, 0, 0, std::string(pending.syscall)});
}

void Tracer::FinishOpen(pid_t pid, int64_t fd, Pending& pending) {
  if (pending.accesses.empty()) return;
  uint64_t flags = pending.open_flags;
  Access base = pending.accesses.front();
  pending.accesses.clear();
  bool directory = (flags & O_DIRECTORY) != 0;
  bool follow = !(flags & O_NOFOLLOW) && !((flags & O_CREAT) && (flags & O_EXCL));
  bool through_proc = false;
  lint::HostPath host =
      Resolve(base.path, follow ? lint::LastLink::kFollow : lint::LastLink::kKeep, through_proc);
  base.path = host.path;
  if (fd >= 0 && host.exists && !through_proc && !chrooted_ && !(flags & O_CREAT)) {
    directory = host.kind == lint::ObjectKind::kDirectory;
  } else if (fd >= 0) {
    // The kernel's own name for what it opened (every symlink and mount resolved): for what the
    // call created, for what /proc (which answers for the tracer) led to, and for what the host
    // resolution cannot see (a root changed, the file gone since).
    std::string opened = FdPath(pid, fd);
    if (!opened.empty() && opened.front() == '/') base.path = opened;
    struct stat status;
    if (stat(ProcPath(pid, "fd/" + std::to_string(fd)).c_str(), &status) == 0)
      directory = S_ISDIR(status.st_mode);
    if (flags & O_CREAT) lookups_.Forget(base.path);
  }
  auto add = [&](AccessKind kind, const std::string& path) {
    Access access = base;
    access.kind = kind;
    access.path = path;
    pending.accesses.push_back(std::move(access));
  };
  if (flags & O_PATH) {
    add(AccessKind::kLookup, base.path);
    return;
  }
  if ((flags & O_CREAT) && !pending.existed) add(AccessKind::kMakeReg, base.path);
  int mode = static_cast<int>(flags & O_ACCMODE);
  if (mode == O_RDONLY || mode == O_RDWR)
    add(directory ? AccessKind::kReadDir : AccessKind::kReadFile, base.path);
  if (mode == O_WRONLY || mode == O_RDWR) add(AccessKind::kWriteFile, base.path);
  // A file this open created is truncated by the same open on a second run.
  if ((flags & O_TRUNC) && mode != O_RDONLY && !directory) add(AccessKind::kTruncate, base.path);
}

void Tracer::AddInterpreters(pid_t pid, const std::string& program, Pending& pending) {
  std::string current = program;
  for (int depth = 0; depth < lint::kMaxInterpreterDepth; ++depth) {
    bool script = false;
    std::string interpreter = lint::InterpreterOf(current, script);
    if (interpreter.empty()) return;
    std::string absolute = AbsolutePath(pid, AT_FDCWD, interpreter);
    if (absolute.empty()) return;
    bool through_proc;
    current = Resolve(absolute, lint::LastLink::kFollow, through_proc).path;
    pending.accesses.push_back({AccessKind::kExecute, current, 0, 0, std::string(pending.syscall)});
  }
}

void Tracer::DecodeSocket(pid_t pid, int fd, uint64_t address, uint64_t length,
                          std::optional<std::pair<int, int>>& socket, Pending& pending) {
  if (address == 0 || length < sizeof(sa_family_t)) return;
  sockaddr_storage storage{};
  length = std::min<uint64_t>(length, sizeof storage);
  if (!ReadMemory(pid, address, &storage, length)) return;
  bool binding = pending.handler == Handler::kBind;
  auto add = [&](AccessKind kind, std::string path, uint16_t port) {
    pending.accesses.push_back({kind, std::move(path), port, 0, std::string(pending.syscall)});
  };
  if (storage.ss_family == AF_UNIX) {
    const auto* unix_address = reinterpret_cast<const sockaddr_un*>(&storage);
    size_t name_length = length - offsetof(sockaddr_un, sun_path);
    if (name_length == 0) return;  // unnamed (autobind)
    if (unix_address->sun_path[0] == '\0') {
      if (!binding)
        add(AccessKind::kAbstractUnixSocket,
            std::string(unix_address->sun_path + 1, name_length - 1), 0);
      return;
    }
    std::string name(unix_address->sun_path, strnlen(unix_address->sun_path, name_length));
    std::string absolute = AbsolutePath(pid, AT_FDCWD, name);
    if (absolute.empty()) return;
    bool through_proc;
    add(binding ? AccessKind::kMakeSock : AccessKind::kResolveUnix,
        Resolve(absolute, binding ? lint::LastLink::kKeep : lint::LastLink::kFollow, through_proc)
            .path,
        0);
    return;
  }
  uint16_t port;
  if (storage.ss_family == AF_INET && length >= sizeof(sockaddr_in))
    port = ntohs(reinterpret_cast<const sockaddr_in*>(&storage)->sin_port);
  else if (storage.ss_family == AF_INET6 && length >= sizeof(sockaddr_in6))
    port = ntohs(reinterpret_cast<const sockaddr_in6*>(&storage)->sin6_port);
  else
    return;
  // TCP or UDP: ask the socket itself.
  if (!socket) socket = SocketTypeOf(pid, fd);
  auto [type, protocol] = *socket;
  if (type == SOCK_STREAM && protocol == IPPROTO_TCP)
    add(binding ? AccessKind::kBindTcp : AccessKind::kConnectTcp, {}, port);
  else if (type == SOCK_DGRAM && protocol == IPPROTO_UDP)
    add(binding ? AccessKind::kBindUdp : AccessKind::kConnectUdp, {}, port);
}

void Tracer::DecodeSignal(pid_t target, bool group, Pending& pending) {
  // Landlock's signal scope denies signals to processes outside the domain: everything the traced
  // command started is inside it, every other process outside.
  bool inside;
  if (target == 0 && group)
    inside = true;  // the caller's own process group
  else if (target == -1 && group)
    inside = false;  // every process the caller may signal
  else
    inside = tasks_.count(target < 0 ? -target : target) != 0;
  if (!inside)
    pending.accesses.push_back(
        {AccessKind::kSignal, std::to_string(target), 0, 0, std::string(pending.syscall)});
}

std::optional<Pending> Tracer::Decode(pid_t pid, const ptrace_syscall_info& info,
                                      const TracedSyscall& call) {
  const uint64_t* a = reinterpret_cast<const uint64_t*>(info.seccomp.args);
  Pending pending;
  pending.handler = call.handler;
  pending.syscall = call.name;
  std::optional<std::pair<int, int>> socket;
  auto add = [&](AccessKind kind, const std::optional<std::string>& path) {
    if (path) pending.accesses.push_back({kind, *path, 0, 0, std::string(call.name)});
  };
  auto dirfd = [](uint64_t value) { return static_cast<int>(value); };
  auto make_entry = [&](int fd, uint64_t path, mode_t type) {
    add(MakeKindFor(type), PathArg(pid, fd, path, false));
  };
  auto remove_entry = [&](int fd, uint64_t path, bool directory) {
    add(directory ? AccessKind::kRemoveDir : AccessKind::kRemoveFile,
        PathArg(pid, fd, path, false));
  };
  // link and rename: the entry made (and removed), and `refer` when it changes directory.
  auto move_entry = [&](int old_fd, uint64_t old_path, int new_fd, uint64_t new_path,
                        bool remove_old, bool exchange) {
    std::optional<std::string> from = PathArg(pid, old_fd, old_path, false);
    std::optional<std::string> to = PathArg(pid, new_fd, new_path, false);
    if (!from || !to) return;
    mode_t from_type = TypeOf(*from).value_or(S_IFREG);
    add(MakeKindFor(from_type), to);
    if (remove_old)
      add(from_type == S_IFDIR ? AccessKind::kRemoveDir : AccessKind::kRemoveFile, from);
    if (exchange) {
      mode_t to_type = TypeOf(*to).value_or(S_IFREG);
      add(MakeKindFor(to_type), from);
      add(to_type == S_IFDIR ? AccessKind::kRemoveDir : AccessKind::kRemoveFile, to);
    }
    if (lint::ParentPath(*from) != lint::ParentPath(*to)) {
      add(AccessKind::kRefer, lint::ParentPath(*from).str());
      add(AccessKind::kRefer, lint::ParentPath(*to).str());
    }
  };
  auto lookup = [&](int fd, uint64_t path, bool follow) {
    add(AccessKind::kLookup, PathArg(pid, fd, path, follow));
  };
  switch (call.handler) {
    case Handler::kOpen:
      DecodeOpen(pid, AT_FDCWD, a[0], a[1], pending);
      break;
    case Handler::kCreat:
      DecodeOpen(pid, AT_FDCWD, a[0], O_CREAT | O_WRONLY | O_TRUNC, pending);
      break;
    case Handler::kOpenAt:
      DecodeOpen(pid, dirfd(a[0]), a[1], a[2], pending);
      break;
    case Handler::kOpenAt2: {
      open_how how{};
      if (a[3] >= sizeof how.flags && ReadMemory(pid, a[2], &how.flags, sizeof how.flags))
        DecodeOpen(pid, dirfd(a[0]), a[1], how.flags, pending);
      break;
    }
    case Handler::kExecve:
      add(AccessKind::kExecute, PathArg(pid, AT_FDCWD, a[0], true));
      break;
    case Handler::kExecveAt: {
      std::optional<std::string> text = ReadString(pid, a[1]);
      if (text && text->empty() && (a[4] & AT_EMPTY_PATH))
        add(AccessKind::kExecute, FdPath(pid, static_cast<int64_t>(dirfd(a[0]))));
      else
        add(AccessKind::kExecute, PathArg(pid, dirfd(a[0]), a[1], !(a[4] & AT_SYMLINK_NOFOLLOW)));
      break;
    }
    case Handler::kMkdir:
      make_entry(AT_FDCWD, a[0], S_IFDIR);
      break;
    case Handler::kMkdirAt:
      make_entry(dirfd(a[0]), a[1], S_IFDIR);
      break;
    case Handler::kMknod:
      make_entry(AT_FDCWD, a[0], static_cast<mode_t>(a[1]) & S_IFMT);
      break;
    case Handler::kMknodAt:
      make_entry(dirfd(a[0]), a[1], static_cast<mode_t>(a[2]) & S_IFMT);
      break;
    case Handler::kUnlink:
      remove_entry(AT_FDCWD, a[0], false);
      break;
    case Handler::kRmdir:
      remove_entry(AT_FDCWD, a[0], true);
      break;
    case Handler::kUnlinkAt:
      remove_entry(dirfd(a[0]), a[1], (a[2] & AT_REMOVEDIR) != 0);
      break;
    case Handler::kSymlink:
      make_entry(AT_FDCWD, a[1], S_IFLNK);
      break;
    case Handler::kSymlinkAt:
      make_entry(dirfd(a[1]), a[2], S_IFLNK);
      break;
    case Handler::kLink:
      move_entry(AT_FDCWD, a[0], AT_FDCWD, a[1], false, false);
      break;
    case Handler::kLinkAt:
      move_entry(dirfd(a[0]), a[1], dirfd(a[2]), a[3], false, false);
      break;
    case Handler::kRename:
      move_entry(AT_FDCWD, a[0], AT_FDCWD, a[1], true, false);
      break;
    case Handler::kRenameAt:
      move_entry(dirfd(a[0]), a[1], dirfd(a[2]), a[3], true, false);
      break;
    case Handler::kRenameAt2:
      move_entry(dirfd(a[0]), a[1], dirfd(a[2]), a[3], true, (a[4] & RENAME_EXCHANGE) != 0);
      break;
    case Handler::kTruncate:
      add(AccessKind::kTruncate, PathArg(pid, AT_FDCWD, a[0], true));
      break;
    case Handler::kFtruncate: {
      std::string path = FdPath(pid, static_cast<int64_t>(dirfd(a[0])));
      if (!path.empty() && path.front() == '/') add(AccessKind::kTruncate, path);
      break;
    }
    case Handler::kIoctl: {
      if (AlwaysAllowedIoctl(a[1])) break;
      struct stat status;
      std::string fd_link = ProcPath(pid, "fd/" + std::to_string(dirfd(a[0])));
      if (stat(fd_link.c_str(), &status) != 0 ||
          !(S_ISCHR(status.st_mode) || S_ISBLK(status.st_mode)))
        break;
      std::string path = FdPath(pid, static_cast<int64_t>(dirfd(a[0])));
      if (!path.empty() && path.front() == '/') add(AccessKind::kIoctlDev, path);
      break;
    }
    case Handler::kStat:
    case Handler::kAccess:
      lookup(AT_FDCWD, a[0], true);
      break;
    case Handler::kLstat:
      lookup(AT_FDCWD, a[0], false);
      break;
    case Handler::kFstatAt:
    case Handler::kStatx: {
      uint64_t flags = call.handler == Handler::kStatx ? a[2] : a[3];
      std::optional<std::string> text = ReadString(pid, a[1]);
      if (text && !text->empty()) lookup(dirfd(a[0]), a[1], !(flags & AT_SYMLINK_NOFOLLOW));
      break;
    }
    case Handler::kFaccessAt:
      lookup(dirfd(a[0]), a[1], true);
      break;
    case Handler::kBind:
    case Handler::kConnect:
      DecodeSocket(pid, dirfd(a[0]), a[1], a[2], socket, pending);
      break;
    case Handler::kSendTo:
      DecodeSocket(pid, dirfd(a[0]), a[4], a[5], socket, pending);
      break;
    case Handler::kSendMsg: {
      msghdr message{};
      if (ReadMemory(pid, a[1], &message, sizeof message))
        DecodeSocket(pid, dirfd(a[0]), reinterpret_cast<uint64_t>(message.msg_name),
                     message.msg_namelen, socket, pending);
      break;
    }
    case Handler::kSendMmsg: {
      // The kernel sends at most UIO_MAXIOV messages per call.
      std::vector<mmsghdr> messages(std::min<uint64_t>(a[2], UIO_MAXIOV));
      if (!messages.empty() &&
          ReadMemory(pid, a[1], messages.data(), messages.size() * sizeof(mmsghdr)))
        for (const mmsghdr& message : messages)
          DecodeSocket(pid, dirfd(a[0]), reinterpret_cast<uint64_t>(message.msg_hdr.msg_name),
                       message.msg_hdr.msg_namelen, socket, pending);
      break;
    }
    case Handler::kKill:
      DecodeSignal(static_cast<pid_t>(a[0]), true, pending);
      break;
    case Handler::kTkill:
      DecodeSignal(static_cast<pid_t>(a[0]), false, pending);
      break;
    case Handler::kTgkill:
      DecodeSignal(static_cast<pid_t>(a[1]), false, pending);
      break;
    case Handler::kPidfdSendSignal:
      if (pid_t target = PidfdTarget(pid, dirfd(a[0])); target > 0)
        DecodeSignal(target, false, pending);
      break;
    case Handler::kUnshare:
      pending.unshare_flags = a[0];
      BeginCwdChange(pid, pending);
      break;
    case Handler::kRemount:
      // Before the call runs: a directory the tracer holds would keep a file system busy.
      ForgetDirFds({});
      BeginCwdChange(pid, pending);
      break;
    case Handler::kChdir:
      BeginCwdChange(pid, pending);
      break;
    case Handler::kIoUringSetup:
      break;
  }
  if (pending.accesses.empty() && !StopsAtExit(call.handler)) return std::nullopt;
  return pending;
}

void Tracer::OnSeccompStop(pid_t pid) {
  ptrace_syscall_info info{};
  long size = ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
  if (size <= 0 || info.op != PTRACE_SYSCALL_INFO_SECCOMP) {
    ptrace(PTRACE_CONT, pid, 0, 0);
    return;
  }
  if (info.seccomp.ret_data == kForeignArchData || info.arch != NativeAuditArch()) {
    Fail(
        "a traced process made a system call of another architecture (i386 or x32), which "
        "the tracer cannot decode");
    return;
  }
  std::optional<TracedSyscall> call = FindSyscall(info.arch, info.seccomp.nr);
  std::optional<Pending> pending;
  if (call) pending = Decode(pid, info, *call);
  if (!pending) {
    ptrace(PTRACE_CONT, pid, 0, 0);
    return;
  }
  tasks_[pid].pending = std::move(pending);
  // Stop again when the call returns, to record its result.
  ptrace(PTRACE_SYSCALL, pid, 0, 0);
}

void Tracer::OnSyscallExit(pid_t pid) {
  ptrace_syscall_info info{};
  Task& task = tasks_[pid];
  long size = ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
  if (task.pending && size > 0 && info.op == PTRACE_SYSCALL_INFO_EXIT) {
    Pending& pending = *task.pending;
    int error = info.exit.is_error ? static_cast<int>(-info.exit.rval) : 0;
    switch (pending.handler) {
      case Handler::kOpen:
      case Handler::kCreat:
      case Handler::kOpenAt:
      case Handler::kOpenAt2:
        FinishOpen(pid, error ? -1 : info.exit.rval, pending);
        break;
      case Handler::kExecve:
      case Handler::kExecveAt:
        if (!error) AddInterpreters(pid, pending.accesses.front().path, pending);
        break;
      case Handler::kUnshare:
        // The task now has a working directory of its own.
        EndCwdChange(pending);
        if (!error && (pending.unshare_flags & (CLONE_FS | CLONE_NEWNS)))
          task.cwd = std::make_shared<WorkingDir>();
        break;
      case Handler::kRemount:
        lookups_.entries.clear();
        ForgetDirFds({});
        chrooted_ = chrooted_ || (!error && pending.syscall == "chroot");
        break;
      case Handler::kIoUringSetup:
        if (!error && result_->io_uring_pid == 0) result_->io_uring_pid = pid;
        break;
      default:
        break;
    }
    for (Access& access : pending.accesses) {
      if (ChangesEntry(access.kind)) {
        lookups_.Forget(access.path);
        ForgetDirFds(access.path);
      }
      access.error = error;
      Record(std::move(access));
    }
  }
  if (task.pending) EndCwdChange(*task.pending);
  task.pending.reset();
  ptrace(PTRACE_CONT, pid, 0, 0);
}

void Tracer::OnNewTask(pid_t parent, Task& parent_task, pid_t child) {
  auto [entry, added] = tasks_.try_emplace(child);
  Task& task = entry->second;
  // It may have run already (its first stop can come before this event): then what it did to
  // its working directory is unknown, and what is cached for its parent's may be stale.
  bool ran = !added && task.started;
  if (!parent_task.cwd) return;
  long shared = syscall(SYS_kcmp, parent, child, KCMP_FS, 0, 0);
  if (shared < 0) return;  // unknown: read at each use
  if (shared == 0) {
    task.cwd = parent_task.cwd;
    if (ran) task.cwd->path.clear();
    return;
  }
  // A copy of the parent's, made when the call ran.
  task.cwd = std::make_shared<WorkingDir>();
  if (!ran && parent_task.cwd->changing == 0 && changing_everywhere_ == 0)
    task.cwd->path = parent_task.cwd->path;
}

void Tracer::OnTaskGone(pid_t pid) {
  auto it = tasks_.find(pid);
  if (it == tasks_.end()) return;
  if (it->second.pending) EndCwdChange(*it->second.pending);
  it->second.pending.reset();
  for (const auto& [fd, dirfd] : it->second.dirfds)
    if (dirfd.copy >= 0) --dirfd_copies_;
  tasks_.erase(it);
}

void Tracer::HandleStop(pid_t pid, int status) {
  int signal = WSTOPSIG(status);
  int event = status >> 16;
  Task& task = tasks_[pid];
  if (!task.started) {
    // A new process or thread, reported once before it runs.
    task.started = true;
    if (tasks_.size() > options_.max_tasks)
      Fail("more than " + std::to_string(options_.max_tasks) + " traced threads at once");
    ptrace(PTRACE_CONT, pid, 0, 0);
    return;
  }
  if (signal == (SIGTRAP | 0x80)) return OnSyscallExit(pid);
  switch (event) {
    case PTRACE_EVENT_SECCOMP:
      return OnSeccompStop(pid);
    case PTRACE_EVENT_FORK:
    case PTRACE_EVENT_VFORK:
    case PTRACE_EVENT_CLONE: {
      unsigned long child = 0;
      ptrace(PTRACE_GETEVENTMSG, pid, 0, &child);
      OnNewTask(pid, task, static_cast<pid_t>(child));
      ptrace(PTRACE_CONT, pid, 0, 0);
      return;
    }
    case PTRACE_EVENT_EXEC: {
      // A thread other than the leader that execs takes the leader's id; its pending execve moves.
      unsigned long former = 0;
      ptrace(PTRACE_GETEVENTMSG, pid, 0, &former);
      if (static_cast<pid_t>(former) != pid) {
        auto it = tasks_.find(static_cast<pid_t>(former));
        if (it != tasks_.end()) {
          if (task.pending) EndCwdChange(*task.pending);
          task.pending = std::move(it->second.pending);
          task.cwd = std::move(it->second.cwd);
          it->second.pending.reset();
          OnTaskGone(it->first);
        }
      }
      if (task.cwd) task.cwd->path.clear();
      ptrace(PTRACE_SYSCALL, pid, 0, 0);
      return;
    }
    case PTRACE_EVENT_STOP:
      // Group-stop (SIGSTOP, SIGTSTP ...): stay stopped until SIGCONT, as without a tracer.
      ptrace(PTRACE_LISTEN, pid, 0, 0);
      return;
    default:
      // A signal on its way to the process: deliver it.
      ptrace(task.pending ? PTRACE_SYSCALL : PTRACE_CONT, pid, 0, event ? 0 : signal);
  }
}

llvm::Error Tracer::Run(TraceResult& result) {
  result_ = &result;
  while (!tasks_.empty()) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, __WALL);
    if (pid < 0) {
      if (errno == EINTR) continue;
      if (errno == ECHILD) break;
      return SystemError("waitpid");
    }
    if (WIFEXITED(status) || WIFSIGNALED(status)) {
      OnTaskGone(pid);
      if (pid == root_) {
        result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
        result.term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
      }
      continue;
    }
    if (WIFSTOPPED(status)) HandleStop(pid, status);
  }
  result.accesses = std::move(accesses_);
  if (!failure_.empty())
    return llvm::createStringError(std::errc::resource_unavailable_try_again, "%s",
                                   failure_.c_str());
  return llvm::Error::success();
}

// The traced child: wait until the tracer has seized it, install the filter, run the command.
[[noreturn]] void RunChild(const std::vector<std::string>& argv, const sock_fprog& filter,
                           int go_pipe, int error_pipe) {
  char go;
  if (read(go_pipe, &go, 1) != 1) _exit(125);
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  int error = 0;
  if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
      syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter) != 0) {
    error = -errno;  // a negative value: learning itself failed
  } else {
    execvp(args[0], args.data());
    error = errno;
  }
  ssize_t ignored = write(error_pipe, &error, sizeof error);
  (void)ignored;
  _exit(127);
}

}  // namespace

llvm::Expected<TraceResult> TraceCommand(const std::vector<std::string>& argv,
                                         const TraceOptions& options) {
  if (argv.empty())
    return llvm::createStringError(std::errc::invalid_argument, "no command to trace");
  llvm::Expected<std::vector<sock_filter>> program = BuildSeccompFilter(options.lookups);
  if (!program) return program.takeError();
  sock_fprog filter{static_cast<unsigned short>(program->size()), program->data()};
  int go[2], error_pipe[2];
  if (pipe2(go, O_CLOEXEC) != 0) return SystemError("pipe");
  if (pipe2(error_pipe, O_CLOEXEC) != 0) {
    close(go[0]);
    close(go[1]);
    return SystemError("pipe");
  }
  pid_t child = fork();
  if (child < 0) return SystemError("fork");
  if (child == 0) {
    close(go[1]);
    close(error_pipe[0]);
    RunChild(argv, filter, go[0], error_pipe[1]);
  }
  close(go[0]);
  close(error_pipe[1]);
  auto cleanup = [&] {
    close(go[1]);
    close(error_pipe[0]);
  };
  if (ptrace(PTRACE_SEIZE, child, 0, kOptions) != 0) {
    llvm::Error error = SystemError("cannot trace the command (ptrace)");
    kill(child, SIGKILL);
    waitpid(child, nullptr, 0);
    cleanup();
    return error;
  }
  if (write(go[1], "g", 1) != 1) {
    kill(child, SIGKILL);
    cleanup();
    return SystemError("pipe");
  }
  TraceResult result;
  Tracer tracer(child, options);
  llvm::Error error = tracer.Run(result);
  int child_error = 0;
  if (read(error_pipe[0], &child_error, sizeof child_error) == sizeof child_error) {
    if (child_error < 0) {
      errno = -child_error;
      cleanup();
      return SystemError("cannot install the seccomp filter");
    }
    result.exec_error = child_error;
  }
  cleanup();
  if (error) return error;
  return result;
}

}  // namespace landlockc::trace
