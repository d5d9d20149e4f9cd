/* SPDX-License-Identifier: MIT */
// Relative opens after each way the working directory changes, in argv[1] (which holds a/ and b/,
// and top, f, g and h in all three): a thread's chdir (shared), fchdir, a forked child's chdir (not
// shared), a chdir by a child made with CLONE_FS (shared), and a thread's chdir after
// unshare(CLONE_FS) (not shared). Each open's path says which working directory the tracer must
// have used. Before each change the process opens a relative path, after the thread or child that
// makes the change exists, so that the tracer holds the working directory before it changes.
#define _GNU_SOURCE
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

// Each change waits for its turn on this pipe.
static int turn[2];

static void Wait(void) {
  char go;
  if (read(turn[0], &go, 1) != 1) _exit(20);
}

static void Go(void) {
  if (write(turn[1], "g", 1) != 1) _exit(21);
}

static void* ChdirToA(void* unused) {
  (void)unused;
  Wait();
  return (void*)(long)chdir("a");
}

static int ChdirToAFromB(void* unused) {
  (void)unused;
  Wait();
  return chdir("../a") == 0 ? 0 : 1;
}

static void* UnshareThenWriteTop(void* unused) {
  (void)unused;
  Wait();
  if (unshare(CLONE_FS) != 0 || chdir("..") != 0) return (void*)1L;
  return (void*)(long)(open("top", O_WRONLY) < 0);
}

static int Join(pthread_t thread) {
  void* result;
  return pthread_join(thread, &result) == 0 && result == NULL ? 0 : 1;
}

int main(int argc, char** argv) {
  if (argc != 2 || chdir(argv[1]) != 0 || pipe(turn) != 0) return 2;
  // A thread shares the working directory.
  pthread_t thread;
  if (pthread_create(&thread, NULL, ChdirToA, NULL) != 0) return 3;
  if (open("top", O_RDONLY) < 0) return 3;
  Go();
  if (Join(thread) != 0 || open("f", O_RDONLY) < 0) return 4;
  // fchdir to b.
  int b = open("../b", O_RDONLY | O_DIRECTORY);
  if (b < 0 || fchdir(b) != 0 || open("g", O_RDONLY) < 0) return 5;
  // A forked child has a copy: its chdir leaves the parent in b.
  pid_t child = fork();
  if (child == 0) _exit(chdir("../a") == 0 && open("f", O_WRONLY) >= 0 ? 0 : 1);
  int status;
  if (waitpid(child, &status, 0) != child || status != 0) return 6;
  if (open("g", O_WRONLY) < 0) return 7;
  // A child made with CLONE_FS shares it: its chdir moves the parent to a.
  static char stack[65536];
  child = clone(ChdirToAFromB, stack + sizeof stack, CLONE_FS | SIGCHLD, NULL);
  if (child < 0 || open("g", O_RDONLY) < 0) return 8;
  Go();
  if (waitpid(child, &status, 0) != child || status != 0) return 9;
  if (open("h", O_RDONLY) < 0) return 10;
  // A thread that unshares its working directory moves alone.
  if (pthread_create(&thread, NULL, UnshareThenWriteTop, NULL) != 0) return 11;
  if (open("f", O_RDONLY) < 0) return 11;
  Go();
  if (Join(thread) != 0 || open("h", O_WRONLY) < 0) return 12;
  return 0;
}
