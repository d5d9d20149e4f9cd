// SPDX-License-Identifier: MIT
#include "trace/tracer.h"

#include <fcntl.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "trace/decode.h"
#include "trace/syscalls.h"
#include "trace/tracee.h"

// <sys/ptrace.h> and <linux/ptrace.h> clash; the few glibc declarations needed are here.
extern "C" long ptrace(int request, ...);  // NOLINT

namespace landlockc::trace {
namespace {

constexpr long kOptions = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                          PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL |
                          PTRACE_O_TRACESYSGOOD;

llvm::Error SystemError(const std::string& what) {
  return llvm::createStringError(std::error_code(errno, std::generic_category()), "%s: %s",
                                 what.c_str(), std::strerror(errno));
}

struct Task {
  bool started = false;
  std::optional<PendingCall> pending;
};

class Tracer {
 public:
  Tracer(pid_t root, const TraceOptions& options) : root_(root), options_(options) {
    tasks_[root].started = true;
  }

  llvm::Error Run(TraceResult& result);

 private:
  void HandleStop(pid_t pid, int status);
  void OnSeccompStop(pid_t pid);
  void OnSyscallExit(pid_t pid);
  LiveTracee TraceeOf(pid_t pid) {
    return LiveTracee(
        pid, [this](int64_t other) { return tasks_.count(static_cast<pid_t>(other)) != 0; });
  }
  void Record(Access access);
  void Fail(std::string message);

  pid_t root_;
  const TraceOptions& options_;
  std::unordered_map<pid_t, Task> tasks_;
  std::vector<Access> accesses_;
  std::unordered_set<std::string> seen_;
  std::string failure_;
  TraceResult* result_ = nullptr;
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
  LiveTracee tracee = TraceeOf(pid);
  std::optional<PendingCall> pending = DecodeEntry(tracee, entry);
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
    LiveTracee tracee = TraceeOf(pid);
    for (Access& access :
         DecodeExit(tracee, std::move(*task.pending), info.exit.rval, info.exit.is_error != 0))
      Record(std::move(access));
  }
  task.pending.reset();
  ptrace(PTRACE_CONT, pid, 0, 0);
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
      tasks_.try_emplace(static_cast<pid_t>(child));
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
          task.pending = std::move(it->second.pending);
          tasks_.erase(it);
        }
      }
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
      tasks_.erase(pid);
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
