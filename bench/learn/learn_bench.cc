// SPDX-License-Identifier: MIT
// The overhead of `landlockc learn`'s tracer on system-call-heavy jobs, side by side in one run:
// each job untraced, under the tracer (trace::TraceCommand, what `learn` runs), and under
// `strace -f -e trace=%file,%network -o /dev/null`. Jobs: a 20-file C build with `make`, and
// `tar czf` of a tree of 2,000 files. Whole-process runs of the `landlockc` binary, proposal
// included: scripts/bench-learn.sh. Figures: docs/performance.md.
//
// `Stops` is the floor under the tracer: the same seccomp filter, the same ptrace options, a stop
// at entry and at exit of each traced call with one PTRACE_GET_SYSCALL_INFO each, and nothing
// decoded or recorded. What `Learn` costs above it is the tracer's own work.
#include <benchmark/benchmark.h>
#include <linux/ptrace.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "trace/syscalls.h"
#include "trace/tracer.h"

// <sys/ptrace.h> and <linux/ptrace.h> clash (as in trace/tracer.cc).
extern "C" long ptrace(int request, ...);  // NOLINT

namespace landlockc {
namespace {

namespace fs = std::filesystem;

// The jobs' inputs, made once: proj/ (20 C files and a Makefile) and tree/ (2,000 files).
const fs::path& Work() {
  static const fs::path work = [] {
    std::string pattern = (fs::temp_directory_path() / "landlockc-learn-bench-XXXXXX").string();
    fs::path dir = mkdtemp(pattern.data());
    fs::create_directories(dir / "proj");
    std::ofstream make(dir / "proj/Makefile");
    make << "OBJS := $(patsubst %.c,%.o,$(wildcard *.c))\nprog: $(OBJS)\n\tcc -o $@ $^\n";
    for (int i = 0; i < 20; ++i) {
      std::ofstream source(dir / "proj" / ("f" + std::to_string(i) + ".c"));
      source << "#include <stdio.h>\n#include <string.h>\n#include <stdlib.h>\n";
      if (i == 0)
        source << "int main(void) { return 0; }\n";
      else
        source << "int f" << i << "(const char* s) { return (int)strlen(s) + " << i << "; }\n";
    }
    for (int d = 0; d < 20; ++d) {
      fs::path sub = dir / "tree" / ("d" + std::to_string(d));
      fs::create_directories(sub);
      for (int f = 0; f < 100; ++f)
        std::ofstream(sub / ("f" + std::to_string(f) + ".txt")) << "file " << d << "/" << f << "\n";
    }
    return dir;
  }();
  return work;
}

std::vector<std::string> MakeJob() { return {"make", "-s", "-B", "-C", Work() / "proj"}; }
std::vector<std::string> TarJob() {
  return {"tar", "czf", Work() / "tree.tgz", "-C", Work(), "tree"};
}

// Runs `argv` to completion (stdout and stderr to /dev/null); false when it failed.
bool Run(const std::vector<std::string>& argv) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    execvp(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void Untraced(benchmark::State& state, std::vector<std::string> (*job)()) {
  for (auto _ : state)
    if (!Run(job())) state.SkipWithError("the job failed");
}

void Learn(benchmark::State& state, std::vector<std::string> (*job)()) {
  size_t accesses = 0;
  for (auto _ : state) {
    llvm::Expected<trace::TraceResult> result = trace::TraceCommand(job());
    if (!result) {
      state.SkipWithError(llvm::toString(result.takeError()).c_str());
      break;
    }
    if (result->exit_status != 0) state.SkipWithError("the job failed");
    accesses = result->accesses.size();
  }
  state.counters["accesses"] = static_cast<double>(accesses);
}

// Runs `argv` stopped at entry and exit of each call the tracer's filter traces, decoding nothing;
// false when it failed.
bool RunStopping(const std::vector<std::string>& argv, const sock_fprog& filter) {
  pid_t child = fork();
  if (child == 0) {
    raise(SIGSTOP);  // until seized
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    freopen("/dev/null", "w", stdout);
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
        syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &filter) != 0)
      _exit(126);
    execvp(args[0], args.data());
    _exit(127);
  }
  waitpid(child, nullptr, WSTOPPED);
  constexpr long kOptions = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                            PTRACE_O_TRACEEXEC | PTRACE_O_TRACESECCOMP | PTRACE_O_EXITKILL |
                            PTRACE_O_TRACESYSGOOD;
  if (ptrace(PTRACE_SEIZE, child, 0, kOptions) != 0) return false;
  kill(child, SIGCONT);
  int exit_status = -1;
  for (;;) {
    int status = 0;
    pid_t pid = waitpid(-1, &status, __WALL);
    if (pid < 0) break;
    if (WIFEXITED(status) && pid == child) exit_status = WEXITSTATUS(status);
    if (!WIFSTOPPED(status)) continue;
    int signal = WSTOPSIG(status), event = status >> 16;
    ptrace_syscall_info info{};
    if (event == PTRACE_EVENT_SECCOMP) {
      ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
      ptrace(PTRACE_SYSCALL, pid, 0, 0);
    } else if (signal == (SIGTRAP | 0x80)) {
      ptrace(PTRACE_GET_SYSCALL_INFO, pid, sizeof info, &info);
      ptrace(PTRACE_CONT, pid, 0, 0);
    } else {
      bool deliver = event == 0 && signal != SIGSTOP && signal != SIGCONT;
      ptrace(PTRACE_CONT, pid, 0, deliver ? signal : 0);
    }
  }
  return exit_status == 0;
}

void Stops(benchmark::State& state, std::vector<std::string> (*job)()) {
  llvm::Expected<std::vector<sock_filter>> program = trace::BuildSeccompFilter(false);
  if (!program) {
    state.SkipWithError(llvm::toString(program.takeError()).c_str());
    return;
  }
  sock_fprog filter{static_cast<unsigned short>(program->size()), program->data()};
  for (auto _ : state)
    if (!RunStopping(job(), filter)) state.SkipWithError("the job failed");
}

void Strace(benchmark::State& state, std::vector<std::string> (*job)()) {
  std::vector<std::string> argv = {"strace", "-f", "-e", "trace=%file,%network", "-o", "/dev/null"};
  for (const std::string& arg : job()) argv.push_back(arg);
  for (auto _ : state)
    if (!Run(argv)) state.SkipWithError("strace or the job failed");
}

BENCHMARK_CAPTURE(Untraced, make_20_files, MakeJob)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(Stops, make_20_files, MakeJob)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(Learn, make_20_files, MakeJob)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(Strace, make_20_files, MakeJob)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(Untraced, tar_czf_2000_files, TarJob)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK_CAPTURE(Stops, tar_czf_2000_files, TarJob)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(Learn, tar_czf_2000_files, TarJob)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK_CAPTURE(Strace, tar_czf_2000_files, TarJob)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace landlockc

BENCHMARK_MAIN();
