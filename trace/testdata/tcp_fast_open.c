/* SPDX-License-Identifier: MIT */
// TCP sends with a destination: connects to the listening port argv[1] and sends on that
// connection naming port argv[2] (TCP ignores it: nothing connects there); then connects to ports
// argv[2] and argv[3], where nothing listens, through sendto and sendmsg with MSG_FASTOPEN (each
// refused).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static struct sockaddr_in Loopback(int port) {
  struct sockaddr_in address = {.sin_family = AF_INET,
                                .sin_port = htons((unsigned short)port),
                                .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  return address;
}

int main(int argc, char** argv) {
  if (argc != 4) return 2;
  struct sockaddr_in listening = Loopback(atoi(argv[1]));
  struct sockaddr_in refusing = Loopback(atoi(argv[2]));
  struct sockaddr_in also_refusing = Loopback(atoi(argv[3]));
  int connected = socket(AF_INET, SOCK_STREAM, 0);
  if (connect(connected, (struct sockaddr*)&listening, sizeof listening) != 0) return 3;
  if (sendto(connected, "x", 1, 0, (struct sockaddr*)&refusing, sizeof refusing) != 1) return 4;
  int fast = socket(AF_INET, SOCK_STREAM, 0);
  if (sendto(fast, "x", 1, MSG_FASTOPEN, (struct sockaddr*)&refusing, sizeof refusing) != -1 ||
      errno != ECONNREFUSED)
    return 5;
  int fast_message = socket(AF_INET, SOCK_STREAM, 0);
  struct iovec data = {.iov_base = "x", .iov_len = 1};
  struct msghdr message = {.msg_name = &also_refusing,
                           .msg_namelen = sizeof also_refusing,
                           .msg_iov = &data,
                           .msg_iovlen = 1};
  if (sendmsg(fast_message, &message, MSG_FASTOPEN) != -1 || errno != ECONNREFUSED) return 6;
  return 0;
}
