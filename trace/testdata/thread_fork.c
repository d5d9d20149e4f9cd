/* SPDX-License-Identifier: MIT */
// A thread and a forked child each open a file: argv[1]/thread.txt and argv[1]/child.txt.
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static const char* dir;

static void* Thread(void* unused) {
  (void)unused;
  char path[4096];
  snprintf(path, sizeof path, "%s/thread.txt", dir);
  return (void*)(long)open(path, O_RDONLY);
}

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  dir = argv[1];
  pthread_t thread;
  void* fd;
  if (pthread_create(&thread, NULL, Thread, NULL) != 0 || pthread_join(thread, &fd) != 0 ||
      (long)fd < 0)
    return 3;
  pid_t child = fork();
  if (child == 0) {
    char path[4096];
    snprintf(path, sizeof path, "%s/child.txt", dir);
    _exit(open(path, O_WRONLY) < 0 ? 1 : 0);
  }
  int status;
  return waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0
                                                                                              : 4;
}
