// SPDX-License-Identifier: MIT
// landlockc-exec BLOB [--] CMD [ARG]...: `landlockc exec` for a compiled policy, at the cost of
// the system calls. It links only the runtime (no LLVM, ANTLR or C++ library; written like the
// runtime, without exceptions or RTTI), so it starts as a small C program does
// (docs/performance.md, "Launcher").
//
// It runs the command itself only in the common case: a blob the runtime applies as it asks
// (fully enforced), and a command found in PATH that launch_check.h proves the policy lets start.
// In every other case it hands the same arguments, before restricting anything, to the
// `landlockc exec` installed beside it, which says what it says today: usage errors, options,
// source policies, bad blobs, apply failures, best-effort warnings, commands not found or not
// executable, and the pre-flight's explanation of a command the policy does not let start.
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/launch_check.h"
#include "landlockc/runtime.h"

extern char** environ;

namespace {

// cli/exit_codes.h, which is C++ with the driver: `exec`'s own failures, and a command that
// cannot be executed or found.
constexpr int kExitApplyFailed = 125;
constexpr int kExitNotExecutable = 126;
constexpr int kExitNotFound = 127;

// Execs `landlockc exec ARGUMENTS...` from this program's directory. Returns only if that
// fails, with 125 after saying why.
int HandOver(int argc, char** argv) {
  static char driver[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", driver, sizeof driver - 1);
  char* slash = length > 0 ? static_cast<char*>(memrchr(driver, '/', length)) : nullptr;
  const char kName[] = "/landlockc";
  char** arguments = static_cast<char**>(calloc(static_cast<size_t>(argc) + 2, sizeof(char*)));
  if (slash == nullptr || (slash - driver) + sizeof kName > sizeof driver || arguments == nullptr) {
    free(arguments);
    fprintf(stderr, "landlockc-exec: error: cannot find the `landlockc` beside it\n");
    return kExitApplyFailed;
  }
  memcpy(slash, kName, sizeof kName);
  arguments[0] = driver;
  arguments[1] = const_cast<char*>("exec");
  for (int i = 1; i < argc; ++i) arguments[i + 1] = argv[i];
  execv(driver, arguments);
  int error = errno;
  free(arguments);
  fprintf(stderr, "landlockc-exec: error: cannot run `%s`: %s\n", driver, strerror(error));
  return kExitApplyFailed;
}

// Reads the blob at `path` into this process's memory. The runtime validates it and then reads it
// again to prepare the rulesets, and the launch check reads it once more, both trusting what the
// validation proved (blob::Reader::SkipValidatedHeader): its bytes must not change in between. A
// mapping of the file would not ensure it: another process's writes to the file show through a
// mapping, a MAP_PRIVATE one too, until this process writes to the page. False (the driver then
// says why) for a file that cannot be read, is empty, or is larger than any blob the runtime
// accepts. The buffer is static, in .bss: only the pages read are touched.
bool ReadBlob(const char* path, const uint8_t** bytes, size_t* size) {
  static uint8_t buffer[LANDLOCKC_MAX_BLOB_SIZE];
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat status;
  size_t used = 0;
  if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0 &&
      static_cast<size_t>(status.st_size) <= sizeof buffer) {
    // A file that shrank meanwhile is validated as it was read.
    for (size_t wanted = static_cast<size_t>(status.st_size); used < wanted;) {
      ssize_t count = read(fd, buffer + used, wanted - used);
      if (count < 0 && errno == EINTR) continue;
      if (count <= 0) break;
      used += static_cast<size_t>(count);
    }
  }
  close(fd);
  *bytes = buffer;
  *size = used;
  return used > 0;
}

bool IsExecutableFile(const char* path) {
  struct stat status;
  return stat(path, &status) == 0 && S_ISREG(status.st_mode) && access(path, X_OK) == 0;
}

// The program `name` runs, found as cli/command_search.h finds it (as given with a `/`, else the
// first regular file with execute permission in `$PATH`'s directories), into `path`. False when
// there is none: the driver then says why.
bool FindCommand(const char* name, char (&path)[PATH_MAX]) {
  size_t name_length = strlen(name);
  if (name_length == 0 || name_length >= sizeof path) return false;
  if (strchr(name, '/') != nullptr) {
    memcpy(path, name, name_length + 1);
    return IsExecutableFile(path);
  }
  char fallback[PATH_MAX];
  const char* search_path = getenv("PATH");
  if (search_path == nullptr) {
    size_t size = confstr(_CS_PATH, fallback, sizeof fallback);
    search_path = size > 0 && size <= sizeof fallback ? fallback : "";
  }
  for (const char* entry = search_path;; ++entry) {
    const char* end = strchrnul(entry, ':');
    size_t length = static_cast<size_t>(end - entry);
    const char* directory = length == 0 ? "." : entry;
    if (length == 0) length = 1;
    if (length + 1 + name_length < sizeof path) {
      memcpy(path, directory, length);
      if (path[length - 1] != '/') path[length++] = '/';
      memcpy(path + length, name, name_length + 1);
      if (IsExecutableFile(path)) return true;
    }
    if (*end == '\0') return false;
    entry = end;
  }
}

}  // namespace

int main(int argc, char** argv) {
  // BLOB [--] CMD...: anything else (options, standard input, no command) is the driver's.
  int first = 2;
  if (argc > first && strcmp(argv[first], "--") == 0) ++first;
  if (argc <= first || argv[1][0] == '-' || (first == 2 && argv[first][0] == '-'))
    return HandOver(argc, argv);
  const char* policy_name = argv[1];
  char** command = argv + first;

  // A blob that cannot be read: the driver will say why.
  const uint8_t* blob = nullptr;
  size_t size = 0;
  if (!ReadBlob(policy_name, &blob, &size)) return HandOver(argc, argv);
  landlockc_state state{};
  landlockc_report report;
  static char path[PATH_MAX];
  if (landlockc_prepare(blob, size, nullptr, &state, &report) < 0 ||
      report.status != LANDLOCKC_FULLY_ENFORCED || !FindCommand(command[0], path) ||
      !landlockc::launcher::LaunchCertainlyAllowed(blob, size, report.policy_abi,
                                                   static_cast<int>(report.layers_total),
                                                   report.effective_abi, path)) {
    landlockc_abort(&state);
    return HandOver(argc, argv);
  }
  // Past this point nothing can be handed over; both messages are worded as `landlockc exec`
  // words them (ApplyFailed and BecomeCommand in cli/exec_command.cc).
  if (int error = landlockc_restrict(&state, &report); error < 0) {
    fprintf(stderr, "landlockc: error: cannot apply `%s`: %s\n", policy_name,
            report.message[0] != '\0' ? report.message : landlockc_strerror(error));
    return kExitApplyFailed;
  }
  execve(path, command, environ);
  int error = errno;
  fprintf(stderr, "landlockc: error: cannot execute `%s`: %s\n", command[0], strerror(error));
  // Restricted now: exit handlers may need what the policy denies (as in BecomeCommand).
  _exit(error == ENOENT || error == ENOTDIR ? kExitNotFound : kExitNotExecutable);
}
