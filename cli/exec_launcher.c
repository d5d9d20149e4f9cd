/* SPDX-License-Identifier: MIT */
/*
 * landlockc-exec BLOB [--] CMD [ARG]...: `landlockc exec` for a compiled policy, at the cost of
 * the system calls. A C program linking only the runtime: no LLVM, no ANTLR, no C++ library, so
 * its start-up is a small C program's (docs/performance.md, "Launcher").
 *
 * The fast path handles the common case alone: a blob the runtime applies as it asks (fully
 * enforced), and a command the kernel then starts. Everything else is handed over, before
 * anything is restricted, to `landlockc exec` with the same arguments (the `landlockc` installed
 * beside this program), which says what it says today: usage errors, source policies, options,
 * bad blobs, apply failures, best-effort warnings, commands not found or not executable, and the
 * pre-flight's explanation of a command the policy does not let start. So the messages and exit
 * statuses are `landlockc exec`'s own, and the pre-flight runs only when the kernel refused.
 *
 * How the command can be tried and still handed over: Landlock restricts the calling thread. A
 * second thread restricts itself and calls execve; on success the kernel ends every other thread
 * and the process is the command, restricted. On failure the thread returns, and the first
 * thread, never restricted and without no_new_privs, hands over.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "landlockc/runtime.h"

enum { kExitApplyFailed = 125, kPathSize = 4096 };

extern char** environ;

/* What the launching thread needs: the prepared rulesets and the command line. */
struct Launch {
  struct landlockc_state state;
  char** command; /* NULL-terminated: the command and its arguments */
  const char* search_path;
};

/*
 * Execs `landlockc exec ARGUMENTS...` from the directory this program lives in. Returns only if
 * that fails, with 125 after saying why.
 */
static int HandOver(int argc, char** argv) {
  static char driver[kPathSize];
  ssize_t length = readlink("/proc/self/exe", driver, sizeof driver - 1);
  char* slash = length > 0 ? memrchr(driver, '/', (size_t)length) : NULL;
  const char kName[] = "/landlockc";
  if (slash == NULL || (size_t)(slash - driver) + sizeof kName > sizeof driver) {
    fprintf(stderr, "landlockc-exec: error: cannot find the directory it was started from\n");
    return kExitApplyFailed;
  }
  memcpy(slash, kName, sizeof kName);
  char** arguments = calloc((size_t)argc + 2, sizeof *arguments);
  if (arguments == NULL) return kExitApplyFailed;
  arguments[0] = driver;
  arguments[1] = "exec";
  for (int i = 1; i < argc; ++i) arguments[i + 1] = argv[i];
  execv(driver, arguments);
  fprintf(stderr, "landlockc-exec: error: cannot run `%s`: %s\n", driver, strerror(errno));
  return kExitApplyFailed;
}

/* Maps the regular file `path` read-only; NULL when it cannot (the driver will say why). */
static const void* MapFile(const char* path, size_t* size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return NULL;
  struct stat status;
  void* data = MAP_FAILED;
  if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    *size = (size_t)status.st_size;
    data = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  return data == MAP_FAILED ? NULL : data;
}

/*
 * Execs `name` as a POSIX shell finds it: as given when it has a `/`, else the first of the
 * search path's directories that holds it. Returns only on failure. A candidate that does not
 * exist is passed over (execve says ENOENT or ENOTDIR and nothing is there); any other failure
 * stops the search, so the driver, finding the same candidate first, explains that one.
 */
static void ExecCommand(char** command, const char* search_path) {
  const char* name = command[0];
  if (name[0] == '\0') return;
  if (strchr(name, '/') != NULL) {
    execve(name, command, environ);
    return;
  }
  size_t name_length = strlen(name);
  for (const char* entry = search_path;; ++entry) {
    const char* end = strchrnul(entry, ':');
    size_t length = (size_t)(end - entry);
    char candidate[kPathSize];
    if (length == 0) length = 1, entry = ".";
    if (length + 1 + name_length >= sizeof candidate) return;
    memcpy(candidate, entry, length);
    if (candidate[length - 1] != '/') candidate[length++] = '/';
    memcpy(candidate + length, name, name_length + 1);
    execve(candidate, command, environ);
    struct stat status;
    if ((errno != ENOENT && errno != ENOTDIR) || stat(candidate, &status) == 0) return;
    if (*end == '\0') return;
    entry = end;
  }
}

/* The launching thread: restricts itself, then becomes the command. Returns only on failure. */
static void* RestrictAndExec(void* argument) {
  struct Launch* launch = argument;
  if (landlockc_restrict(&launch->state, NULL) == 0)
    ExecCommand(launch->command, launch->search_path);
  return NULL;
}

/* `$PATH`, or the system's default search path when it is unset. */
static const char* SearchPath(void) {
  static char fallback[kPathSize];
  const char* path = getenv("PATH");
  if (path != NULL) return path;
  size_t size = confstr(_CS_PATH, fallback, sizeof fallback);
  return size > 0 && size <= sizeof fallback ? fallback : "";
}

int main(int argc, char** argv) {
  /* BLOB [--] CMD...: anything else (options, standard input, no command) is the driver's. */
  int first = 2;
  if (argc > first && strcmp(argv[first], "--") == 0) ++first;
  if (argc <= first || argv[1][0] == '-' || (argv[first][0] == '-' && first == 2))
    return HandOver(argc, argv);
  size_t size = 0;
  const void* blob = MapFile(argv[1], &size);
  if (blob == NULL) return HandOver(argc, argv);
  static struct Launch launch;
  struct landlockc_report report;
  int error = landlockc_prepare(blob, size, NULL, &launch.state, &report);
  if (error < 0 || report.status != LANDLOCKC_FULLY_ENFORCED) {
    landlockc_abort(&launch.state);
    return HandOver(argc, argv);
  }
  launch.command = argv + first;
  launch.search_path = SearchPath();
  pthread_t thread;
  if (pthread_create(&thread, NULL, RestrictAndExec, &launch) == 0) pthread_join(thread, NULL);
  landlockc_abort(&launch.state);
  return HandOver(argc, argv);
}
