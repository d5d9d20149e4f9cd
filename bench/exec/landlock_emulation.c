/* SPDX-License-Identifier: MIT */
/*
 * LD_PRELOAD library for counting the instructions of `landlockc-exec` and of the raw baseline
 * with callgrind (docs/performance.md, "Launcher and whole processes"): valgrind 3.19 (Debian 12)
 * does not know the Landlock system calls and fails them with ENOSYS, so this library answers them
 * through libc's syscall(): the ABI probe says 7, a ruleset is a descriptor of /dev/null, adding a
 * rule and restricting succeed. The command is not started: execve and execvp exit 0, so callgrind
 * writes its counts where the command would begin. Both programs pay the same for it. Only
 * programs whose name starts with `landlockc` are affected (not valgrind's own launcher).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

static int Measured(void) { return strncmp(program_invocation_short_name, "landlockc", 9) == 0; }

long syscall(long number, ...) {
  va_list arguments;
  va_start(arguments, number);
  long a[6];
  for (int i = 0; i < 6; ++i) a[i] = va_arg(arguments, long);
  va_end(arguments);
  if (number == 444) /* landlock_create_ruleset: the ABI probe, or a new ruleset */
    return a[0] == 0 && a[2] == 1 ? 7 : open("/dev/null", O_RDONLY | O_CLOEXEC);
  if (number == 445 || number == 446) return 0; /* landlock_add_rule, landlock_restrict_self */
  long (*real)(long, ...) = (long (*)(long, ...))dlsym(RTLD_NEXT, "syscall");
  return real(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int execve(const char* path, char* const argv[], char* const envp[]) {
  if (Measured()) _exit(0);
  int (*real)(const char*, char* const[], char* const[]) =
      (int (*)(const char*, char* const[], char* const[]))dlsym(RTLD_NEXT, "execve");
  return real(path, argv, envp);
}

int execvp(const char* file, char* const argv[]) {
  if (Measured()) _exit(0);
  int (*real)(const char*, char* const[]) =
      (int (*)(const char*, char* const[]))dlsym(RTLD_NEXT, "execvp");
  return real(file, argv);
}
