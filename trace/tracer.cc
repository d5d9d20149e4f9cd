// SPDX-License-Identifier: MIT
#include "trace/tracer.h"

#include <fcntl.h>
#include <linux/kcmp.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "lint/host_paths.h"
#include "trace/decode.h"
#include "trace/resolve.h"
#include "trace/syscalls.h"
#include "trace/tracee.h"

// <sys/ptrace.h> and <linux/ptrace.h> clash; the few glibc declarations needed are here.
extern "C" long ptrace(int request, ...);  // NOLINT

namespace landlockc::trace {
namespace {

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

// A working directory as the tracer last read it from /proc/PID/cwd, shared by the tasks that share
// one (threads, children made with CLONE_FS): a readlink of /proc costs about as much as the rest
// of a stop's own system calls, and most relative paths are relative to it.
struct WorkingDir {
  // Empty: not known, read at the next use.
  std::string path;
  // Calls in flight that may change it (chdir ...): it is read at each use until they return.
  int changing = 0;
};

// A call in flight that may change working directories (chdir, unshare, mount ...): while it is,
// `dir` (null: every working directory) is not taken from the cache.
struct CwdChange {
  bool active = false;
  std::shared_ptr<WorkingDir> dir;
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
  std::optional<PendingCall> pending;
  // The pending call's, if it may change working directories.
  CwdChange cwd_change;
  // Null while it is not known which tasks it shares its working directory with: read each time.
  std::shared_ptr<WorkingDir> cwd;
  // By descriptor number.
  std::unordered_map<int, DirFd> dirfds;
};

// The make and remove kinds: a call that recorded one changed the directory entry it names.
bool ChangesEntry(AccessKind kind) {
  return kind >= AccessKind::kMakeReg && kind <= AccessKind::kRemoveDir;
}

class Tracer {
 public:
  Tracer(pid_t root, const TraceOptions& options) : root_(root), options_(options) {
    tasks_[root].started = true;
    tasks_[root].cwd = std::make_shared<WorkingDir>();
  }

  llvm::Error Run(TraceResult& result);

 private:
  // Task `pid` as the decoder reads it: live, with the run's caches answering for its working
  // directory, its directory descriptors and the host's paths.
  class TaskTracee final : public LiveTracee {
   public:
    TaskTracee(Tracer& tracer, pid_t pid)
        : LiveTracee(pid,
                     [&tracer](int64_t other) {
                       return tracer.tasks_.count(static_cast<pid_t>(other)) != 0;
                     }),
          tracer_(tracer) {}

    std::string BaseDirectory(int dirfd) override {
      return dirfd == AT_FDCWD ? tracer_.WorkingDirectory(pid()) : tracer_.DirFdPath(pid(), dirfd);
    }
    std::string Resolve(const std::string& path, bool follow) override {
      bool through_proc;
      return tracer_.Resolve(path, follow, through_proc).path;
    }
    std::optional<HostFile> OpenedOnHost(const std::string& path, bool follow) override {
      // Not what /proc led to (it answers for the tracer), nor under a changed root.
      bool through_proc;
      lint::HostPath host = tracer_.Resolve(path, follow, through_proc);
      if (!host.exists || through_proc || tracer_.chrooted_) return std::nullopt;
      return HostFile{host.path, host.kind == lint::ObjectKind::kDirectory};
    }

   private:
    Tracer& tracer_;
  };

  void HandleStop(pid_t pid, int status);
  void OnSeccompStop(pid_t pid);
  void OnSyscallExit(pid_t pid);
  // What the tracer does at the exit of a call that StopsAtExit.
  void AfterCall(pid_t pid, Task& task, const PendingCall& call, int64_t result, bool is_error);
  void Record(Access access);
  void Fail(std::string message);
  void OnNewTask(pid_t parent, Task& parent_task, pid_t child);
  // Forgets task `pid` (it exited, or became the thread-group leader by exec).
  void OnTaskGone(pid_t pid);

  // Working directories: what the cache says, and the calls that may change them.
  std::string WorkingDirectory(pid_t pid);
  void BeginCwdChange(pid_t pid, Handler handler);
  void EndCwdChange(CwdChange& change);
  void ForgetWorkingDirectories();

  // The name of directory descriptor `fd` of `pid` (DirFd); not absolute when it names no
  // directory.
  std::string DirFdPath(pid_t pid, int fd);
  // Drops every directory descriptor named `path` or below it (all when empty).
  void ForgetDirFds(const std::string& path);
  // `path` resolved on the host through the run's lookup cache. `through_proc` tells whether the
  // resolution went through /proc, which answers for the tracer (/proc/self is the tracer): those
  // answers are not kept.
  lint::HostPath Resolve(const std::string& path, bool follow, bool& through_proc);

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

void Tracer::BeginCwdChange(pid_t pid, Handler handler) {
  Task& task = tasks_[pid];
  task.cwd_change.active = true;
  if (task.cwd && handler != Handler::kRemount) {
    task.cwd_change.dir = task.cwd;
    ++task.cwd->changing;
    task.cwd->path.clear();
  } else {
    ++changing_everywhere_;
    ForgetWorkingDirectories();
  }
}

void Tracer::EndCwdChange(CwdChange& change) {
  if (!change.active) return;
  change.active = false;
  if (change.dir) {
    --change.dir->changing;
    change.dir->path.clear();
    change.dir.reset();
  } else {
    --changing_everywhere_;
    ForgetWorkingDirectories();
  }
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
  std::string path = ProcLink(pid, "fd/" + std::to_string(fd));
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

lint::HostPath Tracer::Resolve(const std::string& path, bool follow, bool& through_proc) {
  lint::HostPath host =
      lint::ResolveOnHost(path, lookups_, follow ? lint::LastLink::kFollow : lint::LastLink::kKeep);
  auto proc = lookups_.entries.lower_bound("/proc/");
  through_proc = proc != lookups_.entries.end() && proc->first.rfind("/proc/", 0) == 0;
  if (through_proc) lookups_.Forget("/proc");
  return host;
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
  SyscallEntry entry{info.arch, info.seccomp.nr, {}};
  std::copy(std::begin(info.seccomp.args), std::end(info.seccomp.args), entry.args);
  TaskTracee tracee(*this, pid);
  std::optional<PendingCall> pending = DecodeEntry(tracee, entry);
  if (!pending) {
    ptrace(PTRACE_CONT, pid, 0, 0);
    return;
  }
  switch (pending->handler) {
    case Handler::kRemount:
      // Before the call runs: a directory the tracer holds would keep a file system busy.
      ForgetDirFds({});
      BeginCwdChange(pid, pending->handler);
      break;
    case Handler::kChdir:
    case Handler::kUnshare:
      BeginCwdChange(pid, pending->handler);
      break;
    default:
      break;
  }
  tasks_[pid].pending = std::move(pending);
  // Stop again when the call returns, to record its result.
  ptrace(PTRACE_SYSCALL, pid, 0, 0);
}

void Tracer::AfterCall(pid_t pid, Task& task, const PendingCall& call, int64_t result,
                       bool is_error) {
  switch (call.handler) {
    case Handler::kUnshare:
      // The task now has a working directory of its own.
      EndCwdChange(task.cwd_change);
      if (!is_error && (call.unshare_flags & (CLONE_FS | CLONE_NEWNS)))
        task.cwd = std::make_shared<WorkingDir>();
      break;
    case Handler::kRemount:
      lookups_.entries.clear();
      ForgetDirFds({});
      chrooted_ = chrooted_ || (!is_error && call.syscall == "chroot");
      break;
    case Handler::kIoUringSetup:
      if (!is_error && result >= 0 && result_->io_uring_pid == 0) result_->io_uring_pid = pid;
      break;
    default:
      break;
  }
}

void Tracer::OnSyscallExit(pid_t pid) {
  ptrace_syscall_info info{};
  Task& task = tasks_[pid];
  long size = ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
  if (task.pending && size > 0 && info.op == PTRACE_SYSCALL_INFO_EXIT) {
    bool is_error = info.exit.is_error != 0;
    AfterCall(pid, task, *task.pending, info.exit.rval, is_error);
    // What an open that may have created its file found is no longer what the cache says.
    bool created = (task.pending->open_flags & O_CREAT) != 0;
    TaskTracee tracee(*this, pid);
    for (Access& access : DecodeExit(tracee, std::move(*task.pending), info.exit.rval, is_error)) {
      if (ChangesEntry(access.kind)) {
        lookups_.Forget(access.path);
        ForgetDirFds(access.path);
      } else if (created) {
        lookups_.Forget(access.path);
      }
      Record(std::move(access));
    }
  }
  EndCwdChange(task.cwd_change);
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
  EndCwdChange(it->second.cwd_change);
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
          EndCwdChange(task.cwd_change);
          task.pending = std::move(it->second.pending);
          task.cwd_change = std::move(it->second.cwd_change);
          task.cwd = std::move(it->second.cwd);
          it->second.pending.reset();
          it->second.cwd_change = {};
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
