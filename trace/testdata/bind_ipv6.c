/* SPDX-License-Identifier: MIT */
// bind on IPv6: a TCP socket on [::1]:argv[1], then a UDP socket on the same port.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  struct sockaddr_in6 address = {.sin6_family = AF_INET6,
                                 .sin6_port = htons((unsigned short)atoi(argv[1])),
                                 .sin6_addr = IN6ADDR_LOOPBACK_INIT};
  int tcp = socket(AF_INET6, SOCK_STREAM, 0);
  int udp = socket(AF_INET6, SOCK_DGRAM, 0);
  if (bind(tcp, (struct sockaddr*)&address, sizeof address) != 0) return 3;
  if (bind(udp, (struct sockaddr*)&address, sizeof address) != 0) return 4;
  return 0;
}
