/* SPDX-License-Identifier: MIT */
// Scoped accesses: connect to the abstract unix socket @argv[1] (refused: nobody listens), signal
// the process argv[2] (outside the traced tree) with signal 0, and a forked child of its own with
// SIGKILL (inside).
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 3) return 2;
  struct sockaddr_un address = {.sun_family = AF_UNIX};
  size_t length = strlen(argv[1]);
  memcpy(address.sun_path + 1, argv[1], length);
  int unix_socket = socket(AF_UNIX, SOCK_STREAM, 0);
  connect(unix_socket, (struct sockaddr*)&address,
          (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + length));
  if (kill(atoi(argv[2]), 0) != 0) return 3;
  pid_t child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  kill(child, SIGKILL);
  waitpid(child, NULL, 0);
  return 0;
}
