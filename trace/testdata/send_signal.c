/* SPDX-License-Identifier: MIT */
// Datagrams with a destination: sendmsg over UDP to port argv[1], sendmmsg of two messages to
// ports argv[1]+1 and argv[1]+2, sendmsg on a unix datagram socket to the path argv[2] and to the
// abstract name @argv[3]; then pidfd_send_signal with signal 0 to process argv[4] (outside the
// traced tree) and SIGKILL to a forked child of its own (inside).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

static struct sockaddr_in Loopback(int port) {
  struct sockaddr_in address = {.sin_family = AF_INET,
                                .sin_port = htons((unsigned short)port),
                                .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  return address;
}

static void SendTo(int fd, void* address, socklen_t length) {
  struct iovec data = {.iov_base = "x", .iov_len = 1};
  struct msghdr message = {
      .msg_name = address, .msg_namelen = length, .msg_iov = &data, .msg_iovlen = 1};
  sendmsg(fd, &message, MSG_DONTWAIT);
}

static int PidfdSignal(pid_t pid, int signal) {
  int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
  return pidfd < 0 ? -1 : (int)syscall(SYS_pidfd_send_signal, pidfd, signal, NULL, 0);
}

int main(int argc, char** argv) {
  if (argc != 5) return 2;
  int port = atoi(argv[1]);
  int udp = socket(AF_INET, SOCK_DGRAM, 0);
  struct sockaddr_in first = Loopback(port);
  SendTo(udp, &first, sizeof first);
  struct sockaddr_in others[2] = {Loopback(port + 1), Loopback(port + 2)};
  struct iovec data = {.iov_base = "x", .iov_len = 1};
  struct mmsghdr messages[2];
  memset(messages, 0, sizeof messages);
  for (int i = 0; i < 2; ++i) {
    messages[i].msg_hdr.msg_name = &others[i];
    messages[i].msg_hdr.msg_namelen = sizeof others[i];
    messages[i].msg_hdr.msg_iov = &data;
    messages[i].msg_hdr.msg_iovlen = 1;
  }
  if (sendmmsg(udp, messages, 2, MSG_DONTWAIT) != 2) return 3;
  int unix_socket = socket(AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un path = {.sun_family = AF_UNIX};
  strncpy(path.sun_path, argv[2], sizeof path.sun_path - 1);
  SendTo(unix_socket, &path, sizeof path);
  struct sockaddr_un abstract = {.sun_family = AF_UNIX};
  size_t length = strlen(argv[3]);
  memcpy(abstract.sun_path + 1, argv[3], length);
  SendTo(unix_socket, &abstract, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 1 + length));
  if (PidfdSignal(atoi(argv[4]), 0) != 0) return 4;
  pid_t child = fork();
  if (child == 0) {
    pause();
    _exit(0);
  }
  if (PidfdSignal(child, SIGKILL) != 0) return 5;
  waitpid(child, NULL, 0);
  return 0;
}
